using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assured;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Assessment;

/// <summary>
/// Blacklist and assured status are computed values too: each listing, removal, grant, revocation and expiry the
/// rules derived says why, with the rule's factors and thresholds — so a credit officer can justify a refusal and
/// an enterprise can contest one. The regulator's own decisions are explained by their decision number instead.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class EventExplanationTests(GraphServerFactory factory)
{
    private const string Query = """
        query($code: String!) { enterprise(creditCode: $code) {
          blacklistHistory { kind reason explanation { rule outcome summary factors { name value threshold effect } } }
          assuredHistory { kind reason explanation { rule outcome summary factors { name value threshold effect } } }
        } }
        """;

    private readonly HttpClient _finance = factory.ClientFor("finance");

    [Fact]
    public async Task A_rule_derived_listing_names_its_trigger_and_threshold()
    {
        var code = await EnterpriseWithAsync(db => db.BlacklistEvents
            .Where(b => b.Kind == BlacklistEventKind.Listed && b.Source == BlacklistEventSource.Rule));

        var history = await HistoryAsync(code, "blacklistHistory");

        var listing = history.First(e => e.GetProperty("kind").GetString() == "LISTED"
            && e.GetProperty("explanation").ValueKind != JsonValueKind.Null);
        var explanation = listing.GetProperty("explanation");
        Assert.Equal("blacklist-listing", explanation.GetProperty("rule").GetString());
        Assert.NotEmpty(explanation.GetProperty("factors").EnumerateArray());
        Assert.Contains(explanation.GetProperty("factors").EnumerateArray(),
            f => f.GetProperty("threshold").ValueKind == JsonValueKind.String);
        Assert.Contains("黑名单", explanation.GetProperty("summary").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_assured_grant_revocation_and_expiry_explains_the_conditions_of_its_day()
    {
        var code = await EnterpriseWithAsync(db =>
            db.AssuredEvents.Where(a => a.Kind == AssuredEventKind.Revoked || a.Kind == AssuredEventKind.Expired));

        var history = await HistoryAsync(code, "assuredHistory");

        Assert.True(history.Count >= 2);
        Assert.All(history, e =>
        {
            var explanation = e.GetProperty("explanation");
            Assert.Equal("assured-consumption", explanation.GetProperty("rule").GetString());
            Assert.NotEmpty(explanation.GetProperty("factors").EnumerateArray());
        });
    }

    [Fact]
    public async Task The_public_sees_the_reason_category_of_a_listing_but_no_explanation_field()
    {
        var reply = await factory.ClientFor(null)
            .PostAsync("{ blacklist(first: 1) { edges { node { blacklistHistory { reasonCategory explanation { "
                + "summary } } } } } }");

        Assert.Equal("FIELDS_ON_CORRECT_TYPE", reply.FirstErrorCode);
        Assert.Contains("explanation", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("tax")]
    public async Task Readers_of_the_assured_list_without_class_factors_get_no_assured_explanation(string? department)
    {
        var reply = await factory.ClientFor(department)
            .PostAsync("{ assuredUnits(first: 1) { edges { node { assuredHistory { kind explanation { "
                + "summary } } } } } }");

        Assert.Equal("FIELDS_ON_CORRECT_TYPE", reply.FirstErrorCode);
        Assert.Contains("explanation", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    private async Task<List<JsonElement>> HistoryAsync(string code, string history) =>
        (await _finance.PostAsync(Query, new { code })).EnsureData().Data.GetProperty("enterprise").GetProperty(history)
            .EnumerateArray().Select(e => e.Clone()).ToList();

    private Task<string> EnterpriseWithAsync<T>(Func<Graph.Data.ProductQualityDbContext, IQueryable<T>> rows)
        where T : class =>
        factory.DbAsync(async db =>
        {
            var ids = rows(db).Select(r => EF.Property<int>(r, "EnterpriseId"));
            return await db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id)
                .Select(e => e.CreditCode).FirstAsync();
        });
}
