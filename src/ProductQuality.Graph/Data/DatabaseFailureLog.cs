namespace ProductQuality.Graph.Data;

/// <summary>
/// The one way a failure that may be the database's is logged: an outage (<see cref="DatabaseOutage"/>) as a
/// warning line without a stack trace, at most one every <see cref="DatabaseOutage.LogEvery"/> from each place with a
/// count of those left out (an outage is nobody's bug and repeats for every request while it lasts); anything else as
/// an error with its stack trace, every time (a fault to fix).
/// </summary>
internal static class DatabaseFailureLog
{
    /// <summary>
    /// Logs <paramref name="exception"/> for <paramref name="failure"/> (what could not be done, e.g. "Request
    /// refused: its access log entry could not be stored") and returns the outage's reason, or null when it is a fault.
    /// <paramref name="site"/> names the place whose outage lines are counted together. An outage is not logged at all
    /// when <paramref name="outageAlreadyLogged"/> (a request whose earlier field said it already).
    /// </summary>
    public static string? LogDatabaseFailure(
        this ILogger logger, Exception exception, string site, string failure, string? requestId,
        bool outageAlreadyLogged = false)
    {
        // The request's id as a field of its own where there is one (a batch of log entries has none of its own).
        if (DatabaseOutage.Reason(exception) is not { } outage)
        {
            if (requestId is null)
            {
                logger.LogError(exception, "{Failure}", failure);
            }
            else
            {
                logger.LogError(exception, "{Failure} (request {RequestId})", failure, requestId);
            }

            return null;
        }

        if (!outageAlreadyLogged && DatabaseOutage.ShouldLog(site, out var leftOut))
        {
            const string Said = "the database {Reason} ({Cause}); {LeftOut} more like this in the last {Seconds} s";
            var (cause, seconds) = (DatabaseOutage.Cause(exception), (int)DatabaseOutage.LogEvery.TotalSeconds);
            if (requestId is null)
            {
                logger.LogWarning("{Failure}: " + Said, failure, outage, cause, leftOut, seconds);
            }
            else
            {
                logger.LogWarning("{Failure} (request {RequestId}): " + Said, failure, requestId, outage, cause,
                    leftOut, seconds);
            }
        }

        return outage;
    }

    /// <summary>
    /// A request's failure (the endpoint's last resort, the executer's hook), logged as its kind asks: an outage as
    /// <see cref="LogDatabaseFailure"/> does, a database whose tables do not fit this server
    /// (<see cref="SchemaNotMigrated"/>) as <see cref="LogNotMigrated"/> does, anything else as a fault. Returns the
    /// outage's reason or the not-migrated sentence, at most one, for the answer. The request's count of outage
    /// reports (<paramref name="outageAlreadyLogged"/>) is asked only of an outage.
    /// </summary>
    public static async Task<(string? Outage, string? NotMigrated)> LogRequestFailureAsync(
        this ILogger? logger, Exception exception, string site, string failure, string? requestId,
        IServiceProvider? services, CancellationToken ct, Func<bool>? outageAlreadyLogged = null)
    {
        if (DatabaseOutage.Reason(exception) is { } outage)
        {
            logger?.LogDatabaseFailure(exception, site, failure, requestId, outageAlreadyLogged?.Invoke() == true);
            return (outage, null);
        }

        if (await SchemaNotMigrated.SentenceAsync(exception, services, ct) is { } sentence)
        {
            logger?.LogNotMigrated(site, failure, requestId, sentence);
            return (null, sentence);
        }

        logger?.LogDatabaseFailure(exception, site, failure, requestId);
        return (null, null);
    }

    /// <summary>
    /// A database whose tables do not fit this server (<see cref="SchemaNotMigrated"/>): the database's state, which
    /// the operator mends, not a fault in the code — logged as a warning line saying what to do, without the driver's
    /// stack trace, and like an outage at most one every <see cref="DatabaseOutage.LogEvery"/> from each place: every
    /// request meets it until then.
    /// </summary>
    private static void LogNotMigrated(this ILogger logger, string site, string failure, string? requestId,
        string sentence)
    {
        if (DatabaseOutage.ShouldLog(site + " (not migrated)", out var leftOut))
        {
            logger.LogWarning("{Failure} (request {RequestId}): {Sentence} ({LeftOut} more like this in the last "
                + "{Seconds} s)", failure, requestId ?? "none", sentence, leftOut,
                (int)DatabaseOutage.LogEvery.TotalSeconds);
        }
    }
}
