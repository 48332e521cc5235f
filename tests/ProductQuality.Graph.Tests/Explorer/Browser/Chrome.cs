using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace ProductQuality.Graph.Tests.Explorer.Browser;

/// <summary>
/// Debian's chromium, headless, able to reach nothing but the local server (as on a network without internet).
/// </summary>
internal static class Chrome
{
    public static ChromeDriver Start(TimeSpan patience)
    {
        var service = ChromeDriverService.CreateDefaultService(
            Path.GetDirectoryName(BrowserFactAttribute.ChromeDriver)!,
            Path.GetFileName(BrowserFactAttribute.ChromeDriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = BrowserFactAttribute.Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,860",
            // Offline: any host but the server's fails, as on a government network without internet.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--no-proxy-server");
        return new ChromeDriver(service, options, patience);
    }
}

/// <summary>
/// The README's pictures, refreshed by the browser tests only when asked (<c>PQG_REFRESH_SCREENSHOTS=1</c>): a test
/// run must not change tracked files. Keyed on <c>CI=true</c> before, it rewrote them on every developer's run and in
/// CI systems that set <c>CI=1</c>, leaving a dirty checkout behind.
/// </summary>
internal static class Screenshot
{
    public const string Variable = "PQG_REFRESH_SCREENSHOTS";

    public static bool Refreshing =>
        Environment.GetEnvironmentVariable(Variable) is "1" or "true" or "TRUE" or "True";

    public static void Save(IWebDriver browser, string name)
    {
        if (!Refreshing)
        {
            return;
        }

        var folder = Path.Combine(
            Path.GetDirectoryName(Graph.Schema.SchemaFiles.FindSchemaFolder(AppContext.BaseDirectory))!,
            "docs",
            "images");
        Directory.CreateDirectory(folder);
        ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(Path.Combine(folder, name));
    }
}
