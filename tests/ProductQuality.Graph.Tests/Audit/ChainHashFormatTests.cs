using ProductQuality.Graph.Audit;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// The chain's hash is a stored format: entries written by earlier versions and archived files are verified with it,
/// so it must never change by accident (a faster way of computing it included). Fixed entries, fixed hashes.
/// </summary>
public sealed class ChainHashFormatTests
{
    [Fact]
    public void The_hash_of_a_known_entry_is_the_one_earlier_versions_wrote()
    {
        var entry = new AccessLogEntry
        {
            Seq = 42,
            AtUtc = new DateTime(2026, 12, 3, 8, 30, 15, DateTimeKind.Utc).AddTicks(1_234_560),
            RequestId = "0HNQ:00000001",
            Department = "finance",
            Subject = "银行信贷系统",
            ClientAddress = "10.1.2.3",
            OperationName = "Status",
            DocumentSha256 = new string('a', 64),
            VariablesSha256 = null,
            FieldGroups = "identity,status",
            Purpose = "贷前审查 loan review",
            Outcome = AccessOutcome.Ok,
            Status = 200,
            ErrorCode = null,
            DurationMicroseconds = 12_345,
            CodeCount = 2,
            PreviousHash = AccessChain.Genesis,
        };
        string[] codes = ["91330402MA2B3C4D5E", "91330481MA2XXXXX0X"];

        Assert.Equal(ExpectedContent, AccessChain.ContentHash(entry, codes));
        Assert.Equal(ExpectedLink, AccessChain.HashOf(entry, codes));
    }

    [Fact]
    public void A_value_longer_than_any_stack_buffer_hashes_as_its_length_prefixed_bytes()
    {
        var entry = new AccessLogEntry
        {
            Seq = 1, Subject = new string('统', 5_000), PreviousHash = AccessChain.Genesis,
        };

        Assert.Equal(ExpectedLongLink, AccessChain.HashOf(entry, []));
    }

    // Computed by the chain's first implementation (commit 4bcb4b5 and before).
    private const string ExpectedContent = "e4032ad15372b72c38f390f1059f30faec12cc7e566a95c2eb4fdd419185556d";
    private const string ExpectedLink = "188e710246ea8ad676fcaede008dc11722d463c4631b861a1f5d5f9befe4fec7";
    private const string ExpectedLongLink = "f25488ba7fd6ae62c8f440ed795ab0dd7b8ec8b8518e4dea8ace3b9200835545";
}
