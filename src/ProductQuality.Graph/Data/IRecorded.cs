namespace ProductQuality.Graph.Data;

/// <summary>A row that knows when the bureau recorded it, so a reader can ask what was known on a past day.</summary>
public interface IRecorded
{
    /// <summary>When the row was written (UTC). Generated rows carry their own date at a fixed hour.</summary>
    DateTime RecordedAtUtc { get; }
}
