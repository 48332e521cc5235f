using ProductQuality.Graph.Assured;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Enforcement;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Inspections;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// One generated enterprise with all its rows. The enterprise is inserted first; its database id is then
/// stamped on the rows with <see cref="AssignEnterpriseId"/>, which works for SQLite and PostgreSQL alike.
/// </summary>
public sealed class GeneratedEnterprise
{
    public required Enterprise Enterprise { get; init; }
    public List<Licence> Licences { get; init; } = [];
    public List<ManagementRecord> ManagementRecords { get; init; } = [];
    public List<Inspection> Inspections { get; init; } = [];
    public List<EnforcementDecision> Decisions { get; init; } = [];
    public List<Complaint> Complaints { get; init; } = [];
    public List<EnterpriseAssessmentRecord> Assessments { get; init; } = [];
    public List<BlacklistEvent> BlacklistEvents { get; init; } = [];
    public List<AssuredEvent> AssuredEvents { get; init; } = [];
    public required CurrentExplanation Explanation { get; init; }

    /// <summary>Every child row, for one AddRange.</summary>
    public IEnumerable<object> Children() =>
        Licences.Cast<object>().Concat(ManagementRecords).Concat(Inspections).Concat(Decisions).Concat(Complaints)
            .Concat(Assessments).Concat(BlacklistEvents).Concat(AssuredEvents).Append(Explanation);

    /// <summary>Sets the enterprise id on every child row once the enterprise has one.</summary>
    public void AssignEnterpriseId(int id)
    {
        foreach (var x in Licences) x.EnterpriseId = id;
        foreach (var x in ManagementRecords) x.EnterpriseId = id;
        foreach (var x in Inspections) x.EnterpriseId = id;
        foreach (var x in Decisions) x.EnterpriseId = id;
        foreach (var x in Complaints) x.EnterpriseId = id;
        foreach (var x in Assessments) x.EnterpriseId = id;
        foreach (var x in BlacklistEvents) x.EnterpriseId = id;
        foreach (var x in AssuredEvents) x.EnterpriseId = id;
        Explanation.EnterpriseId = id;
    }
}
