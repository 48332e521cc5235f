using System.Text.Json;

namespace ProductQuality.Graph.Explorer;

/// <summary>What the IDE's script needs to know, written into the page as JSON (see <see cref="IdePage"/>).</summary>
/// <param name="Endpoint">Where GraphQL is sent.</param>
/// <param name="AssetsPath">Where the IDE's own files are served.</param>
/// <param name="SessionUrl">Who a token signs in as (<see cref="ExplorerSession"/>).</param>
/// <param name="ExamplesUrl">The signed-in contract's examples, opened as tabs.</param>
/// <param name="SchemaUrl">The signed-in contract as SDL, to download.</param>
/// <param name="DevelopmentSignInUrl">Mints development tokens; null outside Development.</param>
internal sealed record IdeSettings(
    string Endpoint,
    string AssetsPath,
    string SessionUrl,
    string ExamplesUrl,
    string SchemaUrl,
    string? DevelopmentSignInUrl)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A query passed as <c>?query=</c> in the page's address, opened in the first tab.</summary>
    public string InitialQuery { get; init; } = "";

    public static IdeSettings For(string graphQLPath, bool developmentSignIn) => new(
        graphQLPath,
        graphQLPath + "/ide",
        graphQLPath + "/ide/session",
        graphQLPath + "/ide/examples",
        graphQLPath + "/schema.graphql",
        developmentSignIn ? graphQLPath + "/ide/sign-in" : null);
}
