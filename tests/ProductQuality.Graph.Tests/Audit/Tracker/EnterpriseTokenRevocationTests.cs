using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access.EnterpriseTokens;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.WebSockets;

namespace ProductQuality.Graph.Tests.Audit.Tracker;

/// <summary>
/// An enterprise token handed to the wrong person, or kept by an officer who left, stayed good until it expired (up
/// to 90 days) — its holder reading who looked at the enterprise. The regulator revokes an enterprise's tokens
/// (<c>token --revoke CODE</c>): from the next request every token issued to it before then is refused, over HTTP and
/// on an open WebSocket connection at its next operation; a token issued afterwards passes, other enterprises' too.
/// </summary>
public sealed class EnterpriseTokenRevocationTests(WebSocketServer server) : IClassFixture<WebSocketServer>
{
    private const string Status = "{ myEnterprise { creditCode } }";

    [Fact]
    public async Task A_revoked_token_is_refused_over_HTTP_and_one_issued_afterwards_passes()
    {
        var (code, other) = await CodesAsync(0);
        var before = server.ClientForEnterprise(code);
        var bystander = server.ClientForEnterprise(other);
        (await before.PostAsync(Status)).EnsureData();

        var notBefore = await RevokeAsync(code);

        var refused = await before.PostAsync(Status);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("INVALID_TOKEN", refused.FirstErrorCode);
        Assert.Contains("revoked", refused.FirstErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(code, refused.Body, StringComparison.Ordinal);
        (await bystander.PostAsync(Status)).EnsureData();

        await UntilAsync(notBefore);
        var after = await server.ClientForEnterprise(code).PostAsync(Status);
        Assert.Equal(code, after.EnsureData().Data.GetProperty("myEnterprise").GetProperty("creditCode").GetString());
    }

    [Fact]
    public async Task An_open_connection_is_refused_at_its_next_operation_once_its_token_is_revoked()
    {
        var (code, _) = await CodesAsync(2);
        var token = IssuedFor(code);
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(token);
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        await client.SendAsync(Subscribe("before"));
        Assert.Equal("next", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        Assert.Equal("complete", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());

        await RevokeAsync(code);
        await client.SendAsync(Subscribe("after"));

        var (closeCode, reason) = await client.ClosedAsync();
        Assert.Equal(4403, closeCode);
        Assert.StartsWith("INVALID_TOKEN", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verb_revokes_says_from_when_a_new_token_passes_and_refuses_a_bad_code()
    {
        var (code, _) = await CodesAsync(4);
        var before = server.ClientForEnterprise(code);
        using var verb = new VerbProcess();
        var database = $"--Database:ConnectionString=Data Source={server.DatabasePath}";

        var (exit, output, error) = await verb.RunAsync("token", "--revoke", code, database);
        Assert.True(exit == 0, error);
        Assert.Matches($@"^Revoked: tokens issued to {code} before \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ no longer pass\.",
            output);
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.PostAsync(Status)).Status);

        var bad = await verb.RunAsync("token", "--revoke", "not-a-code", database);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("not a valid unified social credit code", bad.Error, StringComparison.Ordinal);
        var mixed = await verb.RunAsync("token", "--revoke", code, "--expires", "3d", database);
        Assert.Equal(2, mixed.ExitCode);
        Assert.Contains("Unknown option --expires for 'token --revoke'", mixed.Error, StringComparison.Ordinal);
    }

    private string IssuedFor(string code) =>
        server.Services.GetRequiredService<EnterpriseTokenIssuer>().Issue(code, TimeSpan.FromMinutes(10));

    private static string Subscribe(string id) =>
        JsonSerializer.Serialize(new { id, type = "subscribe", payload = new { query = Status } });

    private async Task<DateTime> RevokeAsync(string code)
    {
        using var scope = server.Services.CreateScope();
        return await EnterpriseTokenRevocations.RevokeAsync(
            scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>(), code, TimeProvider.System);
    }

    private static async Task UntilAsync(DateTime utc)
    {
        while (DateTime.UtcNow < utc.AddMilliseconds(50))
        {
            await Task.Delay(100);
        }
    }

    // Enterprises of this fixture's own database, two apart per test so no test revokes another's.
    private Task<(string Code, string Other)> CodesAsync(int skip) => server.DbAsync(async db =>
    {
        var codes = await db.Enterprises.AsNoTracking().OrderBy(e => e.Id).Skip(200 + skip).Take(2)
            .Select(e => e.CreditCode).ToListAsync();
        return (codes[0], codes[1]);
    });
}

/// <summary>The revocation as PostgreSQL stores and compares it (timestamps with time zone, in UTC).</summary>
public sealed class EnterpriseTokenRevocationOnPostgresTests
{
    [PostgresFact]
    public async Task Tokens_issued_before_the_revocation_are_revoked_and_later_ones_not()
    {
        using var server = new Operations.EmptyPostgresServer();
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        const string Code = "91330402MA2BCDEF1X";
        var first = await EnterpriseTokenRevocations.RevokeAsync(db, Code, TimeProvider.System);
        Assert.Equal(DateTimeKind.Utc, first.Kind);

        Assert.True(await EnterpriseTokenRevocations.IsRevokedAsync(db, Code, first.AddSeconds(-1)));
        Assert.False(await EnterpriseTokenRevocations.IsRevokedAsync(db, Code, first));
        Assert.False(await EnterpriseTokenRevocations.IsRevokedAsync(db, "91330402MA2BCDEF2X", first.AddDays(-1)));

        // Revoking again moves the instant on, never back.
        await Task.Delay(1100);
        var second = await EnterpriseTokenRevocations.RevokeAsync(db, Code, TimeProvider.System);
        Assert.True(second > first);
        Assert.True(await EnterpriseTokenRevocations.IsRevokedAsync(db, Code, first));
    }
}
