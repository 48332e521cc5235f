using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Enterprises;

/// <summary>A manual class override (or its withdrawal) to record.</summary>
public sealed class OverrideEnterpriseClassInput : WriteInput
{
    public string? CreditCode { get; init; }
    public EnterpriseClass? Class { get; init; }
    public string? Reason { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public int ExpectedRevision { get; init; }
}
