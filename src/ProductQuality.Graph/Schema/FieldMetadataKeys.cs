namespace ProductQuality.Graph.Schema;

/// <summary>Keys of the metadata our graph types attach to fields.</summary>
internal static class FieldMetadataKeys
{
    public const string Group = "pq:group";
    public const string Mask = "pq:mask";
}
