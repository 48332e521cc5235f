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

/// <summary>The README's pictures, refreshed by the browser tests on a developer's machine (not in CI).</summary>
internal static class Screenshot
{
    public static void Save(IWebDriver browser, string name)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return;   // CI checks the pages; the pictures are refreshed where a developer can look at them
        }

        var folder = Path.Combine(
            Path.GetDirectoryName(Graph.Schema.SchemaFiles.FindSchemaFolder(AppContext.BaseDirectory))!,
            "docs",
            "images");
        Directory.CreateDirectory(folder);
        ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(Path.Combine(folder, name));
    }
}
