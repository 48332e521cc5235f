using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using ProductQuality.Graph.Tests.WebSockets;

namespace ProductQuality.Graph.Tests.Explorer.Browser;

/// <summary>
/// The IDE in a real browser that can reach nothing but the server (every other host name fails to resolve): it
/// loads, a department signs in with the development picker, runs the first example and sees the result; the
/// editor's completion offers only fields of the signed-in contract. With PQG_REFRESH_SCREENSHOTS=1 the screenshots
/// are refreshed in docs/images/ for the README.
/// </summary>
public sealed class IdeBrowserTests : IClassFixture<KestrelServer>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly KestrelServer _server;
    private readonly ChromeDriver _browser;

    public IdeBrowserTests(KestrelServer server)
    {
        _server = server;
        _browser = Chrome.Start(Patience);
    }

    [BrowserFact]
    public void A_department_signs_in_runs_an_example_and_sees_the_result()
    {
        _browser.Navigate().GoToUrl(_server.Address);
        var wait = new WebDriverWait(_browser, Patience);
        wait.Until(d => d.FindElements(By.CssSelector(".graphiql-container")).Count > 0);
        Assert.StartsWith("Public", SignedInAs());
        Screenshot.Save(_browser, "ide-public.png");

        _browser.FindElement(By.CssSelector("#sign-in select option[value='finance']")).Click();
        _browser.FindElement(By.XPath("//button[text()='Sign in (development)']")).Click();
        wait.Until(_ => SignedInAs().Contains("finance", StringComparison.Ordinal));
        wait.Until(d => d.FindElements(By.CssSelector(".graphiql-tab")).Count >= 4);

        _browser.FindElement(By.CssSelector(".graphiql-execute-button")).Click();
        wait.Until(_ => Response().Contains("\"creditCode\"", StringComparison.Ordinal));
        Assert.DoesNotContain("\"errors\"", Response(), StringComparison.Ordinal);
        Screenshot.Save(_browser, "ide-finance.png");

        var resources = (IReadOnlyCollection<object>)_browser.ExecuteScript(
            "return performance.getEntriesByType('resource').map(r => r.name);")!;
        Assert.All(resources, url => Assert.StartsWith(_server.Address.GetLeftPart(UriPartial.Authority), (string)url));
    }

    [BrowserFact]
    public void Completion_offers_the_fields_of_the_signed_in_contract_only()
    {
        Assert.Contains("inspections", Completions("samr-jiaxing", "insp"));
        Assert.DoesNotContain("inspections", Completions("finance", "insp"));   // not in the finance contract
        Assert.Contains("qualityIndex", Completions("finance", "quali"));
    }

    /// <summary>
    /// A subscription runs in the IDE over graphql-transport-ws with the signed-in department's token, and a write
    /// committed meanwhile arrives as an event (before, GraphiQL showed its own setup error and a stack). It starts
    /// after the feed's newest event, taken beforehand (a first write makes sure there is one), so the second write
    /// counts however long the socket takes to open.
    /// </summary>
    [BrowserFact]
    public async Task A_subscription_in_the_IDE_receives_a_change_committed_meanwhile()
    {
        await ChangeSubscriptionTests.ListAsync(_server, "913304021DJJJKNYX4", "1");
        var head = await RegulatorPostAsync(new { query = "{ changes(first: 0) { pageInfo { endCursor } } }" });
        var cursor = head.GetProperty("data").GetProperty("changes").GetProperty("pageInfo").GetProperty("endCursor");
        SignInForSubscription("samr-jiaxing");
        Run($$"""subscription { changes(after: "{{cursor.GetString()}}") { cursor kind creditCode } }""", "{}");
        new WebDriverWait(_browser, Patience).Until(d => d.FindElement(By.CssSelector(".graphiql-execute-button"))
            .GetAttribute("aria-label")!.StartsWith("Stop", StringComparison.Ordinal));

        await ChangeSubscriptionTests.ListAsync(_server, "913304021LBWPK6UM1", "2");
        new WebDriverWait(_browser, Patience)
            .Until(_ => Response().Contains("913304021LBWPK6UM1", StringComparison.Ordinal));
        Assert.DoesNotContain("\"errors\"", Response(), StringComparison.Ordinal);
        Assert.DoesNotContain("913304021DJJJKNYX4", Response(), StringComparison.Ordinal);   // before the cursor
        _browser.FindElement(By.CssSelector(".graphiql-execute-button")).Click();   // stop: the socket closes
    }

    /// <summary>
    /// What the Headers editor holds travels in connection_init's payload, as it would be headers over HTTP; a
    /// connection the server closes shows the close's code and reason as an error, not a JavaScript stack.
    /// </summary>
    [BrowserFact]
    public void A_refused_connection_shows_the_servers_reason_without_a_stack()
    {
        SignInForSubscription("finance");
        Run("subscription { changes { cursor } }", "{}", """{ "x-purpose": "not a purpose!" }""");
        new WebDriverWait(_browser, Patience)
            .Until(_ => Response().Contains("INVALID_PURPOSE", StringComparison.Ordinal));
        Assert.Contains("The connection closed (4400)", Response(), StringComparison.Ordinal);
        Assert.DoesNotContain("stack", Response(), StringComparison.Ordinal);
    }

    public void Dispose() => _browser.Quit();

    /// <summary>Opens the IDE and signs in as the department through the development picker.</summary>
    private WebDriverWait SignIn(string department)
    {
        _browser.Navigate().GoToUrl(_server.Address);
        var wait = new WebDriverWait(_browser, Patience);
        wait.Until(d => d.FindElements(By.CssSelector("#sign-in select")).Count > 0);
        _browser.FindElement(By.CssSelector($"#sign-in select option[value='{department}']")).Click();
        _browser.FindElement(By.XPath("//button[text()='Sign in (development)']")).Click();
        wait.Until(_ => SignedInAs().Contains(department, StringComparison.Ordinal));
        return wait;
    }

    private void SignInForSubscription(string department)
    {
        var wait = SignIn(department);
        wait.Until(d => d.FindElements(By.CssSelector(".graphiql-editor-tool .CodeMirror")).Count >= 2);
    }

    /// <summary>Puts the document, variables and headers into GraphiQL's editors and runs it.</summary>
    private void Run(string query, string variables, string headers = "{}")
    {
        _browser.ExecuteScript("""
            const [query, variables, headers] = arguments;
            document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(query);
            const tools = document.querySelectorAll('.graphiql-editor-tool .CodeMirror');
            tools[0].CodeMirror.setValue(variables);
            tools[1].CodeMirror.setValue(headers);
            """, query, variables, headers);
        Thread.Sleep(500);   // GraphiQL reads the editors' content after a debounce
        _browser.FindElement(By.CssSelector(".graphiql-execute-button")).Click();
    }

    private async Task<JsonElement> RegulatorPostAsync(object request)
    {
        using var client = _server.ClientFor("samr-jiaxing");
        using var response = await client.PostAsJsonAsync("/graphql", request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }

    private List<string> Completions(string department, string prefix)
    {
        var wait = SignIn(department);
        // The schema must have arrived before completion can know the fields: the docs show the Query type then.
        wait.Until(d => (bool)((IJavaScriptExecutor)d).ExecuteScript(
            "return !!document.querySelector('.graphiql-query-editor .CodeMirror');")!);
        Thread.Sleep(1500);
        _browser.ExecuteScript($$"""
            const cm = document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror;
            cm.setValue('{ enterprise(creditCode: "x") { {{prefix}} } }');
            cm.focus();
            cm.setCursor({ line: 0, ch: {{33 + prefix.Length}} });
            """);
        new OpenQA.Selenium.Interactions.Actions(_browser)
            .KeyDown(Keys.Control).SendKeys(" ").KeyUp(Keys.Control).Perform();
        wait.Until(d => d.FindElements(By.CssSelector(".CodeMirror-hints li")).Count > 0);
        var hints = _browser.FindElements(By.CssSelector(".CodeMirror-hints li")).Select(h => h.Text.Trim()).ToList();
        _browser.ExecuteScript("sessionStorage.clear(); localStorage.clear();");
        return hints;
    }

    private string SignedInAs() => _browser.FindElement(By.CssSelector("[data-testid=signed-in-as]")).Text;

    private string Response() => _browser.FindElement(By.CssSelector(".graphiql-response")).Text;
}
