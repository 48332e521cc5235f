using System.Diagnostics;
using ProductQuality.Graph.Audit.Retention;

namespace ProductQuality.Graph.Tests.Audit.Retention;

/// <summary>
/// Only regular files are read as archive files, and a line no longer than any entry. A FIFO named like one hung
/// <c>audit verify</c> and the archiver's start forever; a link to /dev/zero grew memory without bound (8.9 GB).
/// Each is named as a broken link of the archive (or a damaged last file, for the archiver), in seconds.
/// </summary>
[Collection(AccessLogServerCollection.Name)]
public sealed class ArchiveFileKindTests(AccessLogServerFactory factory)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("fifo", "is empty or not a regular file")]
    [InlineData("link to /dev/zero", "is empty or not a regular file")]
    [InlineData("endless line", "is longer than 8,388,608 bytes")]
    public async Task A_file_that_is_no_archive_file_is_named_not_read_forever(string kind, string problem)
    {
        using var lab = NewLab();
        await lab.AppendAsync(30);
        await lab.ArchiveAsync();
        var second = lab.Files[1];
        Replace(second.Path, kind);

        var chain = await Task.Run(() => lab.VerifyAsync()).WaitAsync(Patience);

        Assert.False(chain.Intact);
        Assert.Equal((5L, second.Name), (chain.BrokenAt!.Value, chain.BrokenIn!));
        Assert.StartsWith(kind == "endless line" ? "Line 1 of " + second.Name : second.Name, chain.Problem,
            StringComparison.Ordinal);
        Assert.Contains(problem, chain.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_archiver_refuses_a_last_file_that_is_a_fifo()
    {
        using var lab = NewLab();
        await lab.AppendAsync(12);
        await lab.ArchiveAsync();
        Replace(lab.Files[^1].Path, "fifo");

        var refused = await Assert.ThrowsAsync<ArchiveException>(() =>
            Task.Run(() => ArchiveTail.ReadAsync(lab.Archive, CancellationToken.None)).WaitAsync(Patience));
        Assert.Contains("is damaged", refused.Message, StringComparison.Ordinal);
        Assert.Contains("not a regular file", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The folder's chain mark read as a FIFO blocked the archiver inside its transaction — the log's commits waited
    /// behind it and every request answered 503 — and hung verify (the files probe). Both now say so in seconds.
    /// </summary>
    [Fact]
    public async Task A_chain_mark_that_is_a_fifo_is_refused_by_the_archiver_and_verify_in_seconds()
    {
        using var lab = NewLab();
        await lab.AppendAsync(12);
        await lab.ArchiveAsync();
        Replace(Path.Combine(lab.Archive, ArchiveOwner.MarkFile), "fifo");

        var refused = await Assert.ThrowsAsync<ArchiveException>(() =>
            Task.Run(() => lab.ArchiveAsync()).WaitAsync(Patience));
        Assert.Contains($"{ArchiveOwner.MarkFile} that did not answer a read within 5 s", refused.Message,
            StringComparison.Ordinal);
        var chain = await Task.Run(() => lab.VerifyAsync()).WaitAsync(Patience);
        Assert.Contains("did not answer a read within 5 s", chain.ArchiveNotRead, StringComparison.Ordinal);
    }

    private ArchiveLab NewLab()
    {
        _ = factory.Services; // migrated and started
        return new ArchiveLab(factory.DatabasePath);
    }

    private static void Replace(string path, string kind)
    {
        File.Delete(path);
        switch (kind)
        {
            case "fifo":
                using (var mkfifo = Process.Start("mkfifo", [path]))
                {
                    mkfifo.WaitForExit();
                    Assert.Equal(0, mkfifo.ExitCode);
                }

                break;
            case "link to /dev/zero":
                File.CreateSymbolicLink(path, "/dev/zero");
                break;
            default:
                File.WriteAllText(path, new string('x', ArchiveFile.MaxLineBytes + 1));
                break;
        }
    }
}
