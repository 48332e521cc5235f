using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assured;
using ProductQuality.Graph.Infrastructure.Loading;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Inspections;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enterprises;

/// <summary>Batched rows of enterprises: one SQL statement per kind of row for a whole page of enterprises.</summary>
public static class EnterpriseLoaders
{
    /// <summary>
    /// Its products in order of code (ordinal, as everywhere in the API): the list itself when the page above loaded
    /// them ahead (<see cref="PrimeProductsAsync"/>), otherwise a pending load batched with the rest of the page.
    /// </summary>
    public static object ProductsOf(this IResolveFieldContext context, int enterpriseId) =>
        ProductsLoader(context).LoadedOrPending(enterpriseId);

    /// <summary>
    /// Loads the products of a page's enterprises with the page, in the same one statement the batch would send.
    /// A pending field costs GraphQL.NET a second pass over the page (a kept context, a deferred completion per
    /// enterprise): about a third of what a page with products spent in GraphQL itself.
    /// </summary>
    public static Task PrimeProductsAsync(this IResolveFieldContext context, IEnumerable<int> enterpriseIds) =>
        ProductsLoader(context).PrimeAsync(enterpriseIds, context.CancellationToken);

    private static ListBatchLoader<int, Product> ProductsLoader(IResolveFieldContext context) =>
        context.ItemsLoader<int, EnterpriseProductRow, Product>("products-by-enterprise",
            (db, ids) => db.EnterpriseProducts.Where(ep => ids.Contains(ep.EnterpriseId))
                .Join(db.Products, ep => ep.ProductCode, p => p.Code,
                    (ep, p) => new EnterpriseProductRow(ep.EnterpriseId, p))
                .AsNoTracking(),
            row => row.EnterpriseId, row => row.Product,
            (a, b) => string.CompareOrdinal(a.Product.Code, b.Product.Code));

    public static IDataLoaderResult<IReadOnlyList<Licence>> LicencesOf(
        this IResolveFieldContext context, int enterpriseId) =>
        context.RowsLoader<int, Licence>("licences-by-enterprise",
            (db, ids) => db.Licences.AsNoTracking().Where(l => ids.Contains(l.EnterpriseId)).OrderBy(l => l.Id),
            l => l.EnterpriseId).Load(enterpriseId);

    /// <summary>Today's explanations of the enterprise (none before its first re-evaluation with the table).</summary>
    public static IDataLoaderResult<IReadOnlyList<CurrentExplanation>> CurrentExplanationOf(
        this IResolveFieldContext context, int enterpriseId) =>
        context.RowsLoader<int, CurrentExplanation>("explanation-by-enterprise",
            (db, ids) => db.CurrentExplanations.AsNoTracking().Where(e => ids.Contains(e.EnterpriseId)),
            e => e.EnterpriseId).Load(enterpriseId);

    /// <summary>
    /// Class records, newest first; under an <c>asOf</c> root, those in force by that day as known then.
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<EnterpriseAssessmentRecord>> ClassHistoryOf(
        this IResolveFieldContext context, int enterpriseId)
    {
        var on = context.AsOf();
        return context.RowsLoader<int, EnterpriseAssessmentRecord>("assessments-by-enterprise" + on?.LoaderSuffix,
            (db, ids) => AssessmentsInForce(db, ids, on), a => a.EnterpriseId).Load(enterpriseId);
    }

    /// <summary>
    /// The class records as <see cref="ClassHistoryOf"/> gives them, without their texts (reason, explanations: 3 KB
    /// a record): what a bulk status on a past day reads. Five enterpriseStatuses of 1,000 codes asOf allocated about
    /// 200 MB a request reading the texts with the values (the cost probe).
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<EnterpriseAssessmentRecord>> ClassStatesOf(
        this IResolveFieldContext context, int enterpriseId)
    {
        var on = context.AsOf();
        return context.RowsLoader<int, EnterpriseAssessmentRecord>("assessment-states-by-enterprise" + on?.LoaderSuffix,
            (db, ids) => AssessmentsInForce(db, ids, on).Select(a => new EnterpriseAssessmentRecord
            {
                Id = a.Id, EnterpriseId = a.EnterpriseId, EffectiveFrom = a.EffectiveFrom, Class = a.Class,
                HealthCode = a.HealthCode, MapColour = a.MapColour, QualityIndex = a.QualityIndex,
                IsOverride = a.IsOverride, OverrideExpiresOn = a.OverrideExpiresOn, RecordedAtUtc = a.RecordedAtUtc,
                SupersededAtUtc = a.SupersededAtUtc, Reason = string.Empty, ClassExplanation = string.Empty,
                IndexExplanation = string.Empty, RulesVersion = a.RulesVersion,
            }),
            a => a.EnterpriseId).Load(enterpriseId);
    }

    // The enterprises' class records in force on the day (as known then), newest first.
    private static IQueryable<EnterpriseAssessmentRecord> AssessmentsInForce(
        Data.ProductQualityDbContext db, IReadOnlyList<int> ids, KnownOn? on) =>
        db.EnterpriseAssessments.AsNoTracking().InForceOn(on, a => a.EffectiveFrom)
            .Where(a => ids.Contains(a.EnterpriseId))
            .OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.Id);

    /// <summary>How many inspections a field gives when it does not say (<c>inspections(limit:)</c>).</summary>
    public const int DefaultInspectionLimit = 20;

    /// <summary>The most an <c>inspections</c> field gives; a larger limit is refused.</summary>
    public const int MaxInspectionLimit = 200;

    /// <summary>The <c>limit</c> asked of an <c>inspections</c> field, checked (<see cref="LimitArgument"/>).</summary>
    public static int CheckedInspectionLimit(int limit) => LimitArgument.Checked(limit, MaxInspectionLimit,
        $": one field gives at most the newest {MaxInspectionLimit} sampling results");

    /// <summary>
    /// The <paramref name="limit"/> newest sampling results, newest first; under an <c>asOf</c> root, those sampled and
    /// recorded by that day. The limit is applied per enterprise in SQL (<see cref="NewestInspections"/>), so asking
    /// for the latest one does not read every inspection, and a selection of summary fields reads only their columns
    /// (<see cref="InspectionShape"/>). The list itself when the field above loaded them ahead
    /// (<see cref="EnterpriseLookAhead"/>), otherwise a pending load batched with the rest of the page.
    /// </summary>
    public static object InspectionsOf(this IResolveFieldContext context, int enterpriseId, int limit,
        InspectionShape shape) =>
        InspectionsLoader(context, limit, shape).LoadedOrPending(enterpriseId);

    /// <summary>Loads the newest inspections of these enterprises now, in the statement the batch would send.</summary>
    public static Task PrimeInspectionsAsync(this IResolveFieldContext context, IEnumerable<int> enterpriseIds,
        int limit, InspectionShape shape) =>
        InspectionsLoader(context, limit, shape).PrimeAsync(enterpriseIds, context.CancellationToken);

    // Failed items joined in one statement: a split query repeated the per-enterprise cut for them. The rows are
    // sorted newest first once per batch, so each enterprise's list (grouped in row order) is in order as loaded.
    private static RowsByKeyLoader<int, Inspection> InspectionsLoader(IResolveFieldContext context, int limit,
        InspectionShape shape)
    {
        var on = context.AsOf();
        var summary = shape == InspectionShape.Summary ? "-summary" : "";
        return context.RowsLoader<int, Inspection>($"inspections-by-enterprise-{limit}{summary}{on?.LoaderSuffix}",
            async (db, ids, ct) => NewestFirst(await NewestInspections.WithFailedItemsAsync(db, on, ids, limit,
                shape, ct)),
            i => i.EnterpriseId);
    }

    /// <summary>Listings and removals, newest first; under an <c>asOf</c> root, those known by that day.</summary>
    public static IDataLoaderResult<IReadOnlyList<BlacklistEvent>> BlacklistHistoryOf(
        this IResolveFieldContext context, int enterpriseId)
    {
        var on = context.AsOf();
        return context.RowsLoader<int, BlacklistEvent>("blacklist-by-enterprise" + on?.LoaderSuffix,
            (db, ids) => db.BlacklistEvents.AsNoTracking().InForceOn(on, b => b.OccurredOn)
                .Where(b => ids.Contains(b.EnterpriseId))
                .OrderByDescending(b => b.OccurredOn).ThenByDescending(b => b.Id),
            b => b.EnterpriseId).Load(enterpriseId);
    }

    /// <summary>
    /// Grants, revocations and expiries, newest first; under an <c>asOf</c> root, those known by that day.
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<AssuredEvent>> AssuredHistoryOf(
        this IResolveFieldContext context, int enterpriseId)
    {
        var on = context.AsOf();
        return context.RowsLoader<int, AssuredEvent>("assured-by-enterprise" + on?.LoaderSuffix,
            (db, ids) => db.AssuredEvents.AsNoTracking().InForceOn(on, a => a.OccurredOn)
                .Where(a => ids.Contains(a.EnterpriseId))
                .OrderByDescending(a => a.OccurredOn).ThenByDescending(a => a.Id),
            a => a.EnterpriseId).Load(enterpriseId);
    }

    /// <summary>An enterprise by id within the audience's scope (used by published lists and nested paths).</summary>
    public static IDataLoaderResult<Enterprise?> EnterpriseById(this IResolveFieldContext context, int enterpriseId,
        string loaderSuffix = "")
    {
        var visible = context.VisibleEnterprises();
        return context.RowLoader<int, Enterprise>(
                "enterprise-by-id" + loaderSuffix, (_, ids) => visible.Where(e => ids.Contains(e.Id)), e => e.Id)
            .Load(enterpriseId);
    }

    /// <summary>
    /// An enterprise reached from one of its events: under an <c>asOf</c> root, as it stood that day, as the root
    /// enterprise is (a listing's enterprise answered today's class and a listing made after the day: the re-probe).
    /// Its rows are its own, under a loader of the day, as restoring one changes it.
    /// </summary>
    public static async Task<object?> EnterpriseOfEventAsync(this IResolveFieldContext context, int enterpriseId)
    {
        if (context.AsOf() is not { } day)
        {
            return context.EnterpriseById(enterpriseId);
        }

        var enterprise = await context.EnterpriseById(enterpriseId, day.LoaderSuffix)
            .GetResultAsync(context.CancellationToken);
        return enterprise is null ? null : await EnterpriseAsOf.RestoreAsync(context, enterprise, day);
    }

    // The lifted query's rows come in no particular order.
    private static List<Inspection> NewestFirst(List<Inspection> rows)
    {
        rows.Sort(static (a, b) => a.SampledOn != b.SampledOn
            ? b.SampledOn.CompareTo(a.SampledOn)
            : b.Id.CompareTo(a.Id));
        return rows;
    }

    private sealed record EnterpriseProductRow(int EnterpriseId, Product Product);
}
