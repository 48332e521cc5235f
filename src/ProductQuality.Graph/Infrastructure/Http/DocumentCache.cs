using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// Parsed documents that passed validation, keyed by the contract they were validated against and the query text.
/// The contract is part of the key: a document valid for the regulator must never skip validation for a department.
/// So is the operation name: the depth limit is checked on the operation that runs, so another operation of the
/// same text must be validated in its own right.
/// </summary>
internal sealed class DocumentCache(IOptions<GraphQLHttpOptions> options) : IDisposable
{
    private readonly MemoryCache _cache =
        new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.DocumentCacheSize) });
    private readonly bool _enabled = options.Value.DocumentCacheSize > 0;

    public GraphQLDocument? Find(string contract, string? operationName, string query) =>
        _enabled && _cache.TryGetValue((contract, operationName, query), out GraphQLDocument? document)
            ? document
            : null;

    public void AddValidated(string contract, string? operationName, string query, GraphQLDocument document)
    {
        if (_enabled)
        {
            _cache.Set((contract, operationName, query), document,
                new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        }
    }

    public void Dispose() => _cache.Dispose();
}
