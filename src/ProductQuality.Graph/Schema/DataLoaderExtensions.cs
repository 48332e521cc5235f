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
            ? user.Db ??= context.Service<ProductQualityDbContext>()
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
        var db = context.Db();
        return context.Loaders().GetOrAdd(name, () =>
            new RowsByKeyLoader<TKey, TRow>((keys, ct) => query(db, keys).ToListAsync(ct), keyOf));
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
        var db = context.Db();
        return context.Loaders().GetOrAdd(name, () =>
            new RowByKeyLoader<TKey, TRow>((keys, ct) => query(db, keys).ToListAsync(ct), keyOf));
    }
}
