using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Operations.Logging;

/// <summary>
/// The levels of <c>Logging:LogLevel</c> (and of a provider's, <c>Logging:Console:LogLevel</c>) are ASP.NET Core's:
/// it reads them when it makes the first logger and throws on a level it does not know ("Configuration value 'Loud'
/// is not supported"), unhandled. Read here first, so the process stops with exit code 3 and a sentence.
/// </summary>
internal static class LogLevelCheck
{
    public static void ThrowIfUnreadable(IConfiguration configuration)
    {
        var logging = configuration.GetSection(LogFormatOptions.Section);
        var sections = logging.GetChildren().Select(c => c.GetSection("LogLevel"))
            .Prepend(logging.GetSection("LogLevel"));
        var problems = sections.SelectMany(s => s.GetChildren())
            .Where(level => level.Value is not null)
            .Select(level => SettingValues.Describe(level.Value!, typeof(LogLevel)) is { } allowed
                ? $"Setting {level.Path} is '{level.Value}', which is not allowed: {allowed}."
                : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(LogFormatOptions.Section, typeof(LogFormatOptions), problems);
        }
    }
}
