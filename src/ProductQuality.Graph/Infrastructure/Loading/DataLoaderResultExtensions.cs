using GraphQL.DataLoader;

namespace ProductQuality.Graph.Infrastructure.Loading;

/// <summary>
/// Maps a pending loader result without resolving it early (the GraphQL.DataLoader package's Then is not served).
/// </summary>
public static class DataLoaderResultExtensions
{
    public static IDataLoaderResult<TOut> Then<TIn, TOut>(this IDataLoaderResult<TIn> result, Func<TIn, TOut> map) =>
        new MappedResult<TIn, TOut>(result, map);

    private sealed class MappedResult<TIn, TOut>(IDataLoaderResult<TIn> inner, Func<TIn, TOut> map)
        : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
