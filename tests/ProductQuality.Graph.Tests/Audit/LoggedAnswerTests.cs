using ProductQuality.Graph.Tests.Changes;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// What an answer delivered, as the log must record it, for the ways an auditor found the record and the answer
/// apart: a root error that nulls the whole answer, a receipt that states each code's standing, a write's payload,
/// change events of several kinds, and the operation a request ran without naming it.
/// </summary>
[Collection(WritableServerCollection.Name)]
public sealed class LoggedAnswerTests(WritableServerFactory factory)
{
    [Fact]
    public async Task An_answer_nulled_by_a_root_error_records_no_enterprise_and_no_group()
    {
        var purpose = AccessLogProbe.NewPurpose("nulled");
        var reply = await factory.ClientFor("samr-jiaxing").PostAsync(
            "{ enterprises(first: 2) { items { creditCode name } } changes(after: \"bogus\") { totalCount } }",
            purpose);

        Assert.Equal("INVALID_CURSOR", reply.FirstErrorCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reply.Json.GetProperty("data").ValueKind);
        var entry = await factory.EntryAsync(purpose);
        Assert.Empty(entry.Codes);
        Assert.Equal("", entry.FieldGroups);
    }

    [Fact]
    public async Task A_receipt_alone_records_the_codes_whose_standing_it_states()
    {
        var (listed, _, _) = await factory.EnterpriseAsync(3, blacklisted: true);
        var (unlisted, _, _) = await factory.EnterpriseAsync(4);
        var purpose = AccessLogProbe.NewPurpose("receipt");

        (await factory.ClientFor("project-approval").PostAsync(
            "query($c: [String!]!) { blacklistCheck(creditCodes: $c) { receipt } }", purpose,
            new { c = new[] { listed, unlisted, "91330000000000000X", "not a code" } })).EnsureData();

        var entry = await factory.EntryAsync(purpose);
        Assert.Equal(new[] { listed, unlisted }.Order(StringComparer.Ordinal),
            AccessLogProbe.CodesOf(entry).Order(StringComparer.Ordinal));
        Assert.Equal("BlacklistStatus", entry.FieldGroups);
    }

    [Fact]
    public async Task A_write_records_the_enterprise_its_payload_returns_and_not_when_it_returns_only_replayed()
    {
        var (code, _, _) = await FeedWrites.EnterpriseAsync(factory, 150);
        var city = factory.ClientFor("samr-jiaxing");
        var status = "mutation($input: RecordManagementStatusInput!) { recordManagementStatus(input: $input) { "
            + "replayed record { traceability qualitySystem } } }";
        var bare = "mutation($input: RecordManagementStatusInput!) { recordManagementStatus(input: $input) { "
            + "replayed } }";
        object Input() => new { input = new { idempotencyKey = WriteData.Key(), creditCode = code,
            traceability = "FULL", qualitySystem = "CERTIFIED", effectiveFrom = "2026-11-20", note = "test" } };

        var withRecord = AccessLogProbe.NewPurpose("payload");
        (await city.PostAsync(status, withRecord, Input())).EnsureData();
        var replayedOnly = AccessLogProbe.NewPurpose("replayed");
        (await city.PostAsync(bare, replayedOnly, Input())).EnsureData();

        Assert.Equal([code], AccessLogProbe.CodesOf(await factory.EntryAsync(withRecord)));
        Assert.Empty((await factory.EntryAsync(replayedOnly)).Codes);
    }

    [Fact]
    public async Task Change_events_record_the_groups_of_their_kinds_not_the_first_kind_of_the_contract()
    {
        var (code, _, _) = await FeedWrites.EnterpriseAsync(factory, 151);
        await factory.ListAsync("samr-jiaxing", code);
        var purpose = AccessLogProbe.NewPurpose("feed");

        var events = (await factory.ClientFor("samr-jiaxing").PostAsync(
                "{ changes(first: 500, kinds: [BLACKLIST]) { items { kind creditCode newValue } } }", purpose))
            .EnsureData().Data.GetProperty("changes").GetProperty("items");

        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("creditCode").GetString() == code);
        Assert.Equal("Identity,BlacklistStatus", (await factory.EntryAsync(purpose)).FieldGroups);
    }

    /// <summary>
    /// A HEAD sends no body, but its headers are the GET's, computed from the data: its length told a blacklisted
    /// enterprise from one that is not, by one byte, while the log recorded no enterprise (the access probe). So a HEAD
    /// is logged as its GET: the enterprises whose data made its answer, and the field groups read.
    /// </summary>
    [Fact]
    public async Task A_HEAD_is_logged_as_its_GET_and_a_PUT_is_a_logged_refusal()
    {
        var client = factory.ClientFor("finance");
        var query = "/graphql?query="
            + Uri.EscapeDataString("{ enterprises(first: 2) { items { creditCode blacklisted } } }");
        var get = AccessLogProbe.NewPurpose("get");
        using var getRequest = new HttpRequestMessage(HttpMethod.Get, query);
        getRequest.Headers.Add(Graph.Audit.PurposeHeader.Name, get);
        using var getAnswer = await client.SendAsync(getRequest);
        var head = AccessLogProbe.NewPurpose("head");
        using var headRequest = new HttpRequestMessage(HttpMethod.Head, query);
        headRequest.Headers.Add(Graph.Audit.PurposeHeader.Name, head);
        using (var answer = await client.SendAsync(headRequest))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(getAnswer.Content.Headers.ContentLength, answer.Content.Headers.ContentLength);
        }

        var put = AccessLogProbe.NewPurpose("put");
        using var putRequest = new HttpRequestMessage(HttpMethod.Put, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ __typename }\"}", System.Text.Encoding.UTF8,
                "application/json"),
        };
        putRequest.Headers.Add(Graph.Audit.PurposeHeader.Name, put);
        using (var answer = await client.SendAsync(putRequest))
        {
            Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, answer.StatusCode);
        }

        var (getEntry, headEntry) = (await factory.EntryAsync(get), await factory.EntryAsync(head));
        Assert.Equal((Graph.Audit.AccessOutcome.Ok, 2), (headEntry.Outcome, headEntry.Codes.Count));
        Assert.Equal(AccessLogProbe.CodesOf(getEntry), AccessLogProbe.CodesOf(headEntry));
        Assert.Equal("Identity,BlacklistStatus", headEntry.FieldGroups);
        var putEntry = await factory.EntryAsync(put);
        Assert.Equal((405, "METHOD_NOT_ALLOWED"), (putEntry.Status, putEntry.ErrorCode));
    }

    /// <summary>
    /// Rows chosen or ordered by a group's value tell that value of each row returned, though only names were
    /// selected: the access probe found <c>filter: {class: C}</c> logged as Identity alone, so the enterprise's
    /// tracker did not say the department had learnt its class. A condition, an order or a product argument given
    /// counts; one not given (or the default order) does not.
    /// </summary>
    [Theory]
    [InlineData("tax", "enterprises(first: 3, filter: {class: C})", "Identity,Class")]
    [InlineData("tax", "enterprises(first: 3, filter: {healthCode: RED})", "Identity,Health")]
    [InlineData("tax", "enterprises(first: 3, orderBy: QUALITY_INDEX_LOW_FIRST)", "Identity,Health")]
    [InlineData("tax", "enterprises(first: 3, orderBy: CLASS_BEST_FIRST)", "Identity,Class")]
    [InlineData("tax", "enterprises(first: 3, orderBy: NAME_ASC)", "Identity")]
    [InlineData("project-approval", "enterprises(first: 3, filter: {blacklisted: true})", "Identity,BlacklistStatus")]
    [InlineData("drc", "enterprises(first: 3, filter: {mapColour: RED, productTier: HIGH})", "Identity,ProductTiers")]
    [InlineData("drc", "enterprises(first: 3, filter: {assured: true, countyCode: \"330402\"})", "Identity,Assured")]
    [InlineData("finance", "assuredUnits(first: 3, orderBy: CLASS_WORST_FIRST)", "Identity,Class,Assured")]
    public async Task Rows_chosen_or_ordered_by_a_group_record_that_group(string department, string field,
        string groups)
    {
        var purpose = AccessLogProbe.NewPurpose("chosen");
        var reply = await factory.ClientFor(department).PostAsync(
            "{ " + field + " { items { creditCode name } } }", purpose);

        reply.EnsureData();
        Assert.Equal(groups, (await factory.EntryAsync(purpose)).FieldGroups);
    }

    [Fact]
    public async Task Products_chosen_by_tier_record_the_tier_group()
    {
        var purpose = AccessLogProbe.NewPurpose("tiered");
        (await factory.ClientFor("finance").PostAsync("{ products(tier: HIGH) { code name } }", purpose)).EnsureData();
        Assert.Equal("Identity,ProductTiers", (await factory.EntryAsync(purpose)).FieldGroups);
    }

    [Fact]
    public async Task The_operation_run_is_recorded_by_its_name_when_the_request_does_not_send_one()
    {
        var purpose = AccessLogProbe.NewPurpose("named");
        (await factory.ClientFor("finance").PostAsync("query Named { __typename }", purpose)).EnsureData();
        Assert.Equal("Named", (await factory.EntryAsync(purpose)).OperationName);
    }
}
