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

    [Fact]
    public void A_page_of_codes_hashes_as_their_sorted_netstrings()
    {
        // 150 codes, given out of order: 3,300 bytes of netstrings, past the first buffer the hashing rents.
        var entry = new AccessLogEntry
        {
            Seq = 7,
            AtUtc = new DateTime(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc).AddTicks(10),
            RequestId = "0HNQ:0000002A",
            Department = "project-approval",
            Subject = "审批系统",
            ClientAddress = "10.9.8.7",
            OperationName = "Check",
            DocumentSha256 = new string('b', 64),
            VariablesSha256 = new string('c', 64),
            FieldGroups = "identity",
            Purpose = "project-approval:2026-0123",
            Outcome = AccessOutcome.Ok,
            Status = 200,
            DurationMicroseconds = 999,
            CodeCount = 150,
            PreviousHash = new string('d', 64),
        };
        var codes = Enumerable.Range(0, 150).Reverse().Select(i => $"91330402MA2B{i:D5}X");

        Assert.Equal(ExpectedPageContent, AccessChain.ContentHash(entry, codes));
        Assert.Equal(ExpectedPageLink, AccessChain.HashOf(entry, codes));
    }

    // Computed by the chain's first implementation (commit 4bcb4b5 and before).
    private const string ExpectedContent = "e4032ad15372b72c38f390f1059f30faec12cc7e566a95c2eb4fdd419185556d";
    private const string ExpectedLink = "188e710246ea8ad676fcaede008dc11722d463c4631b861a1f5d5f9befe4fec7";
    private const string ExpectedLongLink = "f25488ba7fd6ae62c8f440ed795ab0dd7b8ec8b8518e4dea8ace3b9200835545";

    // Computed outside .NET, from the format in AccessChain's summary (a script that gives ExpectedContent too).
    private const string ExpectedPageContent = "79fbad0ea16dc81972a2d093b08c0a7482b29c9c97a839b90751cea69d4627d4";
    private const string ExpectedPageLink = "ead93bd8de9476c35d061a013d706b5550412abbc904ba0a43b12d82b475ad83";
}
