using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Paging;

namespace ProductQuality.Graph.Warnings;

/// <summary>Risk warning bulletins, newest first.</summary>
public static class WarningQueries
{
    private const string Order = "IssuedDesc";

    public static void AddTo(QueryType query) =>
        query.Field<NonNullGraphType<StrictConnectionType<RiskWarningType>>>(FieldGroup.Warnings, "riskWarnings")
            .Description("Risk warning bulletins (警情通报/质量预警), newest first.")
            .Argument<DateScalar>("since", "Only bulletins issued on or after this date.")
            .Argument<IntGraphType>("first", $"Page size (default {PageSize.Default}).")
            .Argument<StringGraphType>("after", "Cursor of the last bulletin already seen.")
            .ResolveAsync(async c =>
            {
                var first = PageSize.First(c);
                var filtered = c.VisibleWarnings();
                if (c.GetArgument<DateOnly?>("since") is { } since)
                {
                    filtered = filtered.Where(w => w.IssuedOn >= since);
                }

                var ordered = filtered;
                var after = c.GetArgument<string?>("after");
                var scope = ListScope.Of(c);
                if (after is not null)
                {
                    var (issued, id) = Cursor.Decode(scope, after, Order, IssuedKey);
                    ordered = ordered.Where(w => w.IssuedOn < issued || (w.IssuedOn == issued && w.Id < id));
                }

                return await PageBuilder.BuildAsync(c, filtered,
                    ordered.OrderByDescending(w => w.IssuedOn).ThenByDescending(w => w.Id), first, after is not null,
                    w => Cursor.Encode(scope, Order, w.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        w.Id));
            });

    private static DateOnly? IssuedKey(string key) =>
        DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
}
