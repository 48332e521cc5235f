using System.Globalization;

namespace ProductQuality.Graph.Rules.Tests;

/// <summary>Short helpers for table rows: attributes cannot hold DateOnly, so rows carry ISO strings.</summary>
internal static class Given
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static RulesOptions Options(Action<RulesOptions>? configure = null)
    {
        var options = new RulesOptions { Version = "test-1" };
        configure?.Invoke(options);
        return options;
    }
}
