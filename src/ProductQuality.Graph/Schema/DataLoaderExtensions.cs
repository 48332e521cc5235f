using GraphQL;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure.Loading;

namespace ProductQuality.Graph.Schema;

/// <summary>Shorthands for resolvers: the request's DbContext and its named batch loaders.</summary>
public static class DataLoaderExtensions
{
    public static ProductQualityDbContext Db(this IResolveFieldContext context) =>
        context.UserContext is GraphQLUserContext user
            ? user.Db(context)
            : context.Service<ProductQualityDbContext>();

    private static RequestLoaders Loaders(this IResolveFieldContext context) =>
        context.UserContext is GraphQLUserContext user
            ? user.Loaders ??= context.Service<RequestLoaders>()
            : context.Service<RequestLoaders>();

    /// <summary>A one-to-many loader, shared by name across the request.</summary>
    public static RowsByKeyLoader<TKey, TRow> RowsLoader<TKey, TRow>(
        this IResolveFieldContext context,
        string name,
        Func<ProductQualityDbContext, IReadOnlyList<TKey>, IQueryable<TRow>> query,
        Func<TRow, TKey> keyOf)
        where TKey : notnull
    {
        return context.Loaders().GetOrAdd(name, (Db: context.Db(), Query: query, KeyOf: keyOf), static s =>
            new RowsByKeyLoader<TKey, TRow>((keys, ct) => s.Query(s.Db, keys).ToListAsync(ct), s.KeyOf));
    }

    /// <summary>A one-to-many loader whose rows are fetched by <paramref name="fetch"/> (more than one query's
    /// rows put together), shared by name across the request.</summary>
    public static RowsByKeyLoader<TKey, TRow> RowsLoader<TKey, TRow>(
        this IResolveFieldContext context,
        string name,
        Func<ProductQualityDbContext, IReadOnlyList<TKey>, CancellationToken, Task<List<TRow>>> fetch,
        Func<TRow, TKey> keyOf)
        where TKey : notnull
    {
        return context.Loaders().GetOrAdd(name, (Db: context.Db(), Fetch: fetch, KeyOf: keyOf), static s =>
            new RowsByKeyLoader<TKey, TRow>((keys, ct) => s.Fetch(s.Db, keys, ct), s.KeyOf));
    }

    /// <summary>
    /// A one-to-many loader whose lists hold a part of each row (<paramref name="itemOf"/>), in the order the rows
    /// are sorted once per batch by <paramref name="sort"/>: no per-key mapping or sorting afterwards.
    /// </summary>
    public static ListBatchLoader<TKey, TItem> ItemsLoader<TKey, TRow, TItem>(
        this IResolveFieldContext context,
        string name,
        Func<ProductQualityDbContext, IReadOnlyList<TKey>, IQueryable<TRow>> query,
        Func<TRow, TKey> keyOf,
        Func<TRow, TItem> itemOf,
        Comparison<TRow> sort)
        where TKey : notnull
    {
        return context.Loaders().GetOrAdd(name, (Db: context.Db(), Query: query, KeyOf: keyOf, ItemOf: itemOf,
            Sort: sort), static s => new ItemsByKeyLoader<TKey, TRow, TItem>(
                (keys, ct) => s.Query(s.Db, keys).ToListAsync(ct), s.KeyOf, s.ItemOf, s.Sort));
    }

    /// <summary>A one-to-one loader, shared by name across the request.</summary>
    public static RowByKeyLoader<TKey, TRow> RowLoader<TKey, TRow>(
        this IResolveFieldContext context,
        string name,
        Func<ProductQualityDbContext, IReadOnlyList<TKey>, IQueryable<TRow>> query,
        Func<TRow, TKey> keyOf)
        where TKey : notnull
        where TRow : class
    {
        return context.Loaders().GetOrAdd(name, (Db: context.Db(), Query: query, KeyOf: keyOf), static s =>
            new RowByKeyLoader<TKey, TRow>((keys, ct) => s.Query(s.Db, keys).ToListAsync(ct), s.KeyOf));
    }
}
