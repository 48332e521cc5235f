namespace ProductQuality.Graph.Schema;

/// <summary>Keys of the metadata our graph types attach to fields.</summary>
internal static class FieldMetadataKeys
{
    public const string Group = "pq:group";
    public const string Mask = "pq:mask";

    /// <summary>How the field was declared (published, mask), kept in every contract: <see cref="EmptyTypeRefusal"/>
    /// reads the full schema to say which contract hides which field.</summary>
    public const string Published = "pq:published";
    public const string DeclaredMask = "pq:declared-mask";
}
