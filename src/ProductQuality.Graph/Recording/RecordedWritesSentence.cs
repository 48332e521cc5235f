using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// What an error after a write committed tells its caller: that the write is recorded, and to send it again with the
/// same idempotency key to receive its answer. Without it a caller told "nothing could be written" or "no answer"
/// records the fact again under a new key. One wording for every such error: an access-log refusal, a database gone
/// between commit and answer, an internal error after the commit.
/// </summary>
internal static class RecordedWritesSentence
{
    /// <summary>
    /// Writes named in the sentence itself; more (a document may hold 90 writes, whose keys ran past the message's
    /// length) only in <c>extensions.recordedWrites</c>.
    /// </summary>
    public const int MaxNamed = 3;

    /// <summary>
    /// The sentence for <paramref name="writes"/> (empty when there are none), e.g. "Your write recordSampling
    /// (idempotencyKey "k-1") was recorded before this happened: send it again …". <paramref name="when"/> says how it
    /// stands to the failure: "before this happened", or ", but its answer could not be read".
    /// </summary>
    public static string For(IReadOnlyList<(string Operation, string IdempotencyKey)> writes, string when)
    {
        if (writes.Count == 0)
        {
            return "";
        }

        if (writes.Count > MaxNamed)
        {
            return $"Your {writes.Count} writes listed in extensions.recordedWrites (each with its idempotencyKey) "
                + $"were recorded{Spaced(when)}: send them again with the same idempotencyKeys to receive their "
                + "answers; none is recorded twice.";
        }

        // Quoted as JSON strings: a key may hold quotes and backslashes.
        var named = string.Join(", ", writes.Select(w =>
            $"{w.Operation} (idempotencyKey {Quoted.AsJson(w.IdempotencyKey)})"));
        return writes.Count == 1
            ? $"Your write {named} was recorded{Spaced(when)}: send it again with the same idempotencyKey to receive "
                + "its answer; it is not recorded twice."
            : $"Your writes {named} were recorded{Spaced(when)}: send them again with the same idempotencyKeys to "
                + "receive their answers; none is recorded twice.";
    }

    // "before this happened" follows a space; ", but …" follows the word.
    private static string Spaced(string when) => when.StartsWith(',') ? when : " " + when;
}
