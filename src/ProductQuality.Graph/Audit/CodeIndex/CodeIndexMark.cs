namespace ProductQuality.Graph.Audit.CodeIndex;

/// <summary>
/// How far the look-up by code reaches, one row: the codes of every entry up to <see cref="IndexedThroughSeq"/> are
/// in <c>AccessLogCodeIndex</c>; those of later entries are read from <c>AccessLogCodes</c> itself (a short range of
/// its key). Moved in the same transaction as the rows it covers, so a reader sees both or neither.
/// </summary>
public sealed class CodeIndexMark
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public long IndexedThroughSeq { get; set; }
}
