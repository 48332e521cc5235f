namespace ProductQuality.Graph.Tests.Explorer.Browser;

/// <summary>
/// A test that drives Debian's chromium with Debian's chromedriver. Skipped on a developer machine without them
/// (install: <c>apt-get install chromium chromium-driver</c>); in CI (CI=true) it runs, and a missing browser fails it:
/// <c>.ci/run</c> installs both.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";
    public const string ChromeDriver = "/usr/bin/chromedriver";

    public BrowserFactAttribute()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!inCi && !(File.Exists(Chromium) && File.Exists(ChromeDriver)))
        {
            Skip = $"Browser tests need {Chromium} and {ChromeDriver} (apt-get install chromium chromium-driver).";
        }
    }
}
