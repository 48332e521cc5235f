namespace ProductQuality.Graph.Changes;

/// <summary>A value of one kind in force from a date on, with the stored reason of the row that set it.</summary>
internal sealed record Step(DateOnly From, string Value, DateOnly? ValidUntil, string Reason);
