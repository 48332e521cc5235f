using System.Net;
using GraphQL.Types;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Schema;

/// <summary>
/// A variable its type cannot take is refused saying what to send, not the library's "Unable to convert '50000' to
/// 'Decimal'" (an amount sent as text, the access probe) or "… 'penalty' to 'EnforcementKind'". Every kind of input
/// a partner sends: each built-in scalar, our Date and Decimal, and an enum of each of our three enum bases.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class InputValueMessageTests(GraphServerFactory factory)
{
    private const string Page = "query($first: Int, $filter: EnterpriseFilter, $order: EnterpriseOrder) { "
        + "enterprises(first: $first, filter: $filter, orderBy: $order) { totalCount } }";

    public static TheoryData<string, string, string> Cases => new()
    {
        { "first", "\"5\"",
            "Variable '$first' is invalid. '5' is not an Int: send a whole JSON number without quotes" },
        { "first", "2.5", "is not an Int: send a whole JSON number" },
        { "filter", """{"blacklisted":"yes"}""", "'yes' is not a Boolean: send true or false, without quotes." },
        { "filter", """{"countyCode":330402}""", "'330402' is not a String: send it as a JSON string, in quotes." },
        { "filter", """{"class":"aa"}""",
            "Variable '$filter.class' is invalid. The text \"aa\" is not a value of EnterpriseClass: send one of "
            + "AA, A, B, C, as a JSON string spelt exactly so." },
        { "filter", """{"healthCode":2}""",
            "The number 2 is not a value of FourColor: send one of RED, YELLOW, BLUE, GREEN," },
        { "order", "\"name\"", "is not a value of EnterpriseOrder: send one of NAME_ASC, CLASS_BEST_FIRST," },
        { "kinds", "[\"class\"]", "Variable '$kinds[0]' is invalid. The text \"class\" is not a value of ChangeKind" },
        { "asOf", "20261125",
            "The number 20261125 is not a date: send it as a JSON string yyyy-MM-dd, e.g. \"2026-11-25\"." },
        { "fine", "\"50000\"", "The text \"50000\" is not a number: send the amount as a JSON number without quotes" },
        { "fine", "true", "Variable '$fine' is invalid. true is not a number: send the amount as a JSON number" },
        // Objects, lists and numbers beyond a decimal said the library's "Unable to convert '(object)'" (re-probe).
        { "fine", """{"amount":5}""", "An object is not a number: send the amount as a JSON number" },
        { "fine", "[1]", "A list is not a number: send the amount as a JSON number" },
        { "fine", "1e29", "is beyond what a decimal holds (at most 28 digits, about ±7.9e28)" },
        { "fine", "1e400", "A number too large for any type is beyond what a decimal holds" },
        { "first", "1e2", "is not an Int: send a whole JSON number without quotes, fraction or exponent" },
        // The library's sentences for a null, a missing value and a list where an object belongs (re-probe).
        { "kinds", "[null]", "Variable '$kinds[0]' is invalid. It is null, and a value is required: send one." },
        { "filter", "[1]", "EnterpriseFilter takes a JSON object of its fields, such as {\"name\": value}" },
        { "decision", "{}", "is invalid. It is missing, and a value is required: send it." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_value_its_type_cannot_take_says_what_to_send(string variable, string json, string said)
    {
        var (query, name) = variable switch
        {
            "kinds" => ("query($kinds: [ChangeKind!]) { changes(kinds: $kinds) { totalCount } }", "kinds"),
            "asOf" => ("query($asOf: Date) { blacklistCheck(asOf: $asOf, creditCodes: []) { receipt } }", "asOf"),
            "decision" => ("mutation($decision: RecordEnforcementDecisionInput!) { "
                + "recordEnforcementDecision(input: $decision) { replayed } }", "decision"),
            "fine" => ("mutation($fine: Decimal!) { recordEnforcementDecision(input: { idempotencyKey: \"k\", "
                + "creditCode: \"91330000000000000X\", kind: PENALTY, decisionNumber: \"n\", decidedOn: \"2026-11-25\","
                + " fineYuan: $fine, summary: \"s\" }) { decision { fineYuan } } }", "fine"),
            _ => (Page, variable),
        };
        var body = System.Text.Json.JsonSerializer.Serialize(new { query }).TrimEnd('}')
            + $",\"variables\":{{\"{name}\":{json}}}}}";

        var reply = await factory.ClientFor("samr-jiaxing").SendRawAsync(HttpMethod.Post, "/graphql", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_VALUE", reply.FirstErrorCode);
        Assert.Contains(said, reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Unable to convert", reply.Body, StringComparison.Ordinal);
    }

    /// <summary>The same wrong kinds written into the document say what to write (the re-probe).</summary>
    [Theory]
    [InlineData("fineYuan: \"50000\"", "\"50000\" is text, not a number: write the amount without quotes")]
    [InlineData("fineYuan: 1e-30", "Expected type 'Decimal', found 1e-30.")]
    [InlineData("decidedOn: 20261125", "20261125 is not a date: write it in quotes as yyyy-MM-dd")]
    public async Task A_literal_of_the_wrong_kind_says_what_to_write(string field, string said)
    {
        var input = "idempotencyKey: \"k\", creditCode: \"91330000000000000X\", kind: PENALTY, decisionNumber: \"n\", "
            + "decidedOn: \"2026-11-25\", fineYuan: 5, summary: \"s\"";
        var name = field[..field.IndexOf(':', StringComparison.Ordinal)];
        input = System.Text.RegularExpressions.Regex.Replace(input, name + @": [^,]+", field);
        var reply = await factory.ClientFor("samr-jiaxing").PostAsync(
            "mutation { recordEnforcementDecision(input: { " + input + " }) { replayed } }");

        Assert.Contains(said, reply.FirstErrorMessage, StringComparison.Ordinal);
        CleanAnswer.Assert(reply, field);
    }

    /// <summary>Every enum type of the server refuses a wrong value with its names (a new base would not).</summary>
    [Fact]
    public void Every_enum_type_says_its_values_when_refusing_one()
    {
        var enums = typeof(Graph.Schema.DomainException).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(EnumerationGraphType)) && !t.IsAbstract && !t.ContainsGenericParameters)
            .ToList();
        Assert.True(enums.Count > 10, $"{enums.Count} enum types");
        Assert.All(enums, type => Assert.StartsWith("ProductQuality.",
            type.GetMethod(nameof(EnumerationGraphType.ParseValue), [typeof(object)])!.DeclaringType!.Namespace,
            StringComparison.Ordinal));
    }
}
