using System.Globalization;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Access.Tokens;

/// <summary>
/// <c>token --department ID [--subject NAME] [--expires 8h]</c>: prints a development token, alone on standard
/// output so scripts can capture it. Refused when the server validates tokens against a real identity provider.
/// <c>token --enterprise CODE [--expires 30d]</c>: an enterprise token, which this server issues in production too;
/// <c>token --revoke CODE</c> revokes the tokens issued to it so far
/// (<see cref="EnterpriseTokens.EnterpriseTokenVerb"/>).
/// </summary>
internal static class TokenVerb
{
    /// <summary>
    /// The longest --subject. It is signed into the token, which every request carries in a header, and stored with
    /// each write (recordedBy, 256 characters with the department) and in the access log: 100,000 characters made a
    /// 133 KB token that no request could carry (a server refuses headers over 32 KB with 431).
    /// </summary>
    internal const int MaxSubjectLength = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        if (CommandLine.Option(args, "--revoke") is { } revoked)
        {
            return await EnterpriseTokens.EnterpriseTokenVerb.RevokeAsync(args, revoked);
        }

        if (CommandLine.Option(args, "--enterprise") is { } enterprise)
        {
            return await EnterpriseTokens.EnterpriseTokenVerb.RunAsync(args, enterprise);
        }

        var department = CommandLine.Option(args, "--department");
        using var host = CommandLine.BuildHost(args);
        var policy = host.Services.GetRequiredService<AccessPolicy>();
        if (department is null || policy.ForDepartment(department) is null)
        {
            var departments = string.Join(", ", policy.Departments.Order(StringComparer.Ordinal));
            // A mistyped department read as if none was given: say which word was not one.
            var unknown = department is null ? "" : $"There is no department '{Quoted.Start(department)}'. ";
            await Console.Error.WriteLineAsync(
                $"{unknown}Pass --department with one of: {departments} (or --enterprise CODE for an enterprise token, "
                + "--revoke CODE to take back an enterprise's tokens).");
            return 2;
        }

        if (!host.Services.GetRequiredService<IOptions<TokenOptions>>().Value.IsDevelopmentMode)
        {
            await Console.Error.WriteLineAsync(
                "Auth:Authority is set: tokens come from your identity provider, not from this verb.");
            return 2;
        }

        if (!TryParseLifetime(CommandLine.Option(args, "--expires") ?? "8h", TimeSpan.FromDays(30), out var lifetime))
        {
            await Console.Error.WriteLineAsync("--expires takes a duration such as 30m, 8h or 7d (at most 30d).");
            return 2;
        }

        var subject = CommandLine.Option(args, "--subject") ?? $"dev-{department}";
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > MaxSubjectLength)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"--subject takes a name of 1 to {MaxSubjectLength} characters (the officer or system the token is "
                + $"for); this one has {subject.Trim().Length:N0}."));
            return 2;
        }

        Console.WriteLine(
            host.Services.GetRequiredService<DevelopmentTokenIssuer>().Issue(department, subject, lifetime));
        return 0;
    }

    /// <summary>30m, 8h, 7d: a positive duration of at most <paramref name="max"/>.</summary>
    internal static bool TryParseLifetime(string text, TimeSpan max, out TimeSpan lifetime)
    {
        lifetime = default;
        if (text.Length < 2
            || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        var unit = text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            _ => TimeSpan.Zero,
        };

        // Compared in units before multiplying: 99999999d is more than a TimeSpan holds (it threw, exit 134).
        if (unit == TimeSpan.Zero || n > max.Ticks / unit.Ticks)
        {
            return false;
        }

        lifetime = unit * n;
        return true;
    }
}
