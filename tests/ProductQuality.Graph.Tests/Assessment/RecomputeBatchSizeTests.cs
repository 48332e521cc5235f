using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Rules;

namespace ProductQuality.Graph.Tests.Assessment;

/// <summary>
/// A recompute batch holds the write lock every live write waits for: sized in enterprises alone, batches of 500
/// over 600,000 inspections held writes 6–9 s (the PostgreSQL probe). A batch that takes longer than
/// <see cref="Recomputer.BatchTime"/> makes the next one smaller in proportion; a quick one lets it grow back, never
/// past the operator's <c>Maintenance:BatchSize</c>.
/// </summary>
public sealed class RecomputeBatchSizeTests
{
    private readonly Recomputer _recomputer = new(new RulesOptions())
    {
        BatchSize = 500, BatchTime = TimeSpan.FromSeconds(1),
    };

    [Theory]
    [InlineData(500, 8_000, 62)]      // eight times too long: an eighth
    [InlineData(500, 2_000, 250)]
    [InlineData(500, 120_000, 10)]    // never below ten enterprises
    [InlineData(500, 900, 500)]       // within the time: as large as allowed
    [InlineData(62, 200, 124)]        // quick: grows back, doubling
    [InlineData(400, 100, 500)]       // never past BatchSize
    public void The_next_batch_is_sized_by_how_long_the_last_held_the_lock(int size, int milliseconds, int next) =>
        Assert.Equal(next, _recomputer.NextBatchSize(size, TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void A_batch_size_below_the_smallest_is_kept()
    {
        var tiny = new Recomputer(new RulesOptions()) { BatchSize = 3 };
        Assert.Equal(3, tiny.NextBatchSize(3, TimeSpan.FromMinutes(1)));
        Assert.Equal(3, tiny.NextBatchSize(1, TimeSpan.Zero));
    }
}
