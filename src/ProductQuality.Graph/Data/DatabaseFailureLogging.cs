using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProductQuality.Graph.Data;

/// <summary>
/// EF Core logs a failed connection, command, query or save at Error level with the exception's stack trace, then
/// throws it to the caller, which logs it again: a resolver through the execution fault handler (under the request id,
/// as a warning line when the database is out), the access log, the daily jobs, the verbs. A PostgreSQL out of
/// connections so wrote three stack traces for every request. The caller's line is the one that knows the request and
/// whether it is an outage or a fault, so EF's lines go to Debug (raise <c>Microsoft.EntityFrameworkCore</c> to Debug
/// to see them, with the failing command's text).
/// </summary>
internal static class DatabaseFailureLogging
{
    public static DbContextOptionsBuilder LeaveFailuresToCallers(this DbContextOptionsBuilder builder) =>
        builder.ConfigureWarnings(w => w.Log(
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
}
