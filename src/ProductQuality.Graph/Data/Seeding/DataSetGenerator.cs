using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Regions;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Rules.Timeline;
using ProductQuality.Graph.Signals;
using ProductQuality.Graph.Warnings;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Generates the demo data set deterministically from (seed, today). <see cref="Prepare"/> draws every enterprise's
/// facts to count the city's samplings — twice, because the supervisor that schedules samplings reads the product tiers
/// those samplings lead to (see there) — then issues risk warnings and grades products through the rules;
/// <see cref="Generate"/> then redraws enterprises batch by batch — each from its own random streams, so a batch needs
/// nothing of the others — and replays them through the rules. Memory stays flat in the number of enterprises, apart
/// from a hash per enterprise name.
/// </summary>
public sealed class DataSetGenerator
{
    private readonly ReferenceDataSet reference;
    private readonly SeedRequest request;
    private readonly RulesOptions rules;
    private readonly EnterpriseDraftGenerator drafts;
    private readonly NumberSequences numbers = new();
    private readonly IdentityWriter identity;
    private readonly EnterpriseRowBuilder rows;
    private readonly YearEndTally yearEnds;
    private EnterpriseReplay? assessor;
    private SupervisionScheduler? scheduler;
    private int nextIndex;

    public DataSetGenerator(ReferenceDataSet reference, SeedRequest request, RulesOptions rules)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(request);
        this.reference = reference;
        this.request = request;
        this.rules = rules;
        var geography = new Geography(reference);
        drafts = new EnterpriseDraftGenerator(reference, geography, request.RandomSeed, request.Today);
        identity = new IdentityWriter(reference, geography, request.RandomSeed);
        rows = new EnterpriseRowBuilder(reference, numbers, request.Today);
        yearEnds = new YearEndTally(HistoryStart, request.Today);
    }

    /// <summary>First day of the visible five-year history (regions get year ends from its first year on).</summary>
    public DateOnly HistoryStart => drafts.HistoryStart;

    /// <summary>First day of generated facts: the burn-in before the visible history.</summary>
    public DateOnly FactsStart => drafts.FactsStart;

    /// <summary>The risk warnings, numbered; available after <see cref="Prepare"/>.</summary>
    public IReadOnlyList<RiskWarning> Warnings { get; private set; } = [];

    /// <summary>External risk signals, from signals.csv; available after <see cref="Prepare"/>.</summary>
    public IReadOnlyList<ExternalRiskSignal> Signals { get; private set; } = [];

    /// <summary>
    /// Product gradings, one on each day a product's grading changed; after <see cref="Prepare"/> the products carry
    /// today's tier and score.
    /// </summary>
    public IReadOnlyList<ProductTierAssessment> ProductTierAssessments { get; private set; } = [];

    /// <summary>
    /// Pass one: city statistics, risk warnings, external signals and product tiers. The supervisor that schedules
    /// samplings needs product tiers, and the tiers come from the samplings: so the statistics are counted twice, first
    /// with every product GENERAL, then with the tiers that first count grades on each anniversary (the annual sampling
    /// plan); the second count, which pass two reproduces exactly, is what the products are finally graded on, on each
    /// day a fact comes into or leaves its window.
    /// </summary>
    public void Prepare(IProgress<SeedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Signals = new SignalGenerator(reference.Signals, request.RandomSeed,
            FactsStart.AddYears(-rules.ProductTier.SignalWindowYears), request.Today).Generate();
        var ungraded = Count(SupervisionScheduler.Ungraded(rules), "statistics (1 of 2)", progress, cancellationToken);
        scheduler = new SupervisionScheduler(rules, Planner(ungraded, WarningsFrom(ungraded))
            .GradeYearly(reference.Products, FactsStart, request.Today));
        var stats = Count(scheduler, "statistics (2 of 2)", progress, cancellationToken);
        Warnings = WarningsFrom(stats);
        var (assessments, timeline) =
            Planner(stats, Warnings).GradeAsFactsArrive(reference.Products, FactsStart, request.Today);
        ProductTierAssessments = assessments;
        assessor = new EnterpriseReplay(rules, timeline, request.Today, rows.ProductName);
    }

    /// <summary>
    /// Pass two: the next <paramref name="count"/> enterprises with all their rows. Call in order from index 0.
    /// </summary>
    public IReadOnlyList<GeneratedEnterprise> Generate(int firstIndex, int count)
    {
        var replay = assessor ?? throw new InvalidOperationException(
            "Call Prepare before Generate: enterprises are assessed against the product tiers.");
        if (firstIndex != nextIndex)
        {
            throw new InvalidOperationException(
                $"Generate enterprises in order: expected index {nextIndex}, got {firstIndex}; "
                + "document numbers depend on the order.");
        }

        var batch = new List<GeneratedEnterprise>(count);
        for (var i = firstIndex; i < firstIndex + count && i < request.Enterprises; i++)
        {
            batch.Add(GenerateOne(replay, i));
        }

        nextIndex = firstIndex + batch.Count;
        return batch;
    }

    /// <summary>Every region's colour and index at each past year end, from the states replayed so far.</summary>
    public List<RegionAssessment> YearEndRegionAssessments() =>
        yearEnds.Assess(new RegionAssessmentBuilder(rules, reference.Regions));

    // Drafts are independent of one another, so the enterprises are counted in parallel, in slices, each slice into
    // its own statistics; sums do not depend on the order, so the data set stays the same on any number of cores.
    private HistoryStatistics Count(SupervisionScheduler supervisor, string stage, IProgress<SeedProgress>? progress,
        CancellationToken ct)
    {
        const int Slice = 10_000;
        var total = NewStatistics();
        var done = 0;
        var slices = (request.Enterprises + Slice - 1) / Slice;
        var gate = new Lock();
        Parallel.For(0, slices, new ParallelOptions { CancellationToken = ct }, () => (HistoryStatistics?)null,
            (slice, _, part) =>
            {
                part ??= NewStatistics();
                var end = Math.Min(request.Enterprises, (slice + 1) * Slice);
                for (var i = slice * Slice; i < end; i++)
                {
                    part.Add(drafts.Generate(i, supervisor));
                }

                progress?.Report(new SeedProgress(stage, Interlocked.Add(ref done, end - (slice * Slice)),
                    request.Enterprises));
                return part;
            },
            part =>
            {
                if (part is not null)
                {
                    lock (gate)
                    {
                        total.Merge(part);
                    }
                }
            });
        return total;
    }

    private HistoryStatistics NewStatistics() =>
        new(FactsStart, request.Today, reference.Products.Select(p => p.Code));

    private List<RiskWarning> WarningsFrom(HistoryStatistics stats) =>
        new WarningGenerator(reference, stats, request.RandomSeed, FactsStart, request.Today).Generate();

    private ProductTierPlanner Planner(HistoryStatistics stats, IReadOnlyList<RiskWarning> warnings) =>
        new(rules, stats, warnings, Signals);

    private GeneratedEnterprise GenerateOne(EnterpriseReplay replay, int index)
    {
        var draft = drafts.Generate(index, scheduler!);
        var r = SeedRandom.Create(request.RandomSeed, index, 2);
        var decisionNumbers = draft.Decisions.Select(d => numbers.Document("嘉市监处罚", d.Date)).ToList();
        var assessed = replay.Replay(draft.ToFacts(decisionNumbers));

        // Rows are stamped at a fixed hour of their own date, so the same seed writes the same rows.
        var listings = assessed.Listings.Select(l => TimelineRows.Row(l, 0, Stamp.At(l.OccurredOn, 4))).ToList();
        foreach (var e in listings)
        {
            e.DecisionNumber = numbers.Document(e.Kind == BlacklistEventKind.Listed ? "嘉市监列黑" : "嘉市监移黑", e.OccurredOn);
        }

        var enterprise = new Enterprise
        {
            CreditCode = identity.CreditCodeFor(index, draft.CountyCode),
            Name = identity.NameFor(r, draft),
            CountyCode = draft.CountyCode,
            TownCode = draft.TownCode,
            Address = identity.AddressFor(r, draft),
            LegalRepresentative = identity.PersonFor(r),
            Phone = IdentityWriter.PhoneFor(r),
            EstablishedOn = draft.EstablishedOn,
            Products = draft.ProductCodes.Select(p => new EnterpriseProduct { ProductCode = p }).ToList(),
        };
        TimelineRows.Apply(enterprise, assessed.StateOn(request.Today));
        enterprise.NextDueOn = assessed.NextDue;
        yearEnds.Add(draft.TownCode, assessed.Snapshots);
        return new GeneratedEnterprise
        {
            Enterprise = enterprise,
            Licences = rows.Licences(r, draft),
            ManagementRecords = EnterpriseRowBuilder.Management(draft),
            Inspections = rows.Inspections(r, draft),
            Decisions = rows.Decisions(draft, decisionNumbers),
            Complaints = EnterpriseRowBuilder.Complaints(draft),
            Assessments = assessed.Records.Select(a => TimelineRows.Row(a, 0, Stamp.At(a.EffectiveFrom, 6))).ToList(),
            BlacklistEvents = listings,
            AssuredEvents = assessed.Assured.Select(a => TimelineRows.Row(a, 0, Stamp.At(a.OccurredOn, 5))).ToList(),
            Explanation = TimelineRows.Explanation(assessed, 0, request.Today),
        };
    }
}
