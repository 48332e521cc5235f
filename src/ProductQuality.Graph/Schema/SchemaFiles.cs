using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace ProductQuality.Graph.Schema;

/// <summary>The SDL files under schema/: what each contract's schema prints as, sorted so files diff well.</summary>
public static class SchemaFiles
{
    public static string Print(ISchema schema) =>
        schema.Print(new PrintOptions { StringComparison = StringComparison.Ordinal, IncludeDescriptions = true })
            .ReplaceLineEndings("\n").TrimEnd() + "\n";

    /// <summary>
    /// Relative path of a contract's file: the full schema is schema.graphql, others go to contracts/.
    /// </summary>
    public static string RelativePath(string contract) =>
        contract == Access.SchemaContract.Full.Name ? "schema.graphql"
            : Path.Combine("contracts", contract + ".graphql");

    /// <summary>Finds the repository's schema/ folder by walking up from a starting folder.</summary>
    public static string? FindSchemaFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProductQuality.Graph.sln")))
            {
                return Path.Combine(dir.FullName, "schema");
            }
        }

        return null;
    }
}
