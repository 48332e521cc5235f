using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>Limits of the GraphQL endpoint (configuration section <c>GraphQL</c>).</summary>
public sealed class GraphQLHttpOptions
{
    public const string Section = "GraphQL";

    /// <summary>Path of the endpoint.</summary>
    [Required]
    public string Path { get; set; } = "/graphql";

    /// <summary>Largest accepted request body, in bytes; larger bodies get 413.</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest accepted GraphQL document, in characters.</summary>
    [Range(256, 1024 * 1024)]
    public int MaxDocumentLength { get; set; } = 32 * 1024;

    /// <summary>Deepest accepted selection nesting.</summary>
    [Range(2, 100)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>How many parsed and validated documents to keep per process.</summary>
    [Range(0, 1_000_000)]
    public int DocumentCacheSize { get; set; } = 2_000;

    /// <summary>Largest page a connection returns (<c>first</c> above it is an error).</summary>
    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 500;

    /// <summary>
    /// Connections (HTTP and WebSocket) open at once; past it a new one is closed as it arrives. Below the process's
    /// open-file limit (<c>ulimit -n</c>): idle connections that ran the server out of descriptors crashed it.
    /// </summary>
    [Range(16, 1_000_000)]
    public int MaxConnections { get; set; } = 10_000;

    /// <summary>Connections open at once from one client address; past it a new one is closed as it arrives.</summary>
    [Range(1, 1_000_000)]
    public int MaxConnectionsPerAddress { get; set; } = 1_000;

    /// <summary>Include exception details in errors. Development only: never in production.</summary>
    public bool ExposeExceptionDetails { get; set; }
}
