using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace ProductQuality.Graph.Tests.History;

/// <summary>
/// <c>asOf</c> on the read side: an enterprise, a product, the city, a region and the four-colour map as they stood
/// on a past day, with histories cut at that day. The seeded server is never written, so "as known then" and
/// "as believed now" agree here; <see cref="AsOfAfterWriteTests"/> covers a late fact.
/// </summary>
public abstract class AsOfTests(TestServerFactory factory)
{
    private const string Today = "2026-11-28";
    private const string Yesterday = "2026-11-27";

    private const string State = """
        creditCode class classEffectiveFrom healthCode mapColour qualityIndex traceability qualitySystem
        blacklisted blacklistedSince assured assuredUntil classOverride { class }
        """;

    private readonly HttpClient _city = factory.ClientFor("samr-jiaxing");

    [ProviderFact]
    public async Task A_bank_rechecks_an_enterprise_as_it_stood_on_the_day_of_a_loan_application()
    {
        var code = await BlacklistedAfterMid2025Async();
        const string query = """
            query($code: String!, $day: Date) {
              enterprise(creditCode: $code, asOf: $day) {
                creditCode name class classEffectiveFrom healthCode mapColour qualityIndex
                blacklisted blacklistedSince assured assuredUntil
                classHistory { effectiveFrom class healthCode qualityIndex reason }
                blacklistHistory { kind occurredOn reasonCategory }
                qualityIndexExplanation { summary }
                town { code name }
              }
            }
            """;
        var finance = factory.ClientFor("finance");

        var then = (await finance.PostAsync(query, new { code, day = "2025-06-30" })).EnsureData();
        var now = (await finance.PostAsync(query, new { code, day = (string?)null })).EnsureData()
            .Data.GetProperty("enterprise");

        var onTheDay = then.Data.GetProperty("enterprise");
        Assert.False(onTheDay.GetProperty("blacklisted").GetBoolean());
        Assert.True(now.GetProperty("blacklisted").GetBoolean());
        Assert.All(onTheDay.GetProperty("classHistory").EnumerateArray(),
            r => Assert.True(Date(r, "effectiveFrom") <= new DateOnly(2025, 6, 30)));
        Assert.All(onTheDay.GetProperty("blacklistHistory").EnumerateArray(),
            r => Assert.True(Date(r, "occurredOn") <= new DateOnly(2025, 6, 30)));

        // The state on the day is the newest class record in force then.
        var inForce = onTheDay.GetProperty("classHistory")[0];
        Assert.Equal(inForce.GetProperty("class").GetString(), onTheDay.GetProperty("class").GetString());
        Assert.Equal(inForce.GetProperty("qualityIndex").GetDouble(), onTheDay.GetProperty("qualityIndex").GetDouble());
        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(then.Body));
    }

    [ProviderFact]
    public async Task An_asOf_written_inside_a_fragment_answers_as_of_that_day()
    {
        // Fields below a root field ask it for its asOf; one written in a fragment must be found all the same.
        var code = await BlacklistedAfterMid2025Async();
        const string fields = """
            enterprise(creditCode: $code, asOf: "2025-06-30") { blacklisted class products { code tier } }
            """;
        string[] queries =
        [
            $$"""query($code: String!) { {{fields}} }""",
            $$"""query($code: String!) { ...Then } fragment Then on Query { {{fields}} }""",
            $$"""query($code: String!) { ... on Query { ... { {{fields}} } } }""",
            $$"""
                query($code: String!) { ...Outer }
                fragment Outer on Query { ...Then }
                fragment Then on Query { {{fields}} }
                """,
        ];

        var answers = new List<string>();
        foreach (var query in queries)
        {
            answers.Add((await _city.PostAsync(query, new { code })).EnsureData().Data.GetRawText());
        }

        Assert.Contains("\"blacklisted\":false", answers[0], StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
    }

    /// <summary>An enterprise blacklisted after mid-2025 and assessed by then: on 2025-06-30 it was unlisted.</summary>
    private Task<string> BlacklistedAfterMid2025Async() =>
        factory.DbAsync(db => db.Enterprises.AsNoTracking()
            .Where(e => e.IsBlacklisted && e.BlacklistedSince > new DateOnly(2025, 6, 30)
                && db.EnterpriseAssessments.Any(a => a.EnterpriseId == e.Id
                    && a.EffectiveFrom <= new DateOnly(2025, 6, 30)))
            .OrderBy(e => e.Id).Select(e => e.CreditCode).FirstAsync());

    [ProviderFact]
    public async Task On_a_day_nothing_changed_the_restored_state_equals_the_engines_cached_state()
    {
        // Every enterprise with no change dated today: yesterday's state, rebuilt from the histories, must equal
        // the columns the engine cached — the same derivation read two ways.
        var today = DateOnly.Parse(Today, CultureInfo.InvariantCulture);
        var codes = await factory.DbAsync(db => db.Enterprises.AsNoTracking()
            .Where(e => !db.EnterpriseAssessments.Any(a => a.EnterpriseId == e.Id && a.EffectiveFrom >= today)
                && !db.BlacklistEvents.Any(b => b.EnterpriseId == e.Id && b.OccurredOn >= today)
                && !db.AssuredEvents.Any(a => a.EnterpriseId == e.Id && a.OccurredOn >= today)
                && !db.ManagementRecords.Any(m => m.EnterpriseId == e.Id && m.EffectiveFrom >= today)
                && !db.ClassOverrides.Any(o => o.EnterpriseId == e.Id
                    && (o.EffectiveFrom >= today || o.ExpiresOn == today.AddDays(-1)))
                && (e.AssuredUntil == null || e.AssuredUntil >= today))
            .OrderBy(e => e.Id).Select(e => e.CreditCode).ToListAsync());
        Assert.True(codes.Count > TestServerFactory.Enterprises / 2,
            $"only {codes.Count} enterprises without a change today");

        foreach (var chunk in codes.Chunk(50))
        {
            var fields = string.Join('\n', chunk.Select((c, i) =>
                $"then{i}: enterprise(creditCode: \"{c}\", asOf: \"{Yesterday}\") {{ {State} }}\nnow{i}: "
                + $"enterprise(creditCode: \"{c}\") {{ {State} }}"));
            var data = (await _city.PostAsync("{ " + fields + " }")).EnsureData().Data;
            for (var i = 0; i < chunk.Length; i++)
            {
                Assert.Equal(data.GetProperty($"now{i}").GetRawText(), data.GetProperty($"then{i}").GetRawText());
            }
        }
    }

    [ProviderFact]
    public async Task Histories_stop_at_the_day_and_agree_with_todays_histories_up_to_it()
    {
        var code = await BusiestEnterpriseAsync();
        const string query = """
            query($code: String!, $day: Date) { enterprise(creditCode: $code, asOf: $day) {
              classHistory { effectiveFrom class reason } blacklistHistory { kind occurredOn }
              assuredHistory { kind occurredOn validUntil }
              inspections(limit: 200) { reportNumber sampledOn } classExplanation { rule outcome } } }
            """;
        var now = (await _city.PostAsync(query, new { code, day = (string?)null })).EnsureData()
            .Data.GetProperty("enterprise");
        var day = Date(now.GetProperty("classHistory")[now.GetProperty("classHistory").GetArrayLength() / 2],
            "effectiveFrom");
        var then = (await _city.PostAsync(query,
                new { code, day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }))
            .EnsureData().Data.GetProperty("enterprise");

        foreach (var (history, date) in new[] { ("classHistory", "effectiveFrom"), ("blacklistHistory", "occurredOn"),
            ("assuredHistory", "occurredOn"), ("inspections", "sampledOn") })
        {
            var expected = now.GetProperty(history).EnumerateArray().Where(r => Date(r, date) <= day)
                .Select(r => r.GetRawText()).ToList();
            Assert.Equal(expected, then.GetProperty(history).EnumerateArray().Select(r => r.GetRawText()).ToList());
        }

        Assert.NotEqual(now.GetProperty("classHistory").GetArrayLength(),
            then.GetProperty("classHistory").GetArrayLength());
        Assert.NotEmpty(then.GetProperty("classExplanation").EnumerateArray());
    }

    [ProviderFact]
    public async Task Before_its_first_assessment_an_enterprise_reads_as_null()
    {
        var (code, first) = await factory.DbAsync(async db =>
        {
            var e = await db.Enterprises.AsNoTracking().OrderBy(x => x.Id)
                .Select(x => new
                {
                    x.CreditCode,
                    First = db.EnterpriseAssessments.Where(a => a.EnterpriseId == x.Id)
                        .Min(a => a.EffectiveFrom)
                }).FirstAsync();
            return (e.CreditCode, e.First);
        });
        const string query = "query($code: String!, $day: Date) { enterprise(creditCode: $code, asOf: $day) { class "
            + "classEffectiveFrom } }";

        var before = (await _city.PostAsync(query, new { code, day = Iso(first.AddDays(-1)) })).EnsureData();
        var on = (await _city.PostAsync(query, new { code, day = Iso(first) })).EnsureData();

        Assert.Equal(JsonValueKind.Null, before.Data.GetProperty("enterprise").ValueKind);
        Assert.Equal(Iso(first), on.Data.GetProperty("enterprise").GetProperty("classEffectiveFrom").GetString());
    }

    [ProviderFact]
    public async Task Asking_about_today_is_asking_about_now()
    {
        var code = await BusiestEnterpriseAsync();
        var query = $"{{ a: enterprise(creditCode: \"{code}\", asOf: \"{Today}\") {{ {State} classHistory {{ "
            + $"effectiveFrom }} }} b: enterprise(creditCode: \"{code}\") {{ {State} classHistory {{ "
            + $"effectiveFrom }} }} }}";
        var data = (await _city.PostAsync(query)).EnsureData().Data;
        Assert.Equal(data.GetProperty("b").GetRawText(), data.GetProperty("a").GetRawText());
    }

    [ProviderFact]
    public async Task The_map_the_city_and_a_region_answer_with_the_assessment_in_force_on_the_day()
    {
        var day = new DateOnly(2025, 6, 30);
        var expected = await factory.DbAsync(async db =>
            (await db.RegionAssessments.AsNoTracking().Where(a => a.EffectiveFrom <= day).ToListAsync())
                .GroupBy(a => a.RegionCode)
                .ToDictionary(g => g.Key,
                    g => g.OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.Id).First()));
        const string query = """
            query($day: Date) {
              fourColorMap(level: COUNTY, asOf: $day) {
                code colour assessment { effectiveFrom colour qualityIndex redCount enterpriseCount } }
              city(asOf: $day) {
                code assessment { effectiveFrom colour } children { code assessment { effectiveFrom } } }
              region(code: "330481", asOf: $day) { assessment { effectiveFrom colour } }
            }
            """;

        var data = (await _city.PostAsync(query, new { day = Iso(day) })).EnsureData().Data;

        var map = data.GetProperty("fourColorMap").EnumerateArray().ToList();
        Assert.Equal(7, map.Count);
        foreach (var region in map.Append(data.GetProperty("city"))
            .Concat(data.GetProperty("city").GetProperty("children").EnumerateArray()))
        {
            var row = expected[region.GetProperty("code").GetString()!];
            Assert.Equal(Iso(row.EffectiveFrom),
                region.GetProperty("assessment").GetProperty("effectiveFrom").GetString());
        }

        Assert.All(map,
            r => Assert.Equal(r.GetProperty("colour").GetString(),
                r.GetProperty("assessment").GetProperty("colour").GetString()));
        Assert.Equal(Iso(expected["330481"].EffectiveFrom),
            data.GetProperty("region").GetProperty("assessment").GetProperty("effectiveFrom").GetString());

        var ancient = (await _city.PostAsync("{ city(asOf: \"2000-01-01\") { assessment { colour } colour } }"))
            .EnsureData().Data.GetProperty("city");
        Assert.Equal(JsonValueKind.Null, ancient.GetProperty("assessment").ValueKind);
        Assert.Equal(JsonValueKind.Null, ancient.GetProperty("colour").ValueKind);
    }

    [ProviderFact]
    public async Task Products_answer_with_the_tier_in_force_on_the_day_also_under_an_enterprise()
    {
        var day = new DateOnly(2024, 6, 30);
        var (product, tier, score) = await factory.DbAsync(async db =>
        {
            // A product whose tier on the day differs from today's, if there is one, else any graded one.
            var rows = await db.ProductTierAssessments.AsNoTracking().Where(a => a.EffectiveFrom <= day).ToListAsync();
            var inForce = rows.GroupBy(a => a.ProductCode)
                .Select(g => g.OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.Id).First()).ToList();
            var current = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Tier);
            var pick = inForce.OrderBy(a => a.Tier == current[a.ProductCode])
                .ThenBy(a => a.ProductCode, StringComparer.Ordinal).First();
            return (pick.ProductCode, pick.Tier.ToString().ToUpperInvariant(), pick.RiskScore);
        });
        var maker = await factory.DbAsync(db => db.Enterprises.AsNoTracking()
            .Where(e => db.EnterpriseProducts.Any(p => p.EnterpriseId == e.Id && p.ProductCode == product)
                && db.EnterpriseAssessments.Any(a => a.EnterpriseId == e.Id && a.EffectiveFrom <= day))
            .OrderBy(e => e.Id).Select(e => e.CreditCode).FirstAsync());
        const string query = """
            query($code: String!, $maker: String!, $day: Date) {
              product(code: $code, asOf: $day) { tier riskScore tierHistory { effectiveFrom } }
              enterprise(creditCode: $maker, asOf: $day) { products { code tier riskScore } }
            }
            """;

        var data = (await _city.PostAsync(query, new { code = product, maker, day = Iso(day) })).EnsureData().Data;

        Assert.Equal(tier, data.GetProperty("product").GetProperty("tier").GetString());
        Assert.Equal(score, data.GetProperty("product").GetProperty("riskScore").GetDouble());
        Assert.All(data.GetProperty("product").GetProperty("tierHistory").EnumerateArray(),
            r => Assert.True(Date(r, "effectiveFrom") <= day));
        var nested = data.GetProperty("enterprise").GetProperty("products").EnumerateArray()
            .Single(p => p.GetProperty("code").GetString() == product);
        Assert.Equal(tier, nested.GetProperty("tier").GetString());

        var ungraded = (await _city.PostAsync("query($c: String!) { product(code: $c, asOf: \"2000-01-01\") { tier } }",
            new { c = product })).EnsureData();
        Assert.Equal(JsonValueKind.Null, ungraded.Data.GetProperty("product").ValueKind);
    }

    /// <summary>
    /// A product's tier and score are read from the product row in one step only in an operation about now (the
    /// execution strategy's fast path): one document holding operations with and without asOf, each selection plain
    /// (read inline with its object) and through a fragment (a node of its own), answers the day's grading under
    /// asOf and today's row without, whichever operation of the document ran first.
    /// </summary>
    [ProviderFact]
    public async Task Tiers_read_in_one_step_only_in_an_operation_about_now()
    {
        var day = new DateOnly(2024, 6, 30);
        var (code, then, now) = await factory.DbAsync(async db =>
        {
            var rows = await db.ProductTierAssessments.AsNoTracking().Where(a => a.EffectiveFrom <= day).ToListAsync();
            var current = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Tier);
            var pick = rows.GroupBy(a => a.ProductCode)
                .Select(g => g.OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.Id).First())
                .Where(a => a.Tier != current[a.ProductCode]).OrderBy(a => a.ProductCode, StringComparer.Ordinal)
                .First();
            return (pick.ProductCode, pick.Tier.ToString().ToUpperInvariant(),
                current[pick.ProductCode].ToString().ToUpperInvariant());
        });
        const string document = """
            fragment Graded on Product { tier riskScore }
            query ThenPlain($code: String!, $day: Date) { product(code: $code, asOf: $day) { code tier riskScore } }
            query ThenFragment($code: String!, $day: Date) { product(code: $code, asOf: $day) { code ...Graded } }
            query NowPlain($code: String!) { product(code: $code) { code tier riskScore } }
            query NowFragment($code: String!) { product(code: $code) { code ...Graded } }
            """;

        foreach (var order in new[] { new[] { "Now", "Then" }, ["Then", "Now"] })
        {
            // A space makes each order's document a new one to the server: its first operation is the order's.
            var text = order[0] == "Now" ? document : document + " ";
            foreach (var operation in order.SelectMany(o => new[] { o + "Plain", o + "Fragment" }))
            {
                var asOf = operation.StartsWith("Then", StringComparison.Ordinal);
                var variables = asOf ? (object)new { code, day = Iso(day) } : new { code };
                var product = (await _city.PostAsync(text, variables, operation)).EnsureData().Data
                    .GetProperty("product");
                Assert.Equal(asOf ? then : now, product.GetProperty("tier").GetString());
            }
        }
    }

    /// <summary>
    /// An enterprise reached from one of its events is as it stood on the day, as the root is: a listing's
    /// enterprise answered today's state, removal and later class included (the re-probe).
    /// </summary>
    [ProviderFact]
    public async Task An_events_enterprise_is_as_it_stood_on_the_asOf_day()
    {
        var listing = await factory.DbAsync(db => db.BlacklistEvents.AsNoTracking()
            .Where(b => b.Kind == BlacklistEventKind.Listed && db.BlacklistEvents.Any(r =>
                r.EnterpriseId == b.EnterpriseId && r.Kind == BlacklistEventKind.Removed
                && r.OccurredOn > b.OccurredOn.AddDays(2)))
            .OrderBy(b => b.Id)
            .Select(b => new { b.OccurredOn,
                Code = db.Enterprises.Where(e => e.Id == b.EnterpriseId).Select(e => e.CreditCode).First() })
            .FirstAsync());
        const string state = "blacklisted blacklistedSince class classEffectiveFrom healthCode qualityIndex";
        var query = $$"""
            query($code: String!, $day: Date) { enterprise(creditCode: $code, asOf: $day) { {{state}}
              blacklistHistory { enterprise { {{state}} } } assuredHistory { enterprise { {{state}} } } } }
            """;

        var top = (await _city.PostAsync(query, new { code = listing.Code, day = Iso(listing.OccurredOn.AddDays(1)) }))
            .EnsureData().Data.GetProperty("enterprise");

        Assert.True(top.GetProperty("blacklisted").GetBoolean());
        var nested = top.GetProperty("blacklistHistory").EnumerateArray()
            .Concat(top.GetProperty("assuredHistory").EnumerateArray()).Select(e => e.GetProperty("enterprise"))
            .ToList();
        Assert.NotEmpty(nested);
        Assert.All(nested, e => Assert.All(state.Split(' '),
            field => Assert.Equal(top.GetProperty(field).GetRawText(), e.GetProperty(field).GetRawText())));
    }

    /// <summary>
    /// A sampling of the day shows no rectification order dated after the day: the order did not exist yet (the
    /// domain probe: a failure of 2022-02-18 read asOf 2022-03-01 showed its order of 2022-04-01).
    /// </summary>
    [ProviderFact]
    public async Task A_rectification_order_after_the_asOf_day_is_not_shown()
    {
        var failure = await factory.DbAsync(db => db.Inspections.AsNoTracking()
            .Where(i => i.RectificationOrderedOn != null && i.RectificationOrderedOn > i.SampledOn.AddDays(1))
            .OrderBy(i => i.Id)
            .Select(i => new { i.ReportNumber, i.SampledOn, Ordered = i.RectificationOrderedOn!.Value,
                Code = db.Enterprises.Where(e => e.Id == i.EnterpriseId).Select(e => e.CreditCode).First() })
            .FirstAsync());
        const string query = """
            query($code: String!, $day: Date) {
              enterprise(creditCode: $code, asOf: $day) {
                inspections(limit: 200) { reportNumber rectificationOrderedOn } }
            }
            """;

        async Task<JsonElement> OrderOn(DateOnly day) => (await _city.PostAsync(query,
                new { code = failure.Code, day = Iso(day) })).EnsureData().Data.GetProperty("enterprise")
            .GetProperty("inspections").EnumerateArray()
            .Single(i => i.GetProperty("reportNumber").GetString() == failure.ReportNumber)
            .GetProperty("rectificationOrderedOn");

        Assert.Equal(JsonValueKind.Null, (await OrderOn(failure.Ordered.AddDays(-1))).ValueKind);
        Assert.Equal(Iso(failure.Ordered), (await OrderOn(failure.Ordered)).GetString());
    }

    /// <summary>
    /// Every product's tier and score on a day are those of its newest grading in force then (the tier fields read
    /// that one row, cut per product in SQL, not the whole history): checked for the whole catalogue on days
    /// before, inside and at the end of the history, against the rows read here.
    /// </summary>
    [ProviderFact]
    public async Task Every_product_answers_asOf_with_its_newest_grading_in_force_that_day()
    {
        var days = new[] { new DateOnly(2019, 1, 1), new DateOnly(2022, 3, 1), new DateOnly(2025, 8, 15),
            new DateOnly(2026, 11, 28) };
        var rows = await factory.DbAsync(db => db.ProductTierAssessments.AsNoTracking()
            .Select(a => new { a.ProductCode, a.EffectiveFrom, a.Id, a.Tier, a.RiskScore }).ToListAsync());
        var codes = await factory.DbAsync(db => db.Products.AsNoTracking().OrderBy(p => p.Code)
            .Select(p => p.Code).ToListAsync());
        var graded = 0;
        foreach (var day in days)
        {
            var expected = rows.Where(a => a.EffectiveFrom <= day).GroupBy(a => a.ProductCode).ToDictionary(
                g => g.Key, g => g.OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.Id).First());
            foreach (var chunk in codes.Chunk(60))
            {
                var fields = string.Join(" ", chunk.Select((code, i) =>
                    $"p{i}: product(code: \"{code}\", asOf: $day) {{ code tier riskScore }}"));
                var data = (await _city.PostAsync("query($day: Date) { " + fields + " }", new { day = Iso(day) }))
                    .EnsureData().Data;
                for (var i = 0; i < chunk.Length; i++)
                {
                    var answer = data.GetProperty("p" + i.ToString(CultureInfo.InvariantCulture));
                    if (!expected.TryGetValue(chunk[i], out var inForce))
                    {
                        Assert.Equal(JsonValueKind.Null, answer.ValueKind);
                        continue;
                    }

                    graded++;
                    Assert.Equal(inForce.Tier.ToString().ToUpperInvariant(), answer.GetProperty("tier").GetString());
                    Assert.Equal(inForce.RiskScore, answer.GetProperty("riskScore").GetDouble());
                }
            }
        }

        Assert.True(graded > codes.Count * 2, $"only {graded} product-days were graded");
    }

    [ProviderTheory]
    [InlineData("enterprise(creditCode: \"91330481704213653E\", asOf: \"2026-11-29\") { class }", "enterprise")]
    [InlineData("product(code: \"P004\", asOf: \"2026-11-29\") { tier }", "product")]
    [InlineData("region(code: \"330481\", asOf: \"2026-11-29\") { colour }", "region")]
    [InlineData("fourColorMap(level: TOWN, asOf: \"2027-01-01\") { colour }", null)]
    [InlineData("city(asOf: \"2030-01-01\") { colour }", null)]
    public async Task A_day_in_the_future_is_INVALID_ARGUMENT_saying_what_today_is(string field, string? nullableField)
    {
        var reply = await _city.PostAsync("{ " + field + " }");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("INVALID_ARGUMENT", reply.FirstErrorCode);
        Assert.Contains("is in the future: today is 2026-11-28", reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal("asOf",
            reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("argument").GetString());
        if (nullableField is not null)
        {
            Assert.Equal(JsonValueKind.Null, reply.Data.GetProperty(nullableField).ValueKind);
        }
    }

    [ProviderTheory]
    [InlineData("2025-02-30")]
    [InlineData("30/06/2025")]
    [InlineData("yesterday")]
    public async Task A_date_that_is_not_a_calendar_day_is_a_validation_error_naming_asOf(string day)
    {
        var reply = await _city.PostAsync("query($day: Date) { city(asOf: $day) { colour } }", new { day });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("day", reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", reply.Body, StringComparison.Ordinal);
    }

    [ProviderTheory]
    [InlineData("2025-02-30", "2025-02-28")]
    [InlineData("2025/01/01", "2025-01-01")]
    [InlineData("yesterday", "2025-06-30")]
    public async Task A_date_that_is_no_day_is_told_the_form_and_a_day_that_exists(string day, string example)
    {
        // GraphQL.NET said "Unable to convert '2025-02-30' to 'Date'" (variable) and "Expected type 'Date', found
        // "2025-02-30"." (literal): neither the form nor that the day must exist. The codes stay.
        var said = $"'{day}' is not a date: write yyyy-MM-dd, a day that exists (e.g. {example}).";
        var literal = await _city.PostAsync("{ city(asOf: \"" + day + "\") { colour } }");
        var variable = await _city.PostAsync("query($day: Date) { city(asOf: $day) { colour } }", new { day });
        var inField = await _city.PostAsync("{ accessSummary(filter: { from: \"" + day + "\" }) { __typename } }");
        var byDefault = await _city.PostAsync(
            "query($day: Date = \"" + day + "\") { city(asOf: $day) { colour } }");

        Assert.All(new[] { literal, variable, inField, byDefault },
            r => Assert.Equal(HttpStatusCode.BadRequest, r.Status));
        Assert.Equal("ARGUMENTS_OF_CORRECT_TYPE", literal.FirstErrorCode);
        Assert.Equal("Argument 'asOf' has invalid value. " + said, literal.FirstErrorMessage);
        Assert.Equal("INVALID_VALUE", variable.FirstErrorCode);
        Assert.Equal("Variable '$day' is invalid. " + said, variable.FirstErrorMessage);
        Assert.Equal("ARGUMENTS_OF_CORRECT_TYPE", inField.FirstErrorCode);
        Assert.Equal($"Argument 'filter' has invalid value. In field 'from': [{said}]", inField.FirstErrorMessage);
        Assert.Equal("DEFAULT_VALUES_OF_CORRECT_TYPE", byDefault.FirstErrorCode);
        Assert.EndsWith("has invalid default value '\"" + day + "\"'. " + said, byDefault.FirstErrorMessage,
            StringComparison.Ordinal);
    }

    [ProviderTheory]
    [InlineData("\\ud800")]
    [InlineData("20\\\"25")]
    [InlineData("٢٠٢٥-٠١-٠١")]
    public async Task A_date_literal_of_any_text_is_refused_as_the_client_s_error(string text)
    {
        // The message quotes the text back: a lone surrogate in it once made writing the errors fail (a 500).
        var reply = await _city.PostAsync("{ city(asOf: \"" + text + "\") { colour } }");
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("is not a date: write yyyy-MM-dd", reply.FirstErrorMessage, StringComparison.Ordinal);
        CleanAnswer.Assert(reply, text);
    }

    private Task<string> BusiestEnterpriseAsync() => factory.DbAsync(db => db.Enterprises.AsNoTracking()
        .Where(e => db.BlacklistEvents.Any(b => b.EnterpriseId == e.Id && b.Kind == BlacklistEventKind.Listed))
        .OrderByDescending(e => db.EnterpriseAssessments.Count(a => a.EnterpriseId == e.Id)).ThenBy(e => e.Id)
        .Select(e => e.CreditCode).FirstAsync());

    private static DateOnly Date(JsonElement row, string property) =>
        DateOnly.Parse(row.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
