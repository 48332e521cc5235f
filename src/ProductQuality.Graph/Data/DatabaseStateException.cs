namespace ProductQuality.Graph.Data;

/// <summary>
/// The database is in no state to run against — a server is using the file a seed would delete, a seed is writing
/// it, or a seed stopped half-way — and the message says what to do. No setting is wrong, so it is reported alone,
/// without the paragraph on where settings come from; exit code 3.
/// </summary>
public sealed class DatabaseStateException(string message) : InvalidOperationException(message);
