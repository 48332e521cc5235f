using System.Diagnostics;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// A file a verb writes (<c>audit checkpoint --out</c>, <c>schema export</c>): one that does not take the text is said
/// in a sentence, in seconds. A FIFO without a reader held the verb forever after its whole walk (the files probe).
/// </summary>
public sealed class VerbOutputTests
{
    [Fact]
    public async Task A_fifo_without_a_reader_is_refused_in_seconds_with_a_sentence()
    {
        var folder = Directory.CreateTempSubdirectory("pq-verb-output-").FullName;
        try
        {
            var fifo = Path.Combine(folder, "head.json");
            using (var mkfifo = Process.Start("mkfifo", [fifo]))
            {
                await mkfifo.WaitForExitAsync();
                Assert.Equal(0, mkfifo.ExitCode);
            }

            // Started on the pool: a writer that blocks in the open before returning a task is timed out too.
            var refused = await Assert.ThrowsAsync<VerbOutput.VerbOutputException>(() =>
                Task.Run(() => VerbOutput.WriteAsync(fifo, "{}\n")).WaitAsync(TimeSpan.FromSeconds(30)));

            Assert.Equal($"'{fifo}' cannot be written: it did not take the text within 5 s: it is not a regular file "
                + "(a FIFO without a reader, a terminal?) or its file system is stalled. Name a file in a folder this "
                + "user may write.", refused.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_regular_file_is_written_whole()
    {
        var folder = Directory.CreateTempSubdirectory("pq-verb-output-").FullName;
        try
        {
            var file = Path.Combine(folder, "sub", "head.json");
            await VerbOutput.WriteAsync(file, "{\"seq\":1}\n");
            Assert.Equal("{\"seq\":1}\n", await File.ReadAllTextAsync(file));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
