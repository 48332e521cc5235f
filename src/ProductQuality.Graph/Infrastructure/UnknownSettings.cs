using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// Refuses settings the server does not have. The configuration binder ignores a key no property matches, so a
/// misspelling (<c>Database__Provdier=Postgres</c>, <c>GraphQL:MaxPageSze</c>) left the server running on the default
/// its operator meant to change — on the wrong database, or without the limit — and said nothing. Every key under a
/// section the server reads must be a property of its options class (any key where the class holds a dictionary);
/// a top-level section spelled one or two letters away from one of the server's is refused as a likely misspelling.
/// Top-level keys are otherwise free: environment variables become settings too (PATH, HOME, …), and the framework
/// reads sections of its own (Kestrel, Logging's providers).
/// </summary>
public static class UnknownSettings
{
    /// <summary>Sections whose other keys belong to the framework: only our own properties are checked there.</summary>
    private static readonly string[] SharedWithTheFramework = ["Logging"];

    /// <summary>The framework's settings in those sections that appsettings.example.json documents.</summary>
    private static readonly string[] FrameworkSettings = ["LogLevel"];

    /// <summary>Notes that <paramref name="section"/> is read into <typeparamref name="T"/> (see ThrowIfAny).</summary>
    public static void Record<T>(IHostApplicationBuilder builder, string section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Sections(builder)[section] = typeof(T);
    }

    /// <summary>
    /// After every section was recorded: one sentence per unknown key, thrown as an
    /// <see cref="OptionsValidationException"/> (exit code 3 through <see cref="StartupFailure"/>).
    /// </summary>
    public static void ThrowIfAny(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var problems = Find(builder.Configuration, Sections(builder));
        if (problems.Count > 0)
        {
            throw new OptionsValidationException("settings", typeof(UnknownSettings), problems);
        }
    }

    public static List<string> Find(IConfiguration configuration, IReadOnlyDictionary<string, Type> sections)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(sections);
        var problems = new List<string>();
        foreach (var (path, type) in sections.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase))
        {
            SingleValue(configuration.GetSection(path), type, problems);
            var shared = SharedWithTheFramework.Contains(path, StringComparer.OrdinalIgnoreCase);
            CheckObject(configuration.GetSection(path), type, sections, shared, problems);
        }

        // A section spelled like one of ours *and* holding one of its settings (Databse:Provider): Auth0, Roles or
        // Maps of another program's settings look like Auth, Rules or Map but hold none of theirs.
        var ours = sections.Keys.Select(k => k.Split(':')[0]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var top in configuration.GetChildren().Where(c => c.GetChildren().Any()))
        {
            if (!ours.Contains(top.Key, StringComparer.OrdinalIgnoreCase)
                && ours.FirstOrDefault(o => LooksLike(top.Key, o)
                    && top.GetChildren().Any(c => SettingsOf(o, sections).Contains(c.Key))) is { } meant)
            {
                problems.Add($"Setting section {top.Key} is not one of the server's: did you mean {meant}? Its "
                    + "settings would be ignored. Every setting is listed in appsettings.example.json.");
            }
        }

        return problems;
    }

    private static void CheckObject(IConfigurationSection section, Type type,
        IReadOnlyDictionary<string, Type> sections, bool shared, List<string> problems)
    {
        var properties = Bindable(type).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (properties.TryGetValue(child.Key, out var property))
            {
                CheckValue(child, property.PropertyType, sections, problems);
            }
            else if (shared && properties.Keys.Concat(FrameworkSettings).FirstOrDefault(k => LooksLike(child.Key, k))
                is { } meant)
            {
                // The framework's keys are free here, but one spelled like ours is ours misspelled (Logging:Fromat).
                problems.Add($"Setting {child.Path} is not known (did you mean {section.Path}:{meant}?): it would be "
                    + "ignored. Every setting is listed in appsettings.example.json.");
            }
            else if (!shared && !sections.ContainsKey(child.Path) && !IsAncestorOfASection(child.Path, sections))
            {
                // The sections recorded under this one are its settings too (GraphQL:WebSockets, GraphQL:Limits).
                problems.Add(Unknown(child, properties.Keys.Union(SettingsOf(section.Path, sections),
                    StringComparer.OrdinalIgnoreCase)));
            }
        }
    }

    private static void CheckValue(IConfigurationSection section, Type type,
        IReadOnlyDictionary<string, Type> sections, List<string> problems)
    {
        var leaf = Nullable.GetUnderlyingType(type) ?? type;
        if (SettingValues.IsLeaf(leaf))
        {
            if (section.GetChildren().FirstOrDefault() is { } part)
            {
                problems.Add($"Setting {part.Path} is not known: {section.Path} takes one value, not settings of its "
                    + "own. Every setting is listed in appsettings.example.json.");
            }
        }
        else if (leaf.IsGenericType && leaf.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            SingleValue(section, leaf, problems);
            foreach (var entry in section.GetChildren())
            {
                CheckValue(entry, leaf.GetGenericArguments()[1], sections, problems);
            }
        }
        else if (leaf.IsArray || (leaf.IsGenericType && leaf.GetGenericTypeDefinition() == typeof(List<>)))
        {
            var item = leaf.IsArray ? leaf.GetElementType()! : leaf.GetGenericArguments()[0];
            foreach (var entry in section.GetChildren())
            {
                if (!int.TryParse(entry.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    problems.Add($"Setting {entry.Path} is not known: {section.Path} is a list, whose items are "
                        + $"numbered {section.Path}:0, {section.Path}:1, … (environment variables "
                        + $"{section.Path.Replace(":", "__", StringComparison.Ordinal)}__0, …).");
                    continue;
                }

                CheckValue(entry, item, sections, problems);
            }
        }
        else if (leaf.IsClass)
        {
            SingleValue(section, leaf, problems);
            CheckObject(section, leaf, sections, shared: false, problems);
        }
    }

    private static string Unknown(IConfigurationSection child, IEnumerable<string> known)
    {
        var parent = child.Path[..^(child.Key.Length + 1)];
        var meant = known.FirstOrDefault(k => LooksLike(child.Key, k));
        var hint = meant is null
            ? $"the settings of {parent} are {string.Join(", ", known.Order(StringComparer.Ordinal))}"
            : $"did you mean {parent}:{meant}?";
        return $"Setting {child.Path} is not known ({hint}): it would be ignored. Every setting is listed in "
            + "appsettings.example.json.";
    }

    /// <summary>
    /// One value where settings go ("GraphQL": "x", "Departments": {"tax": "x"}): the binder drops it, and with it
    /// the section's settings — a department vanished from the policy without a word.
    /// </summary>
    private static void SingleValue(IConfigurationSection section, Type type, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(section.Value))
        {
            return;
        }

        // One of the section's own settings as the example ("as GraphQL:Name" read as a setting called Name); a
        // dictionary's keys are the operator's own (a department id).
        var leaf = Nullable.GetUnderlyingType(type) ?? type;
        var key = leaf.IsGenericType && leaf.GetGenericTypeDefinition() == typeof(Dictionary<,>)
            ? "name"
            : LeafSetting(leaf) ?? "Name";
        var environment = $"{section.Path}:{key}".Replace(":", "__", StringComparison.Ordinal);
        problems.Add($"Setting {section.Path} is '{section.Value}', a single value where settings go: give each of "
            + $"them by its own key, such as {section.Path}:{key} (environment variable {environment}), or "
            + "give the section as a JSON object in appsettings.json.");
    }

    /// <summary>
    /// A setting that takes one value, found in the type or, when it holds only sections, in its first section
    /// ("Rules:x" offered Rules:Assured, a section, which the same sentence then refused in turn).
    /// </summary>
    private static string? LeafSetting(Type type, int depth = 0)
    {
        var properties = Bindable(type).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        if (properties.FirstOrDefault(p => SettingValues.IsLeaf(Nullable.GetUnderlyingType(p.PropertyType)
            ?? p.PropertyType)) is { } leaf)
        {
            return leaf.Name;
        }

        foreach (var property in properties.Where(_ => depth < 3))
        {
            var inner = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (inner.IsClass && !inner.IsGenericType && LeafSetting(inner, depth + 1) is { } nested)
            {
                return $"{property.Name}:{nested}";
            }
        }

        return null;
    }

    /// <summary>What the binder fills: settable properties, and collections or objects it binds into. A computed
    /// value (Auth:IsDevelopmentMode) is no setting: given one, the binder failed with a .NET type name.</summary>
    private static IEnumerable<PropertyInfo> Bindable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0
            && (p.CanWrite || !SettingValues.IsLeaf(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)));

    /// <summary>The names a section holds: its options' properties and the sections recorded under it.</summary>
    private static HashSet<string> SettingsOf(string section, IReadOnlyDictionary<string, Type> sections)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (sections.TryGetValue(section, out var type))
        {
            names.UnionWith(Bindable(type).Select(p => p.Name));
        }

        names.UnionWith(sections.Keys.Where(k => k.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))
            .Select(k => k[(section.Length + 1)..].Split(':')[0]));
        // Logging's levels are the framework's, but documented as ours: a misspelt Logging holding only LogLevel
        // (Loggign:LogLevel:Default) was ignored while one holding Format was refused (the fuzz probe).
        if (SharedWithTheFramework.Contains(section, StringComparer.OrdinalIgnoreCase))
        {
            names.UnionWith(FrameworkSettings);
        }

        return names;
    }

    private static bool IsAncestorOfASection(string path, IReadOnlyDictionary<string, Type> sections) =>
        sections.Keys.Any(s => s.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase));

    /// <summary>A misspelling: one edit away (two for longer names), letters swapped counting as one.</summary>
    internal static bool LooksLike(string written, string name)
    {
        var allowed = name.Length >= 6 ? 2 : 1;
        return !written.Equals(name, StringComparison.OrdinalIgnoreCase)
            && Math.Abs(written.Length - name.Length) <= allowed
            && EditDistance(written.ToUpperInvariant(), name.ToUpperInvariant()) <= allowed;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps.</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>The sections recorded so far and the options class each is read into.</summary>
    internal static Dictionary<string, Type> Sections(IHostApplicationBuilder builder)
    {
        if (!builder.Properties.TryGetValue(typeof(UnknownSettings), out var value))
        {
            value = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
            builder.Properties[typeof(UnknownSettings)] = value;
        }

        return (Dictionary<string, Type>)value;
    }
}
