using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// Settings that fail to bind or validate stop the server or a verb with one sentence per setting — its path and what
/// is allowed — and where settings come from: an operator's mistake, so no stack trace. Exit code 3, distinct from a
/// verb's usage error (2).
/// </summary>
public static partial class StartupFailure
{
    public const int ExitCode = 3;

    public static async Task<int> GuardAsync(Func<Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return await run();
        }
        catch (Exception e) when (Sentences(e) is { Count: > 0 } sentences)
        {
            foreach (var sentence in sentences)
            {
                await Console.Error.WriteLineAsync(sentence);
            }

            await Console.Error.WriteLineAsync(
                $"Settings are read from appsettings.json in the current folder ({Directory.GetCurrentDirectory()}), " +
                "then environment variables (e.g. Database__ConnectionString) and --Key=value arguments. Run from " +
                "the folder that holds appsettings.json (dotnet run --project src/ProductQuality.Graph does), or " +
                "set the values; every setting is described in appsettings.example.json.");
            return ExitCode;
        }
    }

    /// <summary>The sentences of a configuration failure (several at once); null for any other error.</summary>
    private static List<string>? Sentences(Exception e) => e switch
    {
        OptionsValidationException one => [.. Describe(one)],
        Data.UnknownMigrationsException stale => [stale.Message],
        AggregateException many when many.InnerExceptions.All(i => i is OptionsValidationException) =>
            [.. many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(Describe)],
        _ => null,
    };

    private static IEnumerable<string> Describe(OptionsValidationException e)
    {
        var section = string.IsNullOrEmpty(e.OptionsName) ? SectionOf(e.OptionsType) : e.OptionsName;
        foreach (var failure in e.Failures)
        {
            // Data annotations name the options class and member; say the setting's path instead.
            var annotation = AnnotationFailure().Match(failure);
            if (annotation.Success)
            {
                var (member, error) = (annotation.Groups["member"].Value, annotation.Groups["error"].Value);
                yield return $"Setting {section}:{member} is not allowed: {error}";
            }
            else
            {
                yield return failure.StartsWith("Setting ", StringComparison.Ordinal)
                    ? failure
                    : $"Configuration error in '{section}': {failure}";
            }
        }
    }

    // Every options class names its section in a constant (Section, or SectionName for the rules).
    private static string SectionOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(f => f.IsLiteral && f.Name is "Section" or "SectionName")?.GetRawConstantValue() as string
        ?? "settings";

    [GeneratedRegex("members: '(?<member>[^']+)' with the error: '(?<error>.*)'\\.?$")]
    private static partial Regex AnnotationFailure();
}
