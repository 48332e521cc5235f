using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// A file a verb writes where its --out says (audit checkpoint's, the schema files) that cannot be written is said
/// with its path and why: .NET's "Could not find file '/proc/x.json'" read as if a file to read were missing.
/// </summary>
public sealed class VerbOutputTests
{
    [Theory]
    [InlineData("/proc/pq-checkpoint.json")]
    [InlineData("/proc/pq-folder/checkpoint.json")]
    public async Task A_file_that_cannot_be_written_is_named_with_why(string path)
    {
        var refused = await Assert.ThrowsAsync<VerbOutput.VerbOutputException>(
            () => VerbOutput.WriteAsync(path, "{}"));
        // As root the kernel answers "no such file"; as another user, "permission denied".
        Assert.StartsWith($"'{path}' cannot be written: ", refused.Message, StringComparison.Ordinal);
        Assert.True(refused.Message.Contains("its folder does not take new files", StringComparison.Ordinal)
            || refused.Message.Contains("this user may not write it", StringComparison.Ordinal), refused.Message);
        Assert.EndsWith("Name a file in a folder this user may write.", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not find", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_is_written_and_its_missing_folder_made()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pq-verb-output-{Guid.NewGuid():N}");
        try
        {
            var path = Path.Combine(folder, "contracts", "tax.graphql");
            await VerbOutput.WriteAsync(path, "type Query");
            Assert.Equal("type Query", await File.ReadAllTextAsync(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
