using System.Globalization;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Access.EnterpriseTokens;

/// <summary>
/// <c>token --enterprise CODE [--expires 30d]</c>: the regulator issues an enterprise its data-tracker token, printed
/// alone on standard output. Works in production too (the server issues these itself), given the configured key.
/// <c>token --revoke CODE</c> takes back every token issued to it so far.
/// </summary>
internal static class EnterpriseTokenVerb
{
    public static async Task<int> RunAsync(string[] args, string creditCode)
    {
        var check = CreditCode.Validate(creditCode);
        if (!check.IsValid)
        {
            // Quoted by its start: the argument can be anything, and came out whole (100,000 characters).
            await Console.Error.WriteLineAsync($"--enterprise '{Quoted.Start(creditCode)}' is not a valid unified "
                + $"social credit code: {check.Problem}");
            return 2;
        }

        using var host = CommandLine.BuildHost(args);
        var issuer = host.Services.GetRequiredService<EnterpriseTokenIssuer>();
        if (host.Services.GetRequiredService<AccessPolicy>().ForEnterprise(creditCode) is null)
        {
            await Console.Error.WriteLineAsync(
                $"The policy has no Access:Contracts:{AccessPolicy.EnterpriseContract}: an enterprise token would " +
                "read nothing.");
            return 2;
        }

        if (!issuer.Available)
        {
            await Console.Error.WriteLineAsync("Auth:Authority is set (production) and Access:EnterpriseTokens:" +
                "SigningKey is not: give the server's enterprise token key (base64, 32 bytes) to issue tokens.");
            return 2;
        }

        var max = issuer.MaxLifetime;
        var text = CommandLine.Option(args, "--expires")
            ?? issuer.DefaultLifetime.TotalDays.ToString(CultureInfo.InvariantCulture) + "d";
        if (!TokenVerb.TryParseLifetime(text, max, out var lifetime))
        {
            await Console.Error.WriteLineAsync(
                $"--expires takes a duration in minutes, hours or days, such as 90m, 12h, 7d or 30d (at most "
                + $"{max.TotalDays:0}d, " +
                "Access:EnterpriseTokens:MaxLifetimeDays).");
            return 2;
        }

        Console.WriteLine(issuer.Issue(creditCode, lifetime));
        return 0;
    }

    /// <summary>
    /// <c>token --revoke CODE</c>: every token issued to the enterprise until now stops passing, on every server of
    /// the database from its next request (a WebSocket connection at its next operation). Says from when a new token
    /// passes; it issues none.
    /// </summary>
    public static async Task<int> RevokeAsync(string[] args, string creditCode)
    {
        var check = CreditCode.Validate(creditCode);
        if (!check.IsValid)
        {
            await Console.Error.WriteLineAsync($"--revoke '{Quoted.Start(creditCode)}' is not a valid unified social "
                + $"credit code: {check.Problem}");
            return 2;
        }

        // As the other verbs that use the database: a SQLite file that is not there is a mistyped setting, refused
        // before SQLite creates it empty (the revocation then failed on the empty file, which stayed behind).
        using var host = CommandLine.BuildHost(args, databaseMustExist: true);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.ProductQualityDbContext>();
        var notBefore = await EnterpriseTokenRevocations.RevokeAsync(db, creditCode,
            host.Services.GetRequiredService<TimeProvider>());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Revoked: tokens issued to {creditCode} before "
            + $"{notBefore:yyyy-MM-dd'T'HH:mm:ss'Z'} no longer pass. Issue a new one with: token --enterprise "
            + $"{creditCode}"));
        return 0;
    }
}
