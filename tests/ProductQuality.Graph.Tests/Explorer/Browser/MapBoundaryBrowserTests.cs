using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Explorer.Browser;

/// <summary>
/// The four-colour map drawn from a boundary file of town-level size: the page took the bounds with
/// <c>Math.min(...lon)</c>, and beyond about 150,000 vertices the arguments overflowed the call stack (RangeError),
/// so the map of a real few-megabyte file was never drawn.
/// </summary>
public sealed class MapBoundaryBrowserTests : IClassFixture<MapBoundaryBrowserTests.LargeBoundaryServer>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly LargeBoundaryServer _server;
    private readonly ChromeDriver _browser;

    public MapBoundaryBrowserTests(LargeBoundaryServer server)
    {
        _server = server;
        _browser = Chrome.Start(Patience);
    }

    [BrowserFact]
    public void A_boundary_file_of_more_than_200000_vertices_is_drawn()
    {
        var token = _server.Services.GetRequiredService<DevelopmentTokenIssuer>()
            .Issue("samr-jiaxing", "map-test", TimeSpan.FromMinutes(10));
        _browser.Navigate().GoToUrl(new Uri(_server.Address, "/map"));
        var wait = new WebDriverWait(_browser, Patience);
        wait.Until(d => d.FindElement(By.Id("status")).Text != "Loading…");
        _browser.FindElement(By.Id("token")).SendKeys(token);
        _browser.FindElement(By.Id("sign-in")).Click();
        wait.Until(d => d.FindElement(By.CssSelector("[data-testid=signed-in-as]")).Text
            .Contains("samr-jiaxing", StringComparison.Ordinal));
        wait.Until(d => d.FindElements(By.CssSelector("svg#map[data-ready]")).Count > 0
            || d.FindElement(By.Id("status")).GetAttribute("class") == "error");

        Assert.Equal("", _browser.FindElement(By.Id("status")).Text);
        var drawn = _browser.FindElements(By.CssSelector("svg#map g.county"))
            .Select(g => g.GetAttribute("data-code")!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(LargeBoundaryServer.Counties.Order(StringComparer.Ordinal), drawn);
        // Drawn from the file, not the schematic fallback: each county is one path of its polygon, no tiles.
        Assert.Equal(LargeBoundaryServer.Counties.Length,
            _browser.FindElements(By.CssSelector("svg#map g.county path")).Count);
        Assert.Empty(_browser.FindElements(By.CssSelector("svg#map g.town")));
    }

    public void Dispose() => _browser.Quit();

    /// <summary>
    /// The browser tests' server with a boundary file of Jiaxing's seven counties, each a ring of 30,000 vertices.
    /// </summary>
    public sealed class LargeBoundaryServer : KestrelServer
    {
        public static readonly string[] Counties =
            ["330402", "330411", "330421", "330424", "330481", "330482", "330483"];

        // A field initialiser runs before the base constructor, so the file exists when the host is built.
        private readonly string _file = Write();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Map:BoundariesFile", _file);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            File.Delete(_file);
        }

        private static string Write()
        {
            const int Vertices = 30_000;
            var json = new StringBuilder("""{"type":"FeatureCollection","features":[""");
            for (var c = 0; c < Counties.Length; c++)
            {
                var (lon, lat) = (120.4 + 0.25 * (c % 3), 30.5 + 0.2 * (c / 3));
                json.Append(c == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                    $$"""{"type":"Feature","properties":{"code":"{{Counties[c]}}"},""")
                    .Append("\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
                for (var v = 0; v <= Vertices; v++)
                {
                    var angle = 2 * Math.PI * (v % Vertices) / Vertices;
                    json.Append(v == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                        $"[{lon + 0.1 * Math.Cos(angle):F6},{lat + 0.08 * Math.Sin(angle):F6}]");
                }

                json.Append("]]}}");
            }

            var file = Path.Combine(Path.GetTempPath(), $"pq-boundaries-{Guid.NewGuid():N}.geojson");
            File.WriteAllText(file, json.Append("]}").ToString());
            return file;
        }
    }
}
