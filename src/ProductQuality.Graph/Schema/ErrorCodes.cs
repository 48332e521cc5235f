namespace ProductQuality.Graph.Schema;

/// <summary>Stable codes in <c>errors[].extensions.code</c>; partners branch on these, never on message text.</summary>
public static class ErrorCodes
{
    public const string InvalidCreditCode = "INVALID_CREDIT_CODE";
    public const string PageTooLarge = "PAGE_TOO_LARGE";
    public const string InvalidCursor = "INVALID_CURSOR";
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>A write's input field is wrong; <c>extensions.field</c> names it.</summary>
    public const string InvalidInput = "INVALID_INPUT";

    /// <summary>
    /// No enterprise with that code in the writer's jurisdiction (outside it reads the same as unknown).
    /// </summary>
    public const string EnterpriseNotFound = "ENTERPRISE_NOT_FOUND";

    /// <summary>A report, decision or bulletin number that is already recorded.</summary>
    public const string Duplicate = "DUPLICATE";

    /// <summary>
    /// An override sent with a stale <c>expectedRevision</c>; <c>extensions.currentRevision</c> has the current one.
    /// </summary>
    public const string Conflict = "CONFLICT";

    /// <summary>The write is the city's to make (e.g. product tiers), not a county bureau's.</summary>
    public const string OutOfJurisdiction = "OUT_OF_JURISDICTION";

    /// <summary>An idempotency key already used for a different input or operation.</summary>
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";

    /// <summary>A LIST of an enterprise already on the blacklist.</summary>
    public const string AlreadyListed = "ALREADY_LISTED";

    /// <summary>A REMOVE of an enterprise not on the blacklist.</summary>
    public const string NotListed = "NOT_LISTED";

    /// <summary>
    /// The database could not answer (out of connections, unreachable, restarting, locked): retry after
    /// <c>extensions.retryAfterSeconds</c>; not a fault of the request.
    /// </summary>
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";

    /// <summary>
    /// The server's database holds no data set yet (migrated, not seeded): there is nothing to answer from; the
    /// bureau's operator seeds it. Not a fault of the request, and not one a retry soon mends.
    /// </summary>
    public const string NoDataSet = "NO_DATA_SET";

    /// <summary>
    /// The server's database lacks a table or column it uses (a migration not applied): answered 503. Not a fault of
    /// the request, and not one a retry mends until the bureau's operator migrates the database.
    /// </summary>
    public const string DatabaseNotMigrated = "DATABASE_NOT_MIGRATED";

    /// <summary>A server fault: logged once under <c>extensions.requestId</c>; never a caller's mistake.</summary>
    public const string InternalError = "INTERNAL_ERROR";
}
