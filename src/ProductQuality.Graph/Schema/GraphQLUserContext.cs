using ProductQuality.Graph.Access;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure.Loading;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// The per-request context resolvers see: above all, the audience whose row scope every query applies.
/// </summary>
public sealed class GraphQLUserContext(Audience audience) : Dictionary<string, object?>
{
    public Audience Audience { get; } = audience;

    /// <summary>The HTTP request's id: an internal error names it so an operator can find the one log entry.</summary>
    public string? RequestId { get; init; }

    /// <summary>The request's access log trace, told by resolvers what they returned; null when the log is off.
    /// </summary>
    public Audit.AccessTrace? AccessTrace { get; init; }

    /// <summary>
    /// A subscription's events on their way to its client (null over HTTP, which has no subscriptions): a stream
    /// waits for room in it before handing on another event.
    /// </summary>
    public Infrastructure.WebSockets.EventBacklog? EventBacklog { get; init; }

    // The request scope's DbContext and loaders, kept here once resolved: a page of 100 enterprises asks for them
    // in every field resolver, and a resolution from the request scope takes the scope's lock (a profile showed it).
    private ProductQualityDbContext? _db;

    /// <summary>
    /// Whether the request's DbContext keeps one connection open for all its statements
    /// (<see cref="ProductQualityDbContext.HoldConnection"/>); <see cref="ExecuteAsync"/> releases it after the
    /// execution.
    /// </summary>
    internal bool HoldsDbConnection { get; init; }

    internal ProductQualityDbContext Db(GraphQL.IResolveFieldContext context)
    {
        if (_db is null)
        {
            _db = context.Service<ProductQualityDbContext>();
            if (HoldsDbConnection)
            {
                _db.HoldConnection();
            }
        }

        return _db;
    }

    /// <summary>
    /// Runs the operation with this as its user context, then closes the connection its DbContext held open
    /// (<see cref="HoldsDbConnection"/>), however the execution ended.
    /// </summary>
    internal async Task<GraphQL.ExecutionResult> ExecuteAsync(GraphQL.IDocumentExecuter executer,
        GraphQL.ExecutionOptions options)
    {
        options.UserContext = this;
        try
        {
            return await executer.ExecuteAsync(options);
        }
        finally
        {
            if (_db is not null)
            {
                await _db.ReleaseConnectionAsync();
            }
        }
    }

    internal RequestLoaders? Loaders { get; set; }

    /// <summary>
    /// The sentence a DATABASE_NOT_MIGRATED error of this request said (missing, or a newer release's schema): the
    /// whole answer's 503 repeats it, and only the execution's fault handler knew which.
    /// </summary>
    internal string? NotMigratedSentence { get; set; }

    private int _outageLogged;

    /// <summary>
    /// True the first time it is asked in this request: a database outage fails every field of a page, and one
    /// warning says it (fields may fail in parallel, hence the exchange).
    /// </summary>
    internal bool FirstOutageReport() => Interlocked.Exchange(ref _outageLogged, 1) == 0;
}
