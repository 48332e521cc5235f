using ProductQuality.Graph.Access;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Enforcement;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Inspections;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Signals;
using ProductQuality.Graph.Warnings;

namespace ProductQuality.Graph.Schema;

/// <summary>The root mutation: every write, each an operation and its input record, all in the write group.</summary>
public sealed class MutationType : ContractObjectGraphType<object>
{
    public MutationType(SchemaContract contract)
        : base(contract)
    {
        Name = "Mutation";
        Description = "Recording facts (事实登记) of the regulator: each write is validated, idempotent by its key, "
            + "and re-evaluates what it touches in one transaction.";
        this.AddWrite<RecordSampling, RecordSamplingInput>();
        this.AddWrite<RecordEnforcementDecision, RecordEnforcementDecisionInput>();
        this.AddWrite<RecordManagementStatus, RecordManagementStatusInput>();
        this.AddWrite<RecordValidComplaint, RecordValidComplaintInput>();
        this.AddWrite<RecordBlacklistDecision, RecordBlacklistDecisionInput>();
        this.AddWrite<IssueRiskWarning, IssueRiskWarningInput>();
        this.AddWrite<RecordExternalRiskSignal, RecordExternalRiskSignalInput>();
        this.AddWrite<OverrideEnterpriseClass, OverrideEnterpriseClassInput>();
        this.AddWrite<OverrideProductTier, OverrideProductTierInput>();
    }
}
