using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace ProductQuality.Graph.Tests.Explorer.Browser;

/// <summary>
/// The IDE in a real browser that can reach nothing but the server (every other host name fails to resolve): it
/// loads, a department signs in with the development picker, runs the first example and sees the result; the
/// editor's completion offers only fields of the signed-in contract. Outside CI the screenshots are refreshed in
/// docs/images/ for the README.
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

    public void Dispose() => _browser.Quit();

    private List<string> Completions(string department, string prefix)
    {
        _browser.Navigate().GoToUrl(_server.Address);
        var wait = new WebDriverWait(_browser, Patience);
        wait.Until(d => d.FindElements(By.CssSelector("#sign-in select")).Count > 0);
        _browser.FindElement(By.CssSelector($"#sign-in select option[value='{department}']")).Click();
        _browser.FindElement(By.XPath("//button[text()='Sign in (development)']")).Click();
        wait.Until(_ => SignedInAs().Contains(department, StringComparison.Ordinal));
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
