using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>GraphQL over WebSocket (configuration section <c>GraphQL:WebSockets</c>).</summary>
public sealed class GraphQLWebSocketOptions
{
    public const string Section = "GraphQL:WebSockets";

    /// <summary>How long a new connection may take to send <c>connection_init</c> before it is closed (4408).</summary>
    [Range(1, 300)]
    public int ConnectionInitTimeoutSeconds { get; set; } = 10;

    /// <summary>Largest message a client may send; a larger one closes the connection (1009).</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Most connections open at once from one client address; one more is refused with 429 before it is accepted.
    /// A partner behind one gateway address shares it: raise it for such a partner's many subscribers.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxConnectionsPerAddress { get; set; } = 100;

    /// <summary>Most operations running at once on one connection; more are refused one by one.</summary>
    [Range(1, 1000)]
    public int MaxOperationsPerConnection { get; set; } = 20;

    /// <summary>
    /// Interval of the WebSocket keep-alive pings that keep proxies from dropping a quiet connection.
    /// </summary>
    [Range(0, 3600)]
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>
    /// The longest a change subscription waits before reading the feed again without being woken (a commit here, or
    /// a PostgreSQL notification from another server, wakes it at once): the safety net for a lost notification.
    /// </summary>
    [Range(1, 3600)]
    public int ChangePollSeconds { get; set; } = 5;

    /// <summary>
    /// How many change subscriptions of this server read the feed at once, each on a database connection; the others
    /// wait their turn. A commit wakes every subscription: 1,200 reading at once took every PostgreSQL connection
    /// ("too many clients") and ended subscriptions that had nothing to read.
    /// </summary>
    [Range(1, 64)]
    public int ChangeReadsAtOnce { get; set; } = 4;

    /// <summary>
    /// The longest one message may wait for a client that has stopped reading (its buffers full); then the connection
    /// is aborted and its operations end, so a client that never reads holds no server memory or sender for long.
    /// </summary>
    [Range(1, 3600)]
    public int SendTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Characters of answers one connection may hold waiting behind a send its client does not read: one answer of
    /// any size may wait, more past this and the connection is aborted. A client reading nothing had every answer of
    /// its 20 operations held (10 MB each: 3 GB for five connections, and an out-of-memory crash under a heap limit).
    /// </summary>
    [Range(65_536, 1_073_741_824)]
    public int MaxUnsentCharacters { get; set; } = 16 * 1024 * 1024;
}
