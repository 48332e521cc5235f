using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using ProductQuality.Graph.Access.Tokens;

namespace ProductQuality.Graph.Tests.Explorer.Browser;

/// <summary>
/// The four-colour map in a real browser that can reach nothing but the server: it draws every region the viewer's
/// token may see in the colour the API gives, a county bureau sees its county only (regions and enterprise points),
/// the regulator's contract can add enterprises as points in their health-code colours, and a contract without the
/// map is told so. With PQG_REFRESH_SCREENSHOTS=1 the screenshot is refreshed for the README.
/// </summary>
public sealed class MapBrowserTests : IClassFixture<KestrelServer>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly KestrelServer _server;
    private readonly ChromeDriver _browser;

    public MapBrowserTests(KestrelServer server)
    {
        _server = server;
        _browser = Chrome.Start(Patience);
    }

    [BrowserFact]
    public async Task The_regulator_sees_every_region_in_the_colour_the_API_gives()
    {
        var token = Token("samr-jiaxing");
        SignIn("samr-jiaxing", token);
        var expected = await ColoursFromApiAsync(token);
        Assert.Equal(expected, ColoursDrawn());
        Assert.Contains(expected.Values, c => c != "");   // something is coloured, not all "not assessed"
        Assert.Contains("samr-jiaxing", SignedInAs(), StringComparison.Ordinal);
        _browser.Manage().Window.Size = new System.Drawing.Size(1100, 1240);   // the whole city and the legend
        Screenshot.Save(_browser, "map-regulator.png");

        _browser.FindElement(By.Id("show-enterprises")).Click();
        var wait = new WebDriverWait(_browser, Patience);
        wait.Until(d => d.FindElements(By.CssSelector("svg#map[data-ready] circle.enterprise")).Count > 0);
        var points = _browser.FindElements(By.CssSelector("circle.enterprise"));
        Assert.All(points, p => Assert.Contains(p.GetAttribute("fill"),
            new[] { "#d93025", "#f9ab00", "#1a73e8", "#1e8e3e" }));
    }

    [BrowserFact]
    public async Task A_county_bureau_sees_its_county_only()
    {
        var token = Token("samr-330481");
        SignIn("samr-330481", token);
        var drawn = ColoursDrawn();
        Assert.Equal(await ColoursFromApiAsync(token), drawn);
        Assert.All(drawn.Keys, code => Assert.StartsWith("330481", code, StringComparison.Ordinal));

        _browser.FindElement(By.Id("show-enterprises")).Click();
        new WebDriverWait(_browser, Patience).Until(d =>
            d.FindElements(By.CssSelector("svg#map[data-ready] circle.enterprise")).Count > 0);
        var towns = _browser.FindElements(By.CssSelector("g.town"))
            .Where(t => t.FindElements(By.CssSelector("circle.enterprise")).Count > 0)
            .Select(t => t.GetAttribute("data-code")!).ToList();
        Assert.NotEmpty(towns);
        Assert.All(towns, code => Assert.StartsWith("330481", code, StringComparison.Ordinal));
    }

    [BrowserFact]
    public void A_contract_without_the_map_is_told_so_without_a_blank_page()
    {
        SignIn("finance", Token("finance"));
        var status = _browser.FindElement(By.Id("status")).Text;
        Assert.StartsWith("The map could not be loaded:", status, StringComparison.Ordinal);
    }

    public void Dispose() => _browser.Quit();

    private string Token(string department) => _server.Services.GetRequiredService<DevelopmentTokenIssuer>()
        .Issue(department, "map-test", TimeSpan.FromMinutes(10));

    /// <summary>Pastes the token into the map's own sign-in field and waits for the map (or its refusal).</summary>
    private void SignIn(string department, string token)
    {
        _browser.Navigate().GoToUrl(new Uri(_server.Address, "/map"));
        var wait = new WebDriverWait(_browser, Patience);
        wait.Until(d => d.FindElement(By.Id("status")).Text != "Loading…");
        _browser.FindElement(By.Id("token")).SendKeys(token);
        _browser.FindElement(By.Id("sign-in")).Click();
        wait.Until(_ => SignedInAs().Contains(department, StringComparison.Ordinal));
        wait.Until(d => d.FindElements(By.CssSelector("svg#map[data-ready]")).Count > 0
            || d.FindElement(By.Id("status")).Text.StartsWith("The map could not", StringComparison.Ordinal));
    }

    private string SignedInAs() => _browser.FindElement(By.CssSelector("[data-testid=signed-in-as]")).Text;

    private Dictionary<string, string> ColoursDrawn() =>
        _browser.FindElements(By.CssSelector("svg#map g.county, svg#map g.town"))
            .ToDictionary(g => g.GetAttribute("data-code")!, g => g.GetAttribute("data-colour")!);

    private async Task<Dictionary<string, string>> ColoursFromApiAsync(string token)
    {
        using var client = new HttpClient { BaseAddress = _server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.PostAsJsonAsync("/graphql", new
        {
            query = "{ c: fourColorMap(level: COUNTY) { code colour } t: fourColorMap(level: TOWN) { code colour } }",
        });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var data = body.RootElement.GetProperty("data");
        return data.GetProperty("c").EnumerateArray().Concat(data.GetProperty("t").EnumerateArray())
            .ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("colour").GetString() ?? "");
    }
}
