namespace ProductQuality.Graph.Data;

/// <summary>
/// A derived history row (an evaluation by the rules). Rows are never deleted: when a late fact or a rules
/// change re-evaluates a period, the rows it replaces get <see cref="SupersededAtUtc"/> and new rows are
/// appended. A global query filter hides superseded rows from every read, so "the history" is the current
/// belief about the past, while the table keeps what was believed before.
/// </summary>
public interface ISupersedable : IRecorded
{
    /// <summary>When a re-evaluation replaced this row; null while it stands.</summary>
    DateTime? SupersededAtUtc { get; set; }
}
