namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Deterministic "recorded at" times: the fact's own date at a fixed hour, never the clock,
/// so that two runs with the same seed write byte-identical rows.
/// </summary>
internal static class Stamp
{
    public static DateTime At(DateOnly date, int hour) => date.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
}
