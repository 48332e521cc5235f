using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>Happy paths and refusals of the decision, status, complaint, blacklist and warning writes.</summary>
[Collection(WritableServerCollection.Name)]
public sealed class FactWriteTests(WritableServerFactory factory)
{
    private readonly HttpClient _city = factory.ClientFor("samr-jiaxing");

    private static object Decision(string code, string number, decimal fine = 50000m, string kind = "PENALTY") =>
        new { input = new { idempotencyKey = WriteData.Key(), creditCode = code, kind, decisionNumber = number,
            decidedOn = "2026-11-25", fineYuan = fine, summary = "生产不合格电线电缆" } };

    [Fact]
    public async Task Enforcement_decision_is_recorded_and_numbers_are_unique_and_fines_not_negative()
    {
        var (code, _, _) = await factory.EnterpriseAsync(30);
        var number = WriteData.Unique("嘉市监罚");
        var done = (await _city.PostAsync(Writes.RecordEnforcementDecision,
                Decision(code, number, kind: "IP_INFRINGEMENT")))
            .EnsureData().Data.GetProperty("recordEnforcementDecision");
        Assert.Equal("IP_INFRINGEMENT", done.GetProperty("decision").GetProperty("kind").GetString());
        Assert.Equal("samr-jiaxing/test", done.GetProperty("decision").GetProperty("recordedBy").GetString());
        Assert.Equal(1,
            await factory.DbAsync(db => db.EnforcementDecisions.CountAsync(d => d.DecisionNumber == number)));

        Assert.Equal(["DUPLICATE input.decisionNumber"],
            (await _city.PostAsync(Writes.RecordEnforcementDecision, Decision(code, number))).FieldErrors());
        Assert.Equal(["INVALID_INPUT input.decisionNumber", "INVALID_INPUT input.fineYuan"],
            (await _city.PostAsync(Writes.RecordEnforcementDecision, Decision(code, " ", -1m))).FieldErrors()
                .Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Management_status_and_complaint_are_recorded()
    {
        var (code, product, _) = await factory.EnterpriseAsync(31);
        var status = (await _city.PostAsync(Writes.RecordManagementStatus, new
        {
            input = new { idempotencyKey = WriteData.Key(), creditCode = code, traceability = "FULL",
                qualitySystem = "CERTIFIED", effectiveFrom = "2026-11-01", note = "ISO 9001 证书复核" },
        })).EnsureData().Data.GetProperty("recordManagementStatus");
        Assert.Equal("FULL", status.GetProperty("record").GetProperty("traceability").GetString());

        var complaint = (await _city.PostAsync(Writes.RecordValidComplaint, new
        {
            input = new { idempotencyKey = WriteData.Key(), creditCode = code, productCode = product,
                foundValidOn = "2026-11-10", summary = "插座外壳开裂" },
        })).EnsureData().Data.GetProperty("recordValidComplaint");
        Assert.Equal(product,
            complaint.GetProperty("complaint").GetProperty("product").GetProperty("code").GetString());
        Assert.Equal(product, complaint.GetProperty("product").GetProperty("code").GetString());

        var future = await _city.PostAsync(Writes.RecordValidComplaint, new
        {
            input = new { idempotencyKey = WriteData.Key(), creditCode = code, productCode = "P000",
                foundValidOn = "2026-11-29", summary = "" },
        });
        Assert.Equal(["INVALID_INPUT input.foundValidOn", "INVALID_INPUT input.productCode",
            "INVALID_INPUT input.summary"], future.FieldErrors().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Blacklist_decision_is_a_decided_event_and_impossible_actions_are_refused()
    {
        var (code, _, _) = await factory.EnterpriseAsync(32);
        var number = WriteData.Unique("嘉市监黑");
        object Listing(string action, string? category, string n) =>
            new { input = new { idempotencyKey = WriteData.Key(), creditCode = code, action, decisionNumber = n,
                decidedOn = "2026-11-27", reasonCategory = category, reason = "无证生产燃气灶具" } };

        var listed = (await _city.PostAsync(Writes.RecordBlacklistDecision,
            Listing("LIST", "UNLICENSED_PRODUCTION", number))).EnsureData().Data.GetProperty("recordBlacklistDecision");
        Assert.Equal("LISTED", listed.GetProperty("event").GetProperty("kind").GetString());
        Assert.Equal(BlacklistEventSource.Decision,
            await factory.DbAsync(db => db.BlacklistEvents.Where(b => b.DecisionNumber == number).Select(b => b.Source)
                .SingleAsync()));

        // Once the engine applies the listing, a second LIST is also ALREADY_LISTED: assert only the error under test.
        Assert.Contains("DUPLICATE input.decisionNumber",
            (await _city.PostAsync(Writes.RecordBlacklistDecision, Listing("LIST", "COUNTERFEITING", number)))
                .FieldErrors());
        Assert.Contains("INVALID_INPUT input.reasonCategory",
            (await _city.PostAsync(Writes.RecordBlacklistDecision, Listing("LIST", null, WriteData.Unique("N"))))
                .FieldErrors());

        var (unlisted, _, _) = await factory.EnterpriseAsync(33);
        var remove = await _city.PostAsync(Writes.RecordBlacklistDecision,
            new { input = new { idempotencyKey = WriteData.Key(), creditCode = unlisted, action = "REMOVE",
                decisionNumber = WriteData.Unique("N"), decidedOn = "2026-11-27", reason = "整改期满" } });
        Assert.Equal(["NOT_LISTED input.action"], remove.FieldErrors());

        var (alreadyListed, _, _) = await factory.EnterpriseAsync(0, blacklisted: true);
        var again = await _city.PostAsync(Writes.RecordBlacklistDecision,
            new { input = new { idempotencyKey = WriteData.Key(), creditCode = alreadyListed, action = "LIST",
                decisionNumber = WriteData.Unique("N"), decidedOn = "2026-11-27", reasonCategory = "COUNTERFEITING",
                reason = "制假" } });
        Assert.Equal(["ALREADY_LISTED input.action"], again.FieldErrors());
    }

    [Fact]
    public async Task A_blacklist_decision_is_checked_against_the_day_it_was_decided()
    {
        static object Decision(string code, string action, DateOnly on) =>
            new { input = new { idempotencyKey = WriteData.Key(), creditCode = code, action,
                decisionNumber = WriteData.Unique("嘉市监黑"), decidedOn = on.ToString("yyyy-MM-dd"),
                reasonCategory = action == "LIST" ? "COUNTERFEITING" : null, reason = "复核" } };
        var events = await factory.DbAsync(db => db.BlacklistEvents.IgnoreQueryFilters().CountAsync());

        // Listed now, since a day: a removal dated before it removed nothing, yet was answered as done.
        var (listed, _, _) = await factory.EnterpriseAsync(2, blacklisted: true);
        var since = await factory.DbAsync(db => db.Enterprises.Where(e => e.CreditCode == listed)
            .Select(e => e.BlacklistedSince!.Value).SingleAsync());
        var early = await _city.PostAsync(Writes.RecordBlacklistDecision,
            Decision(listed, "REMOVE", since.AddDays(-1)));
        Assert.Equal(["NOT_LISTED input.action"], early.FieldErrors());
        Assert.Contains($"On {since.AddDays(-1):yyyy-MM-dd}, the day decided", early.FirstErrorMessage,
            StringComparison.Ordinal);

        // Listed and removed since: a listing dated inside that period is a second listing, though not listed today.
        var period = await factory.DbAsync(db => db.BlacklistEvents
            .Where(r => r.Kind == BlacklistEventKind.Removed
                && db.Enterprises.Any(e => e.Id == r.EnterpriseId && !e.IsBlacklisted))
            .OrderBy(r => r.Id)
            .Select(r => new { Code = db.Enterprises.Single(e => e.Id == r.EnterpriseId).CreditCode, r.OccurredOn })
            .FirstAsync());
        var inside = await _city.PostAsync(Writes.RecordBlacklistDecision,
            Decision(period.Code, "LIST", period.OccurredOn.AddDays(-1)));
        Assert.Equal(["ALREADY_LISTED input.action"], inside.FieldErrors());

        Assert.Equal(events, await factory.DbAsync(db => db.BlacklistEvents.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Removal_of_a_listed_enterprise_is_a_new_event_under_the_listing_category()
    {
        var (listed, _, _) = await factory.EnterpriseAsync(1, blacklisted: true);
        var category = await factory.DbAsync(db => db.BlacklistEvents
            .Where(b => b.Kind == BlacklistEventKind.Listed
                && db.Enterprises.Any(e => e.Id == b.EnterpriseId && e.CreditCode == listed))
            .OrderByDescending(b => b.OccurredOn).ThenByDescending(b => b.Id).Select(b => b.ReasonCategory)
            .FirstAsync());
        var events = await factory.DbAsync(db => db.BlacklistEvents.CountAsync());

        var removed = (await _city.PostAsync(Writes.RecordBlacklistDecision,
            new { input = new { idempotencyKey = WriteData.Key(), creditCode = listed, action = "REMOVE",
                decisionNumber = WriteData.Unique("嘉市监移"), decidedOn = "2026-11-28", reason = "整改期满无违法行为" } }))
            .EnsureData().Data.GetProperty("recordBlacklistDecision").GetProperty("event");

        Assert.Equal("REMOVED", removed.GetProperty("kind").GetString());
        Assert.Equal(category.ToString(),
            removed.GetProperty("reasonCategory").GetString()!.Replace("_", "", StringComparison.Ordinal),
            ignoreCase: true);
        Assert.Equal(events + 1, await factory.DbAsync(db => db.BlacklistEvents.CountAsync()));
    }

    [Fact]
    public async Task Risk_warning_is_issued_and_a_county_bureau_warns_only_about_its_county()
    {
        object Warning(string number, string? region, string? product = "P010", string scope = "REGIONAL") =>
            new { input = new { idempotencyKey = WriteData.Key(), number, title = "电线电缆质量预警", summary = "近期抽查发现导体电阻不合格",
                issuedOn = "2026-11-26", scope, severity = "WARNING", productCode = product, regionCode = region } };

        var number = WriteData.Unique("嘉市监预");
        var issued = (await _city.PostAsync(Writes.IssueRiskWarning, Warning(number, "330481"))).EnsureData()
            .Data.GetProperty("issueRiskWarning");
        Assert.Equal("330481", issued.GetProperty("warning").GetProperty("region").GetProperty("code").GetString());
        Assert.Equal("P010", issued.GetProperty("product").GetProperty("code").GetString());
        Assert.Equal(["DUPLICATE input.number"],
            (await _city.PostAsync(Writes.IssueRiskWarning, Warning(number, "330481"))).FieldErrors());
        Assert.Equal(["INVALID_INPUT input.regionCode"],
            (await _city.PostAsync(Writes.IssueRiskWarning, Warning(WriteData.Unique("W"), null))).FieldErrors());

        var county = factory.ClientFor("samr-330481");
        Assert.Equal(["OUT_OF_JURISDICTION input.regionCode"],
            (await county.PostAsync(Writes.IssueRiskWarning, Warning(WriteData.Unique("W"), "330402"))).FieldErrors());
        Assert.Equal(["INVALID_INPUT input.regionCode"],
            (await county.PostAsync(Writes.IssueRiskWarning, Warning(WriteData.Unique("W"), null, scope: "SECTOR")))
                .FieldErrors());
        (await county.PostAsync(Writes.IssueRiskWarning, Warning(WriteData.Unique("W"), "330481", product: null)))
            .EnsureData();
    }
}
