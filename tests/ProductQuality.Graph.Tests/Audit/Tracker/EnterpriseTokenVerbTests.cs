using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit.Tracker;

/// <summary>
/// <c>token --enterprise CODE</c> as an operator runs it: the token alone on standard output, accepted by a server
/// with the same key; a malformed code or a too-long lifetime refused; production issues only with the key.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class EnterpriseTokenVerbTests(GraphServerFactory factory)
{
    private const string Code = "913304831LXE3BD9A5";
    private const string Key = "--Access:EnterpriseTokens:SigningKey=" + TestServerFactory.TestEnterpriseKey;

    [Fact]
    public async Task The_verb_prints_a_token_the_server_accepts_for_that_enterprise_only()
    {
        using var process = new VerbProcess();
        var (exit, output, error) = await process.RunAsync("token", "--enterprise", Code, "--expires", "7d", Key);
        Assert.True(exit == 0, error);
        var token = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();

        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var status = (await client.PostAsync("{ myEnterprise { creditCode known } }")).EnsureData()
            .Data.GetProperty("myEnterprise");
        Assert.Equal(Code, status.GetProperty("creditCode").GetString());
        Assert.True(status.GetProperty("known").GetBoolean());
        Assert.False(File.Exists(process.DefaultDatabase), "issuing a token needs no database");
    }

    [Theory]
    [InlineData("91330", "--expires", "7d", "not a valid unified social credit code")]
    [InlineData(Code, "--expires", "400d", "at most 90d")]
    // Minutes are taken too, and were not named (90m issues a token).
    [InlineData(Code, "--expires", "soon", "--expires takes a duration in minutes, hours or days, such as 90m")]
    public async Task Bad_arguments_are_refused_with_exit_code_2(
        string code, string option, string value, string says)
    {
        using var process = new VerbProcess();
        var (exit, output, error) = await process.RunAsync("token", "--enterprise", code, option, value, Key);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(says, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_the_verb_issues_only_with_the_configured_key()
    {
        // Production needs the bureau's receipt key too (checked at start); a throwaway one here.
        using var receipts = System.Security.Cryptography.ECDsa.Create(
            System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        string[] production =
        [
            "--Auth:Authority=https://idp.example.invalid/realms/bureau",
            "--Receipts:SigningKey=" + receipts.ExportPkcs8PrivateKeyPem(), "--Receipts:KeyId=test",
        ];
        using var process = new VerbProcess();
        var without = await process.RunAsync(["token", "--enterprise", Code, .. production]);
        Assert.Equal(2, without.ExitCode);
        Assert.Contains("Access:EnterpriseTokens:SigningKey", without.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(process.Folder, "data", "dev-enterprise-key")));

        var with = await process.RunAsync(["token", "--enterprise", Code, .. production, Key]);
        Assert.True(with.ExitCode == 0, with.Error);
        Assert.Equal(3, with.Out.Trim().Split('.').Length);
    }
}
