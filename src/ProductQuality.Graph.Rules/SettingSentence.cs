using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ProductQuality.Graph.Rules;

/// <summary>
/// A data annotation's failure as an operator reads it: the setting's path and value, not the options class and
/// member — "Setting GraphQL:MaxPageSize is -5, which is not allowed: it must be between 1 and 10000." (the
/// annotation alone said "The field MaxPageSize must be between …", without the value that was set).
/// </summary>
public static class SettingSentence
{
    /// <summary>Validates <paramref name="options"/> bound from <paramref name="path"/>: one sentence a failure.
    /// </summary>
    public static IEnumerable<string> Failures(string path, object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => Of(path, options, r));
    }

    /// <summary>One failure of <paramref name="options"/> (bound from <paramref name="path"/>) as a sentence.
    /// </summary>
    public static string Of(string path, object options, ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(result);
        if (result.MemberNames.FirstOrDefault() is not { } member
            || options.GetType().GetProperty(member) is not { } property)
        {
            return $"Setting {path}: {result.ErrorMessage}";
        }

        // An annotation with its own message says it whole ("Database:ConnectionString is required, e.g. …").
        var error = result.ErrorMessage ?? "";
        if (error.StartsWith($"{path}:{member} ", StringComparison.Ordinal))
        {
            return $"Setting {error}";
        }

        var value = property.GetValue(options);
        var shown = value switch
        {
            null => "empty",
            string text => $"'{text}'",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        error = error.Replace($"The field {member} ", "it ", StringComparison.Ordinal)
            .Replace($"The {member} field ", "it ", StringComparison.Ordinal);
        return $"Setting {path}:{member} is {shown}, which is not allowed: {error}";
    }
}
