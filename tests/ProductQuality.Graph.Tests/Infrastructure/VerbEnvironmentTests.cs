using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// A verb runs in the server's environment with the server's configuration sources: ASPNETCORE_ENVIRONMENT picks
/// appsettings.{environment}.json for both (a verb that read only DOTNET_ENVIRONMENT signed its tokens with another
/// key than the server it was for). And asking for help prints the usage instead of starting the server.
/// </summary>
public sealed class VerbEnvironmentTests
{
    [Theory]
    [InlineData("ASPNETCORE_ENVIRONMENT")]
    [InlineData("DOTNET_ENVIRONMENT")]
    public async Task A_verb_reads_the_appsettings_file_of_the_environment(string variable)
    {
        using var verb = new VerbProcess();
        verb.Environment[variable] = "Staging";
        await File.WriteAllTextAsync(Path.Combine(verb.Folder, "appsettings.Staging.json"), $$"""
            { "Auth": { "SigningKey": "{{TestServerFactory.TestSigningKey}}", "Issuer": "issuer-of-staging" } }
            """);

        var (code, output, error) = await verb.RunAsync("token", "--department", "tax");
        Assert.True(code == 0, error);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(output.Trim(), new TokenValidationParameters
        {
            ValidIssuer = "issuer-of-staging", ValidateAudience = false,
            IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(TestServerFactory.TestSigningKey)),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task A_verb_reads_ASPNETCORE_prefixed_settings_as_the_server_does()
    {
        using var verb = new VerbProcess();
        verb.Environment["ASPNETCORE_GraphQL__MaxDepth"] = "1000";
        var (code, _, error) = await verb.RunAsync("recompute");
        Assert.True(code == 3, $"exit {code}: {error}");
        Assert.StartsWith("Setting GraphQL:MaxDepth", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Appsettings_json_overrides_ASPNETCORE_prefixed_settings_and_not_plain_ones()
    {
        // As the README says: the prefixed variables are host settings, read before appsettings.json (which sets
        // Database:Provider); the plain ones after it.
        using var verb = new VerbProcess();
        verb.Environment["ASPNETCORE_Database__Provider"] = "Bogus";
        var (code, _, error) = await verb.RunAsync("token", "--department", "tax");
        Assert.True(code == 0, $"exit {code}: {error}");

        verb.Environment.Clear();
        verb.Environment["Database__Provider"] = "Bogus";
        (code, _, error) = await verb.RunAsync("token", "--department", "tax");
        Assert.True(code == 3, $"exit {code}: {error}");
        Assert.StartsWith("Setting Database:Provider is 'Bogus'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    [InlineData("seed", "--help")]
    [InlineData("audit", "verify", "-h")]
    // After a verb, 'help' was refused as its argument, as no audit verb, or for what followed it (the CLI probe).
    [InlineData("recompute", "help")]
    [InlineData("seed", "help", "--enterprises", "5")]
    [InlineData("serve", "help")]
    [InlineData("audit", "help")]
    [InlineData("audit", "verify", "help")]
    [InlineData("token", "help", "--expires", "-5h", "--expires", "-5h")]
    [InlineData("--Clock:Today=2026-12-01", "help")]
    public async Task Help_prints_the_usage_and_starts_nothing(params string[] args)
    {
        using var verb = new VerbProcess { Timeout = TimeSpan.FromSeconds(60) };
        var (code, output, error) = await verb.RunAsync(args);
        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.StartsWith("Usage:", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(verb.Folder, "data")), "something ran: data/ was created");
    }

    [Fact]
    public async Task An_options_value_called_help_is_a_value()
    {
        // 'help' is a word of the command, not whatever follows an option: the token is for a subject called help.
        using var verb = new VerbProcess { Timeout = TimeSpan.FromSeconds(60) };
        var (code, output, error) = await verb.RunAsync("token", "--department", "tax", "--subject", "help");
        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.DoesNotContain("Usage:", output, StringComparison.Ordinal);
        Assert.Equal("help", new JsonWebToken(output.Trim()).Subject);
    }
}
