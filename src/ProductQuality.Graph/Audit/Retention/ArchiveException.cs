namespace ProductQuality.Graph.Audit.Retention;

/// <summary>
/// The archiver refuses to go on: the archive and the table do not fit together (a damaged last file, a gap, an
/// entry that does not match its hash). Nothing is removed; <c>audit verify</c> names the broken link.
/// </summary>
public sealed class ArchiveException : Exception
{
    public ArchiveException()
    {
    }

    public ArchiveException(string message)
        : base(message)
    {
    }

    public ArchiveException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
