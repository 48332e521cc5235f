using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Builders;
using GraphQLParser.AST;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.History;

/// <summary>
/// The <c>asOf: Date</c> argument of the root fields that answer about a past day (enterprise, product, city, region,
/// fourColorMap). Everything below such a field answers as of that day: nested regions, products, histories,
/// explanations.
/// </summary>
public static class AsOfArgument
{
    public const string Name = "asOf";

    public const string Description =
        "Answer as the data stood at the end of this day (China Standard Time): the values in force that day, " +
        "as the bureau had recorded them by then, and histories up to it. Later corrections do not change the " +
        "answer. Omitted or today: now. Not in the future.";

    /// <summary>Adds <c>asOf</c> to a root field.</summary>
    public static FieldBuilder<TSource, TReturn> WithAsOf<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<DateScalar>(Name, Description);

    /// <summary>
    /// The past day the current query asks about, from the <c>asOf</c> of its root field; null for "now" (no
    /// <c>asOf</c>, or today). A day after today is an INVALID_ARGUMENT error.
    /// </summary>
    public static KnownOn? AsOf(this IResolveFieldContext context)
    {
        if (!MayAskAboutThePast(context.Document, context.Operation))
        {
            return null;
        }

        var root = context;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        if (!root.HasArgument(Name) || root.GetArgument<DateOnly?>(Name) is not { } date)
        {
            return null;
        }

        var today = context.Service<BureauClock>().Today;
        if (date > today)
        {
            throw new DomainException(ErrorCodes.InvalidArgument,
                $"asOf {date:yyyy-MM-dd} is in the future: today is {today:yyyy-MM-dd} (China Standard Time). "
                + "Ask about today or an earlier day, or omit asOf for now.",
                new Dictionary<string, object?> { ["argument"] = Name });
        }

        return date == today ? null : new KnownOn(date);
    }

    // Per parsed operation (the document cache keeps the ones in use); boxed once, so a look-up allocates nothing.
    private static readonly ConditionalWeakTable<GraphQLOperationDefinition, object> MayAskByOperation = new();
    private static readonly object Yes = true;
    private static readonly object No = false;

    /// <summary>
    /// Whether any root field of the operation carries <c>asOf</c>; when none does, every field of it answers about
    /// now. Most requests ask about now, and fields below the root ask this for every object (a page's product
    /// tiers): the walk up to the root (a new context object per level) is spared, and the look at the operation is
    /// made once per parsed operation. Past the look-ahead's fragment depth the answer is "maybe" (true).
    /// </summary>
    public static bool MayAskAboutThePast(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        if (MayAskByOperation.TryGetValue(operation, out var known))
        {
            return ReferenceEquals(known, Yes);
        }

        var mayAsk = SelectionLookAhead.AnyField(document, operation.SelectionSet, 0,
            static (_, field, _) => field.Arguments?.Items.Exists(a => a.Name.Value.Span.SequenceEqual(Name)) == true,
            tooDeep: true);
        MayAskByOperation.AddOrUpdate(operation, mayAsk ? Yes : No);
        return mayAsk;
    }
}
