using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// Resolves a field from its source object alone (<c>.ResolveSource(e => e.Name)</c>): most fields of the schema
/// are a property of the row above them.
/// </summary>
/// <remarks>
/// GraphQL.NET's typed <c>.Resolve(c => c.Source.Name)</c> on a field declared with an object return type (as every
/// field of a contract type is) hands each call a shared typed adapter around the context — taken and given back with
/// two interlocked operations — and then checks the value against <c>IDataLoaderResult</c> and <c>IEnumerable</c> to
/// decide whether the adapter may be reused. A page of 100 enterprises with their products resolves some 1,300 such
/// fields; this resolver reads the source straight from the untyped context instead.
/// </remarks>
internal sealed class SourceFieldResolver<TSource, TValue>(Func<TSource, TValue> read) : IFieldResolver, ISourceReader
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => new(Read(context.Source));

    public object? Read(object? source) => read((TSource)source!);
}

/// <summary>
/// A resolver whose value depends on its source object alone: no arguments, services, user or cancellation. The
/// execution strategy reads scalar fields through it without a resolver context (<see cref="ReadExecutionStrategy"/>).
/// </summary>
internal interface ISourceReader
{
    object? Read(object? source);

    /// <summary>
    /// True when <see cref="Read"/> gives the field's value only in an operation about now: under an <c>asOf</c> the
    /// resolver must run (<see cref="History.NowOrOnDayResolver{TSource, TValue}"/>).
    /// </summary>
    bool ReadsNowOnly => false;
}

/// <summary>
/// A source reader with a note to make before each read: the access log's record of the field's group and of the
/// enterprise it answers about (<see cref="Audit.AccessRecording"/>). The strategy's one-step read makes the note
/// as the resolver would; without it, the log would make every field of a logged request go the library's way.
/// </summary>
internal interface INotingSourceReader : ISourceReader
{
    void Note(IDictionary<string, object?> userContext, object? source);
}

/// <summary>The builder call that declares a <see cref="SourceFieldResolver{TSource, TValue}"/>.</summary>
internal static class SourceFieldResolverExtensions
{
    public static FieldBuilder<TSource, TReturn> ResolveSource<TSource, TReturn, TValue>(
        this FieldBuilder<TSource, TReturn> builder, Func<TSource, TValue> read)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.FieldType.Resolver = new SourceFieldResolver<TSource, TValue>(read);
        return builder;
    }
}
