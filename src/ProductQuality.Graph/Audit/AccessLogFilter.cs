namespace ProductQuality.Graph.Audit;

/// <summary>Conditions on the access log; all given ones must hold. Days are China Standard Time, inclusive.</summary>
public sealed class AccessLogFilter
{
    public string? Department { get; set; }

    public string? CreditCode { get; set; }

    public string? Purpose { get; set; }

    public AccessOutcome? Outcome { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}
