using ProductQuality.Graph.Audit.Retention;

namespace ProductQuality.Graph.Tests.Audit.Retention;

/// <summary>
/// Several databases' archivers claiming one new folder at once: exactly one marks it, the other refuses with
/// ArchiveException (nothing archived or removed), never an IOException from the race on the mark's partial file and
/// never both going on to archive into a folder marked for one of them.
/// </summary>
public sealed class ArchiveClaimTests
{
    private const int Claimers = 6;

    [Fact]
    public async Task Archivers_claiming_one_new_folder_at_once_leave_one_owner()
    {
        var root = Directory.CreateTempSubdirectory("pq-claim-");
        try
        {
            for (var round = 0; round < 40; round++)
            {
                var folder = Directory.CreateDirectory(Path.Combine(root.FullName, $"r{round}")).FullName;
                var chains = Enumerable.Range(0, Claimers)
                    .Select(_ => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())).ToList();
                using var start = new Barrier(Claimers);
                var claims = chains.Select(chain => Task.Factory.StartNew(() =>
                {
                    start.SignalAndWait();
                    try
                    {
                        ArchiveOwner.ClaimAsync(folder, chain, CancellationToken.None).GetAwaiter().GetResult();
                        return chain;
                    }
                    catch (ArchiveException)
                    {
                        return null;
                    }
                }, TaskCreationOptions.LongRunning)).ToList();

                var won = (await Task.WhenAll(claims)).Where(c => c is not null).ToList();
                var owner = Assert.Single(won);
                Assert.Equal(owner + "\n",
                    await File.ReadAllTextAsync(Path.Combine(folder, ArchiveOwner.MarkFile)));
                Assert.Null(ArchiveOwner.Foreign(folder, owner));
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
