namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// A server of its own, over its own temp database, for tests that write: the shared read server and its snapshots
/// must never see data a write test recorded.
/// </summary>
public sealed class WritableServerFactory : GraphServerFactory;
