namespace ProductQuality.Graph.Enterprises;

/// <summary>
/// Why an enterprise has its class, colours and index today: the newest evaluation's explanations, one row per
/// enterprise, replaced at every re-evaluation. The class history keeps an evaluation only when a value changes, so
/// its newest row explains the day the class was set ("no sampling history in 3 years" in 2021) and goes on saying
/// so after eight samplings; this row is today's, and the replay makes the day an explanation changes a due day.
/// </summary>
public sealed class CurrentExplanation
{
    public int EnterpriseId { get; set; }

    /// <summary>The day evaluated (the bureau's today when the row was written).</summary>
    public DateOnly EvaluatedOn { get; set; }

    /// <summary>As <see cref="EnterpriseAssessmentRecord.ClassExplanation"/>: conditions, principle, colours.</summary>
    public required string ClassExplanation { get; set; }

    /// <summary>As <see cref="EnterpriseAssessmentRecord.IndexExplanation"/>: each deduction of the index.</summary>
    public required string IndexExplanation { get; set; }
}
