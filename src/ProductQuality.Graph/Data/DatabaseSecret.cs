namespace ProductQuality.Graph.Data;

/// <summary>
/// A random key that belongs to the database rather than to one server: every server of the database reads the same
/// one, so what one server seals another opens, and a database restored elsewhere keeps its keys. Created on first
/// use (<see cref="DatabaseSecrets"/>), never changed, never shown to a caller.
/// </summary>
public sealed class DatabaseSecret
{
    /// <summary>What the key is for, e.g. <c>change-feed-cursor</c>.</summary>
    public required string Name { get; set; }

    public required byte[] Value { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
