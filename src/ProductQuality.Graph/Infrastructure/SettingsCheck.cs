using System.Reflection;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// Reads a settings section against its options class before anything binds it: a value that cannot become its
/// property (an unknown enum name, text for a number) would otherwise surface as the binder's exception, with a stack
/// trace and a .NET type name. Here it becomes one sentence per setting — its path, the value, what is allowed —
/// thrown as an <see cref="OptionsValidationException"/>, which <see cref="StartupFailure"/> turns into exit code 3.
/// </summary>
public static class SettingsCheck
{
    /// <summary>Checks the section, then registers the options bound to it.</summary>
    public static OptionsBuilder<T> AddCheckedOptions<T>(this IHostApplicationBuilder builder, string section)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ThrowIfUnreadable<T>(builder.Configuration.GetSection(section));
        UnknownSettings.Record<T>(builder, section);
        return builder.Services.AddOptions<T>().BindConfiguration(section);
    }

    /// <summary>
    /// The options' data annotations, each failure said as the setting's path and value
    /// (<see cref="Graph.Rules.SettingSentence"/>); in place of <c>ValidateDataAnnotations</c>, whose sentence named
    /// the member without the value set.
    /// </summary>
    public static OptionsBuilder<T> ValidateSettingAnnotations<T>(this OptionsBuilder<T> builder, string section)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<T>>(new AnnotationsSaid<T>(builder.Name, section));
        return builder;
    }

    public static void ThrowIfUnreadable<T>(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var problems = new List<string>();
        CheckObject(section, typeof(T), problems);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(section.Path, typeof(T), problems);
        }
    }

    private static void CheckObject(IConfigurationSection section, Type type, List<string> problems)
    {
        foreach (var property in type.GetProperties().Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            Check(section.GetSection(property.Name), property.PropertyType, problems, Bounds.Of(property));
        }
    }

    /// <param name="range">The property's range, when it has one (for a dictionary, each value's): a value that is
    /// no number at all (1.5, or too large for the type) is told the range too, not only "a whole number".</param>
    private static void Check(IConfigurationSection section, Type type, List<string> problems, Bounds? range = null)
    {
        var leaf = Nullable.GetUnderlyingType(type) ?? type;
        if (SettingValues.IsLeaf(leaf))
        {
            if (section.Value is { } value && SettingValues.Describe(value, leaf) is { } allowed)
            {
                var number = leaf == typeof(double) || leaf == typeof(float) || leaf == typeof(decimal)
                    ? "a number" : "a whole number";
                var note = range?.Note is { } more ? $" ({more})" : "";
                problems.Add(range is null
                    ? $"Setting {section.Path} is '{value}', which is not allowed: {allowed}."
                    : $"Setting {section.Path} is '{value}', which is not allowed: {number} from {range.Minimum} to "
                        + $"{range.Maximum}{note}.");
            }

            return;
        }

        if (leaf.IsGenericType && leaf.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var (key, item) = (leaf.GetGenericArguments()[0], leaf.GetGenericArguments()[1]);
            foreach (var child in section.GetChildren())
            {
                if (SettingValues.Describe(child.Key, key) is { } allowed)
                {
                    problems.Add($"Setting {child.Path} names '{child.Key}', which is not allowed: {allowed}.");
                }

                Check(child, item, problems, range);
            }
        }
        else if (leaf.IsArray || (leaf.IsGenericType && leaf.GetGenericTypeDefinition() == typeof(List<>)))
        {
            // One value where a list goes (GraphQL__Cors__AllowedOrigins=https://x.example): the binder ignores it.
            if (!string.IsNullOrWhiteSpace(section.Value))
            {
                problems.Add($"Setting {section.Path} is a list, and '{section.Value}' is a single value: give its "
                    + $"items as {section.Path}:0, {section.Path}:1, … (environment variables "
                    + $"{section.Path.Replace(":", "__", StringComparison.Ordinal)}__0, …), or a JSON array in "
                    + "appsettings.json.");
            }

            var item = leaf.IsArray ? leaf.GetElementType()! : leaf.GetGenericArguments()[0];
            foreach (var child in section.GetChildren())
            {
                Check(child, item, problems);
            }
        }
        else if (leaf.IsClass && section.GetChildren().Any())
        {
            CheckObject(section, leaf, problems);
        }
    }

    /// <summary>A property's range as a sentence says it: from a <c>[Range]</c>, or a
    /// <see cref="SettingRangeAttribute"/> where the setting's validator enforces it.</summary>
    private sealed record Bounds(string Minimum, string Maximum, string? Note)
    {
        public static Bounds? Of(PropertyInfo property) =>
            property.GetCustomAttribute<System.ComponentModel.DataAnnotations.RangeAttribute>(true) is { } range
                ? new(Text(range.Minimum), Text(range.Maximum), null)
                : property.GetCustomAttribute<SettingRangeAttribute>(true) is { } own
                    ? new(Text(own.Minimum), Text(own.Maximum), own.Note)
                    : null;

        private static string Text(object bound) =>
            Convert.ToString(bound, System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private sealed class AnnotationsSaid<T>(string? name, string section) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
        {
            if (name is not null && name != optionsName)
            {
                return ValidateOptionsResult.Skip;
            }

            var failures = Graph.Rules.SettingSentence.Failures(section, options).ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
