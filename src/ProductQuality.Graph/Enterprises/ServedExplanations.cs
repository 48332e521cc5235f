using GraphQL;
using GraphQL.DataLoader;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Infrastructure.Loading;

namespace ProductQuality.Graph.Enterprises;

/// <summary>
/// The explanations an enterprise's classExplanation and qualityIndexExplanation serve. Today: the newest
/// evaluation's (<see cref="CurrentExplanation"/>), true of today's facts. Under an <c>asOf</c> root, and for an
/// enterprise not re-evaluated since the table came (the start-up run fills it): the class record in force, which
/// explains the day its values were set.
/// </summary>
internal static class ServedExplanations
{
    public static object ClassOf(IResolveFieldContext context, int enterpriseId) =>
        Of(context, enterpriseId, e => ExplanationJson.ReadAll(e.ClassExplanation),
            r => ExplanationJson.ReadAll(r?.ClassExplanation));

    public static object IndexOf(IResolveFieldContext context, int enterpriseId) =>
        Of(context, enterpriseId, e => ExplanationJson.Read(e.IndexExplanation),
            r => ExplanationJson.Read(r?.IndexExplanation));

    // A data loader result whose value may be another one: GraphQL.NET completes a chained result in turn.
    private static object Of<T>(IResolveFieldContext context, int enterpriseId, Func<CurrentExplanation, T> current,
        Func<EnterpriseAssessmentRecord?, T> recorded)
    {
        IDataLoaderResult<T> FromHistory() =>
            context.ClassHistoryOf(enterpriseId).Then(rows => recorded(rows.Count > 0 ? rows[0] : null));
        return context.AsOf() is null
            ? context.CurrentExplanationOf(enterpriseId)
                .Then(rows => rows.Count > 0 ? (object?)current(rows[0]) : FromHistory())
            : FromHistory();
    }
}
