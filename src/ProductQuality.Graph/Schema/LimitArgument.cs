namespace ProductQuality.Graph.Schema;

/// <summary>
/// A list field's <c>limit</c> argument (<c>inspections</c>, <c>tierHistory</c>), checked: one outside 0 to the
/// field's maximum is refused, not quietly clamped — a partner asking for 1,000 must not take 200 for all there are.
/// The cost check refuses it before anything runs; this guards any other way in.
/// </summary>
public static class LimitArgument
{
    /// <summary>The limit, or INVALID_ARGUMENT below 0 and PAGE_TOO_LARGE above <paramref name="most"/>.</summary>
    /// <param name="beyond">Said after a limit above the maximum, e.g. ": one field gives at most …".</param>
    public static int Checked(int limit, int most, string beyond = "") => limit switch
    {
        < 0 => throw Refusal(ErrorCodes.InvalidArgument, $"'limit' must be between 0 and {most}; it was {limit}."),
        _ when limit > most => throw Refusal(ErrorCodes.PageTooLarge,
            $"'limit' must be between 0 and {most}; it was {limit}{beyond}."),
        _ => limit,
    };

    private static DomainException Refusal(string code, string message) =>
        new(code, message, new Dictionary<string, object?> { ["argument"] = "limit" });
}
