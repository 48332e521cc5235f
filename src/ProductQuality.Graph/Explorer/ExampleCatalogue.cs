using System.Reflection;
using System.Text.Json;

namespace ProductQuality.Graph.Explorer;

/// <summary>
/// The examples under <c>schema/examples/&lt;contract&gt;/</c>, embedded in the assembly: each <c>NN-name.graphql</c>
/// (its leading <c># </c> lines are its title; a <c>#! city-only</c> line keeps it from county bureaus) with optional
/// variables in <c>NN-name.variables.json</c>. The IDE
/// opens a contract's examples as tabs; tests run every one against the server, so an example cannot rot.
/// </summary>
public sealed class ExampleCatalogue
{
    private const string Prefix = "Examples/";
    private const string FlagPrefix = "#!";
    private readonly Dictionary<string, IReadOnlyList<QueryExample>> _byContract;

    public ExampleCatalogue() : this(typeof(ExampleCatalogue).Assembly)
    {
    }

    internal ExampleCatalogue(Assembly assembly)
    {
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(n => n[Prefix.Length..].Replace('\\', '/'), n => Read(assembly, n), StringComparer.Ordinal);
        _byContract = files.Keys
            .Where(f => f.EndsWith(".graphql", StringComparison.Ordinal) && f.Contains('/', StringComparison.Ordinal))
            .Select(f => Example(f, files))
            .GroupBy(e => e.Contract, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<QueryExample>)[.. g.OrderBy(e => e.Name, StringComparer.Ordinal)],
                StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Contracts => _byContract.Keys;

    public IReadOnlyList<QueryExample> For(string contract) => _byContract.GetValueOrDefault(contract) ?? [];

    private static QueryExample Example(string path, Dictionary<string, string> files)
    {
        var contract = path[..path.IndexOf('/', StringComparison.Ordinal)];
        var name = Path.GetFileNameWithoutExtension(path);
        var query = files[path];
        var heading = query.Split('\n').TakeWhile(l => l.StartsWith('#')).ToList();
        var title = string.Join(' ', heading
            .Where(l => !l.StartsWith(FlagPrefix, StringComparison.Ordinal))
            .Select(l => l.TrimStart('#').Trim())).Trim();
        var cityOnly = heading.Contains(FlagPrefix + " city-only", StringComparer.Ordinal);
        var variables = files.GetValueOrDefault($"{contract}/{name}.variables.json");
        return new QueryExample(contract, name, title.Length > 0 ? title : name, query,
            variables is null ? null : JsonDocument.Parse(variables).RootElement.Clone(), cityOnly);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
