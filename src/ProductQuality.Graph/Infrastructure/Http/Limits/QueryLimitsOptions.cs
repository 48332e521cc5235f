using System.ComponentModel.DataAnnotations;
using ProductQuality.Graph.Products;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// Limits on one GraphQL document and its execution (configuration section <c>GraphQL:Limits</c>). The cost budget
/// and the request rate depend on the caller and live in <c>Access</c>.
/// </summary>
public sealed class QueryLimitsOptions
{
    public const string Section = "GraphQL:Limits";

    /// <summary>Benchmarks only: false turns off these checks, the cost budget and the rate limits.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most operations in one document (every one is validated, even those not run).</summary>
    [Range(1, 1_000)]
    public int MaxOperations { get; set; } = 10;

    /// <summary>Most aliased fields in one document, fragments counted at every spread.</summary>
    [Range(1, 100_000)]
    public int MaxAliases { get; set; } = 200;

    /// <summary>Most fields in one document, fragments counted at every spread.</summary>
    [Range(1, 100_000)]
    public int MaxFields { get; set; } = 2_000;

    /// <summary>
    /// Most copies of one response name in one merged selection set (fragments included): validation compares
    /// every pair of copies, so this bounds its work. <c>__typename</c> is not counted.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxFieldRepeats { get; set; } = 10;

    /// <summary>
    /// Most <c>__schema</c> and <c>__type</c> fields in one document, fragments counted at every spread. Their lists
    /// (types, fields, arguments) are the schema's, not rows, and the estimate does not count them: 200 aliases of the
    /// whole schema with descriptions were estimated 800 and answered 16 MB. An IDE or a code generator asks one.
    /// </summary>
    [Range(1, 1_000)]
    public int MaxIntrospections { get; set; } = 5;

    /// <summary>Most errors reported for one request; the rest are summed up in a last error.</summary>
    [Range(1, 10_000)]
    public int MaxErrors { get; set; } = 25;

    /// <summary>Longest execution of one operation, in milliseconds; then its database work is cancelled.</summary>
    [Range(1, 600_000)]
    public int ExecutionTimeoutMs { get; set; } = 10_000;

    /// <summary>
    /// Requests executing at once on this server, every department and address together: each department's own
    /// places (Access:Limits:MaxConcurrentRequests) bound one caller, this bounds them all (many departments, or the
    /// public from many addresses). Past it and <see cref="MaxQueuedRequests"/> waiting, 503 SERVER_BUSY.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxConcurrentRequests { get; set; } = 64;

    /// <summary>Requests waiting, oldest first, for one of the server's places (at most the execution timeout).
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxQueuedRequests { get; set; } = 512;

    /// <summary>Most credit codes one <c>blacklistCheck</c> accepts; more is TOO_MANY_CODES.</summary>
    [Range(1, 100_000)]
    public int MaxBlacklistCheckCodes { get; set; } = 10_000;

    /// <summary>Most credit codes one <c>enterpriseStatuses</c> accepts; more is TOO_MANY_CODES.</summary>
    [Range(1, 10_000)]
    public int MaxStatusCodes { get; set; } = 1_000;

    /// <summary>The most codes of a bulk field (by <c>Type.field</c>); null for other fields.</summary>
    public int? MaxCodesOf(string field) => field switch
    {
        "Query.blacklistCheck" or "Query.verifyCheckReceipt" => MaxBlacklistCheckCodes,
        "Query.enterpriseStatuses" => MaxStatusCodes,
        _ => null,
    };

    /// <summary>
    /// How many rows of a list that only grows (the change feed, the access log) make one row of the estimate when
    /// its <c>totalCount</c> counts them: the count reads the whole list at every call, whatever the page. A feed of
    /// 400,000 events counted 200 times (estimate 200) took 2.5 s of CPU for a department of the whole city and ran
    /// into the 10 s timeout for a county bureau (the cost probe); one count took a county bureau about 100 ms of CPU
    /// (300 ms in all), a city department 25 ms. At 40, that count is 10,000 rows: four fit a department's budget.
    /// </summary>
    [Range(1, 1_000_000)]
    public int CountedRowsPerRow { get; set; } = 40;

    /// <summary>
    /// The most one such count is priced, however long the list: at one row per 40, an access log of 2,000,000
    /// entries (weeks of a city's traffic) priced every <c>totalCount</c> and <c>accessSummary</c> over the budget, and
    /// the regulator could count nothing. Past this the execution time bounds the count (one took 0.3–1.3 s, a
    /// summary 2–7 s, on that log); at 12,000 a request holds four counts of the change feed, three of the access log
    /// (each reader adds its <c>FieldCosts</c>), whose summary is priced a count per grouping asked.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxCountedRows { get; set; } = 12_000;

    /// <summary>
    /// Rows' worth of work each write costs (a field of the mutation type, at every alias): it re-evaluates its
    /// enterprise and product in a transaction of its own, about 160 ms of work on the default data set, holding the
    /// write lock meanwhile. Priced as the rows its payload returns, 148 aliased writes in one document were admitted,
    /// ran past the execution timeout after recording 133 of them, and held other departments' reads for 10 s (the
    /// cost probe). At the default 10,000, a department's budget of 50,000 takes four writes with their payloads.
    /// </summary>
    [Range(0, 1_000_000)]
    public int WriteCost { get; set; } = 10_000;

    /// <summary>Rows a list field without <c>first</c> or <c>limit</c> is estimated to return.</summary>
    [Range(1, 100_000)]
    public int DefaultListSize { get; set; } = 10;

    /// <summary>Estimates of particular lists, by <c>Type.field</c>, where the default is far off.</summary>
    [SettingRange(0, int.MaxValue)]
    public Dictionary<string, int> ListSizes { get; set; } = new(StringComparer.Ordinal)
    {
        ["Query.products"] = 273,
        ["Query.productCategories"] = 13,
        ["Query.fourColorMap"] = 80,
        ["RegionColourShares.regions"] = 80,
        ["ProductCategory.products"] = 30,
        ["Region.children"] = 12,
        ["Enterprise.inspections"] = 20,
        ["Enterprise.products"] = 5,
        ["Enterprise.licences"] = 3,
        // Measured on the default data set (mean, most): class history 6.7 and 31 rows, assured 4.2 and 8, a tier's
        // explanation 15 factors and 28, a product's external signals 19 and 40. Estimates well under these let a
        // request at a tenth of its budget take seconds (the cost probe).
        ["Enterprise.classHistory"] = 10,
        ["Enterprise.blacklistHistory"] = 3,
        ["Enterprise.assuredHistory"] = 5,
        ["Explanation.factors"] = 15,
        ["Product.tierHistory"] = ProductLoaders.DefaultTierHistoryLimit,
        ["Product.externalSignals"] = 20,

        // A bulk field counts one row per code sent (ListSize); each code's result is that row.
        ["BlacklistCheck.results"] = 1,
        // A list of scalars counts only when named here: an entry's codes (a blacklistCheck's can be 10,000) were
        // free, and 500 entries' codes made a 31 MB answer of 3 s CPU for an estimate of 500. Their limit argument
        // (default 100) counts in place of this when given.
        ["AccessLogEntry.creditCodes"] = 100,
    };

    /// <summary>
    /// Rows a field reads to answer, on top of the rows it returns, by <c>Type.field</c>, at every call: aggregates
    /// computed over every enterprise in view, whatever is selected. Estimated as one row each, 200 aliases of the
    /// inspection plan took 4–6 s of CPU. In the estimate's unit: a page's row of an enterprise, about 15 µs of work
    /// on the default data set of 3,000 enterprises (the plan takes 20–75 ms, the statistics 15–35 ms, the colour
    /// shares 2–4 ms); raise them for a larger data set.
    /// </summary>
    [SettingRange(0, int.MaxValue)]
    public Dictionary<string, int> FieldCosts { get; set; } = new(StringComparer.Ordinal)
    {
        ["Query.inspectionPlan"] = 5_000,
        // The inspection plan and the industries of every enterprise in view: 105–130 ms a call on PostgreSQL (19 in
        // one request took 2–2.6 s at the old 2,500: the cost probe).
        ["Query.statistics"] = 7_500,
        ["Query.regionColourShares"] = 300,
        // The access log's readers: a summary reads every entry in range, a county bureau's scope its look-up by
        // county (30 ms a call on a log of 2,000 checks of 3,000 codes).
        ["Query.accessLog"] = 2_000,
        ["Query.accessSummary"] = 2_000,
        // One look-up by code and a count: priced as one row, 25 aliases from a tracker token were 25 look-ups.
        ["Query.whoAccessed"] = 100,
        // A grading's explanation is a document of its own (15 factors, 2.6 KB): every product's history of 85 with
        // explanations, estimated 46,683, took 0.84-1.10 s of CPU, over the budget's 0.75 s (the cost probe).
        ["ProductTierAssessment.explanation"] = 1,
        // An entry's codes larger than their limit are cut by a statement of their own, and a county bureau's count
        // is counted in its county: 500 entries of 3,000-code checks read by eight aliases as a county bureau took
        // 2.8 s of CPU for an estimate of 48,000; one alias, 0.55–0.75 s (about 1.3 ms an entry: 88 rows' worth).
        ["AccessLogEntry.creditCodes"] = 60,
        ["AccessLogEntry.creditCodeCount"] = 20,
    };

    /// <summary>
    /// Rows a field reads at every call, on top of <see cref="FieldCosts"/>, for a reader that does not read every
    /// fact a product's tier counts (contracts without inspections, warnings or complaints, and county bureaus): its
    /// <c>tierHistory</c> holds only the gradings that change something it sees, a handful of a product's 167 (mean of
    /// the default data set), so it reads the product's whole history with the explanations, whatever its
    /// <c>limit</c>. Priced at the <c>limit</c> alone, every product's history took 2.3–4 s of CPU for an estimate of
    /// 49,413 as drc, 5 times the regulator's read of the same estimate (the cost probe); read, a grading with its
    /// explanation costs about two rows.
    /// </summary>
    [SettingRange(0, int.MaxValue)]
    public Dictionary<string, int> FilteredFieldCosts { get; set; } = new(StringComparer.Ordinal)
    {
        ["Product.tierHistory"] = 150,
    };

    /// <summary>
    /// How many times dearer a field's rows are when it answers as of a past day (<c>asOf</c>), by
    /// <c>Type.field</c>: the rows themselves, restored from history; what is below them counts as it does now. A
    /// status restored from history took about 75–150 µs, against 13 µs now, and 49 aliases of 1,000 codes, each on
    /// its own day, took 4–7 s of CPU and 1.3 GB within the budget.
    /// </summary>
    [SettingRange(1, int.MaxValue)]
    public Dictionary<string, int> AsOfCostFactors { get; set; } = new(StringComparer.Ordinal)
    {
        ["Query.enterpriseStatuses"] = 10,
        // An enterprise restored from its class, blacklist, assured and management histories (the last one query
        // per enterprise): 200 aliases took 0.55–0.77 s of CPU for an estimate of 200, against 0.04 s without asOf.
        ["Query.enterprise"] = 300,
    };
}
