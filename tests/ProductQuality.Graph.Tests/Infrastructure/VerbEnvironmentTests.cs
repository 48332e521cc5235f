using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// A verb runs in the server's environment with the server's configuration sources: ASPNETCORE_ENVIRONMENT picks
/// appsettings.{environment}.json for both (a verb that read only DOTNET_ENVIRONMENT signed its tokens with another
/// key than the server it was for).
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
}
