using ProductQuality.Graph.Access;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Enforcement;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Inspections;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Warnings;

namespace ProductQuality.Graph.Schema;

/// <summary>The root mutation: each feature folder adds its own write fields, all in the write group.</summary>
public sealed class MutationType : ContractObjectGraphType<object>
{
    public MutationType(SchemaContract contract)
        : base(contract)
    {
        Name = "Mutation";
        Description = "Recording facts (事实登记) of the regulator: each write is validated, idempotent by its key, and re-evaluates what it touches in one transaction.";
        SamplingMutations.AddTo(this);
        EnforcementMutations.AddTo(this);
        ManagementMutations.AddTo(this);
        ComplaintMutations.AddTo(this);
        BlacklistMutations.AddTo(this);
        WarningMutations.AddTo(this);
        ClassOverrideMutations.AddTo(this);
        TierOverrideMutations.AddTo(this);
    }
}
