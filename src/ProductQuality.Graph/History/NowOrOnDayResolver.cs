using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.History;

/// <summary>
/// A field whose value today is a property of its source and on an <c>asOf</c> day is looked up (a product's tier
/// and score: cached on the product row, graded on the day otherwise). In an operation about now the execution
/// strategy reads it from the source in one step, as a plain source field (<see cref="ISourceReader"/>): a page of
/// 100 enterprises asks the tier of some 300 products, each of which otherwise got an execution node, a resolver
/// context and an asynchronous call to read one property.
/// </summary>
internal sealed class NowOrOnDayResolver<TSource, TValue>(
    Func<TSource, TValue> now, Func<IResolveFieldContext<TSource>, KnownOn, object?> onDay)
    : IFieldResolver, ISourceReader
{
    public bool ReadsNowOnly => true;

    public object? Read(object? source) => now((TSource)source!);

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) =>
        new(context.AsOf() is { } day ? onDay(context.As<TSource>(), day) : Read(context.Source));
}

/// <summary>The builder call that declares a <see cref="NowOrOnDayResolver{TSource, TValue}"/>.</summary>
internal static class NowOrOnDayResolverExtensions
{
    public static FieldBuilder<TSource, TReturn> ResolveNowOrOnDay<TSource, TReturn, TValue>(
        this FieldBuilder<TSource, TReturn> builder, Func<TSource, TValue> now,
        Func<IResolveFieldContext<TSource>, KnownOn, object?> onDay)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.FieldType.Resolver = new NowOrOnDayResolver<TSource, TValue>(now, onDay);
        return builder;
    }
}
