namespace ProductQuality.Graph.Audit.Retention;

/// <summary>
/// An archive file that cannot be read as one: not a regular file (a FIFO, a device, a link to one), or a line longer
/// than any entry. The message names the file and what is wrong; the walk reports it as a broken link.
/// </summary>
public sealed class ArchiveFileException : Exception
{
    public ArchiveFileException()
    {
    }

    public ArchiveFileException(string message)
        : base(message)
    {
    }

    public ArchiveFileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
