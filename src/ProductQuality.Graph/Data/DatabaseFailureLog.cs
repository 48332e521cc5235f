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
        // The request's id where there is one (a batch of log entries has none of its own).
        var what = requestId is null ? failure : $"{failure} (request {requestId})";
        if (DatabaseOutage.Reason(exception) is not { } outage)
        {
            logger.LogError(exception, "{Failure}", what);
            return null;
        }

        if (!outageAlreadyLogged && DatabaseOutage.ShouldLog(site, out var leftOut))
        {
            logger.LogWarning("{Failure}: the database {Reason} ({Cause}); {LeftOut} more like this in the last "
                + "{Seconds} s", what, outage, DatabaseOutage.Cause(exception), leftOut,
                (int)DatabaseOutage.LogEvery.TotalSeconds);
        }

        return outage;
    }
}
