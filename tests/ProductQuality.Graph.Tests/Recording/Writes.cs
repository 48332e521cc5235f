using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>The mutation documents the tests send, as a partner's client would write them.</summary>
public static class Writes
{
    public const string RecordSampling = """
        mutation($input: RecordSamplingInput!) { recordSampling(input: $input) {
          replayed
          inspection { reportNumber sampledOn passed batch lab level failedItems { name safetyItem } product { code } }
          enterprise { creditCode class healthCode inspections(limit: 50) { reportNumber } }
          product { code tier } } }
        """;

    public const string RecordEnforcementDecision = """
        mutation($input: RecordEnforcementDecisionInput!) { recordEnforcementDecision(input: $input) {
          replayed decision { kind decisionNumber decidedOn fineYuan summary recordedBy } enterprise { creditCode } } }
        """;

    public const string RecordManagementStatus = """
        mutation($input: RecordManagementStatusInput!) { recordManagementStatus(input: $input) {
          replayed record { traceability qualitySystem effectiveFrom note recordedBy } enterprise { creditCode } } }
        """;

    public const string RecordValidComplaint = """
        mutation($input: RecordValidComplaintInput!) { recordValidComplaint(input: $input) {
          replayed complaint { foundValidOn summary product { code } } enterprise { creditCode } product { code } } }
        """;

    public const string RecordBlacklistDecision = """
        mutation($input: RecordBlacklistDecisionInput!) { recordBlacklistDecision(input: $input) {
          replayed event { kind occurredOn reasonCategory reason decisionNumber }
          enterprise { creditCode blacklistHistory { decisionNumber } } } }
        """;

    public const string IssueRiskWarning = """
        mutation($input: IssueRiskWarningInput!) { issueRiskWarning(input: $input) {
          replayed warning { number title issuedOn scope severity product { code } region { code } }
          product { code } } }
        """;

    public const string OverrideEnterpriseClass = """
        mutation($input: OverrideEnterpriseClassInput!) { overrideEnterpriseClass(input: $input) {
          replayed override { class reason effectiveFrom expiresOn }
          enterprise { creditCode overrideRevision classOverride { class reason expiresOn } } } }
        """;

    public const string OverrideProductTier = """
        mutation($input: OverrideProductTierInput!) { overrideProductTier(input: $input) {
          replayed override { tier reason effectiveFrom expiresOn }
          product { code overrideRevision tierOverride { tier reason } } } }
        """;

    public static object Sampling(string creditCode, string productCode, bool passed = true, string? key = null,
        string? report = null, object[]? failedItems = null, string sampledOn = "2026-11-20") => new
    {
        input = new
        {
            idempotencyKey = key ?? WriteData.Key(), creditCode, productCode, batch = "2026-10-01/B7",
            specModel = "BV 2.5mm²", level = "CITY",
            lab = "浙江省嘉兴市质量检验所", reportNumber = report ?? WriteData.Unique("JX-R"), sampledOn, passed,
            failedItems = failedItems ?? (passed ? null : new object[] { new { name = "导体电阻", safetyItem = true } }),
        },
    };

    /// <summary>The <c>extensions.field</c> of each error, with its code, e.g. "INVALID_INPUT input.batch".</summary>
    public static List<string> FieldErrors(this GraphQLReply reply) =>
        [.. reply.Json.GetProperty("errors").EnumerateArray().Select(e =>
            e.GetProperty("extensions").GetProperty("code").GetString() + " " +
            (e.GetProperty("extensions").TryGetProperty("field", out var f) ? f.GetString() : "-"))];
}
