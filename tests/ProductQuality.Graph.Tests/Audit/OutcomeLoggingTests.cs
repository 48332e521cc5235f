using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// Every kind of request leaves one entry — answered, refused at the door, refused by policy or limits, failed by
/// the server — with who asked, why, what and how it ended.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class OutcomeLoggingTests(GraphServerFactory factory)
{
    public static TheoryData<string, AccessOutcome, int, string?> Kinds() => new()
    {
        { "ok", AccessOutcome.Ok, 200, null },
        { "unknown field", AccessOutcome.ValidationError, 400, "FIELDS_ON_CORRECT_TYPE" },
        { "bad argument", AccessOutcome.ValidationError, 200, "INVALID_CREDIT_CODE" },
        { "wrong content type", AccessOutcome.ValidationError, 415, "UNSUPPORTED_MEDIA_TYPE" },
        { "bad token", AccessOutcome.Unauthorised, 401, "INVALID_TOKEN" },
        { "unknown department", AccessOutcome.Forbidden, 403, "UNKNOWN_DEPARTMENT" },
        { "too many aliases", AccessOutcome.Limited, 400, "TOO_MANY_ALIASES" },
        { "server fault", AccessOutcome.Error, 200, "INTERNAL_ERROR" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_outcome_is_logged(string kind, AccessOutcome outcome, int status, string? code)
    {
        var purpose = AccessLogProbe.NewPurpose("outcome");
        var reply = await SendAsync(kind, purpose);
        Assert.Equal(status, (int)reply.Status);

        var entry = await factory.EntryAsync(purpose);
        Assert.Equal(outcome, entry.Outcome);
        Assert.Equal(status, entry.Status);
        Assert.Equal(code, entry.ErrorCode);
        Assert.False(string.IsNullOrEmpty(entry.RequestId));
        Assert.True(entry.DurationMicroseconds > 0);
        Assert.Equal(64, entry.Hash.Length);
        // A valid token of a department without a policy is refused, and logged as who it says it is. A body that
        // cannot be read is logged with the department whose token came with it (the token is read first).
        Assert.Equal(kind is "ok" or "bad argument" or "unknown field" or "too many aliases" or "server fault"
            or "wrong content type" ? "finance" : kind == "unknown department" ? "marketing" : null, entry.Department);
        Assert.Equal(kind is "ok" or "bad argument" or "unknown field" or "too many aliases" or "server fault"
            or "unknown department" or "wrong content type" ? "test" : null, entry.Subject);
        string[] returned = kind == "ok" ? [await CodeAsync()] : [];
        Assert.Equal(returned, entry.Codes.Select(c => c.CreditCode).ToArray());
        Assert.True(kind != "ok" || entry.FieldGroups == "Identity,BlacklistStatus", entry.FieldGroups);
    }

    [Fact]
    public async Task An_answered_request_records_who_what_and_the_hashes_of_what_was_sent()
    {
        var purpose = AccessLogProbe.NewPurpose("loan-review");
        var variables = new { code = await CodeAsync() };
        var reply = await factory.ClientFor("finance").PostAsync(Subject.Query, purpose, variables, "Status");
        reply.EnsureData();

        var entry = await factory.EntryAsync(purpose);
        Assert.Equal(("finance", "test", "Status"), (entry.Department, entry.Subject, entry.OperationName));
        Assert.Equal(AccessLogProbe.Sha256(Subject.Query), entry.DocumentSha256);
        Assert.Equal(AccessLogProbe.Sha256(JsonSerializer.Serialize(variables)), entry.VariablesSha256);
        Assert.InRange(entry.AtUtc, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(1, entry.CodeCount);
    }

    private async Task<GraphQLReply> SendAsync(string kind, string purpose)
    {
        var finance = factory.ClientFor("finance");
        var variables = new { code = await CodeAsync() };
        switch (kind)
        {
            case "ok":
                return await finance.PostAsync(Subject.Query, purpose, variables, "Status");
            case "unknown field":
                return await finance.PostAsync("{ enterprises(first: 1) { nope } }", purpose);
            case "bad argument":
                return await finance.PostAsync("{ enterprise(creditCode: \"123\") { name } }", purpose);
            case "wrong content type":
                return await finance.PostAsync("{ __typename }", purpose, contentType: "text/plain");
            case "bad token":
                var forged = factory.CreateClient();
                forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token");
                return await forged.PostAsync("{ __typename }", purpose);
            case "unknown department":
                var stranger = factory.CreateClient();
                stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                    factory.Services.GetRequiredService<DevelopmentTokenIssuer>()
                        .Issue("marketing", "test", TimeSpan.FromMinutes(5)));
                return await stranger.PostAsync("{ __typename }", purpose);
            case "too many aliases":
                var aliases = string.Concat(Enumerable.Range(0, 201).Select(i =>
                    string.Create(CultureInfo.InvariantCulture, $"a{i}: productCategories {{ code }} ")));
                return await finance.PostAsync("{ " + aliases + "}", purpose);
            default:
                _ = factory.Services; // the shared server seeds the database first; the faulty one reuses it
                using (var faulty = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
                           s.AddSingleton<IInterceptor>(new FailingCategoryReads()))))
                {
                    var client = faulty.CreateClient();
                    client.DefaultRequestHeaders.Authorization = finance.DefaultRequestHeaders.Authorization;
                    return await client.PostAsync("{ productCategories { code } }", purpose);
                }
        }
    }

    private static class Subject
    {
        public const string Query =
            "query Status($code: String!) { enterprise(creditCode: $code) { name blacklisted } }";
    }

    // Any seeded enterprise: the seed is deterministic, so the first one by id is stable.
    private Task<string> CodeAsync() => factory.DbAsync(db => db.Enterprises.AsNoTracking().OrderBy(e => e.Id)
        .Select(e => e.CreditCode).FirstAsync());

    private sealed class FailingCategoryReads : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("\"ProductCategories\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException("injected fault")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
