namespace ProductQuality.Graph.Recording;

/// <summary>
/// A write's answer that failed after the write committed (the database went away between the commit and the
/// answer's read). Its error must not say "nothing could be written": the caller would record the fact again under a
/// new key. It names the write as recorded and how to receive its answer.
/// </summary>
internal sealed class AnswerAfterCommitException(string operation, string idempotencyKey, Exception inner)
    : Exception($"The write {operation} committed; its answer failed.", inner)
{
    public string Sentence =>
        RecordedWritesSentence.For([(operation, idempotencyKey)], ", but its answer could not be read");
}
