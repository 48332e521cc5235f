using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Enterprises;
using ProductQuality.Graph.Rules.Timeline;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Timeline;

/// <summary>
/// One enterprise's recorded facts, written as a short story: it is registered on <see cref="Start"/> with full
/// traceability and a certified quality system and makes one product of the GENERAL tier.
/// </summary>
internal sealed class Story
{
    public static readonly DateOnly Start = D("2024-01-01");

    private readonly List<SamplingRecord> samplings = [];
    private readonly List<DecisionFact> decisions = [];
    private readonly List<DateOnly> complaints = [];
    private readonly List<ClassOverrideFact> overrides = [];
    private readonly List<BlacklistDecisionFact> listings = [];

    public Story Sampled(string date, bool passed = true, string? rectificationOrderedOn = null)
    {
        samplings.Add(new SamplingRecord(D(date), passed, false, "P1",
            rectificationOrderedOn is null ? null : D(rectificationOrderedOn)));
        return this;
    }

    public Story Failed(string date, string? rectificationOrderedOn = null) =>
        Sampled(date, false, rectificationOrderedOn);

    public Story Decided(string date, EnforcementKind kind)
    {
        decisions.Add(new DecisionFact(D(date), kind, $"D-{date}"));
        return this;
    }

    public Story Complaint(string date)
    {
        complaints.Add(D(date));
        return this;
    }

    public Story Override(string from, EnterpriseClass? cls, string expiresOn)
    {
        overrides.Add(new ClassOverrideFact(D(from), cls, "regulator's reason", D(expiresOn)));
        return this;
    }

    public Story Listing(string date, BlacklistEventKind kind)
    {
        listings.Add(new BlacklistDecisionFact(D(date), kind, BlacklistReason.Counterfeiting, $"L-{date}"));
        return this;
    }

    public EnterpriseFactSet Facts => new(
        Start,
        ["P1"],
        [new ManagementFact(Start, Traceability.Full, QualitySystem.Certified, "registered")],
        samplings.OrderBy(s => s.Date).ToList(),
        decisions.OrderBy(d => d.Date).ToList(),
        complaints.Order().ToList(),
        overrides.OrderBy(o => o.From).ToList(),
        listings.OrderBy(l => l.Date).ToList());

    public ReplayResult Replay(string today, RulesOptions? options = null, ProductTierTimeline? tiers = null) =>
        new EnterpriseReplay(options ?? Options(), tiers ?? new ProductTierTimeline(), D(today), code => code)
            .Replay(Facts);
}
