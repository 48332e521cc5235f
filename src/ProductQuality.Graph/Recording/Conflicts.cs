using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Recording;

/// <summary>The answer to an override sent with a stale revision: the current one, and what to do.</summary>
public static class Conflicts
{
    public static DomainException StaleRevision(string what, int expected, int current) =>
        new(ErrorCodes.Conflict,
            $"The {what} was overridden meanwhile: you sent expectedRevision {expected} but it is now at revision "
            + $"{current}. Re-read it (overrideRevision and the active override), decide again, and retry with "
            + $"expectedRevision {current}.",
            new Dictionary<string, object?> { ["field"] = "input.expectedRevision", ["currentRevision"] = current });
}
