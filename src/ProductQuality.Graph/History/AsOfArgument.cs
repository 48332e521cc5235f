using GraphQL;
using GraphQL.Builders;
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
        // Most requests ask about now. When no root field of the operation carries asOf, none of the fields below
        // can, and the walk up to the root (a new context object per level) is spared: a page of 100 enterprises
        // asks once per product tier and per enterprise loader, and a profile put the walk at 4 % of its CPU.
        // Past the look-ahead's fragment depth the answer is "maybe": the field then walks up as before.
        if (!SelectionLookAhead.AnyField(context.Document, context.Operation.SelectionSet, 0,
            static (_, field, _) => field.Arguments?.Items.Exists(a => a.Name.Value.Span.SequenceEqual(Name)) == true,
            tooDeep: true))
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
}
