using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Operations.Logging;

/// <summary>
/// The console log's format. Every entry written while a request runs is inside ASP.NET Core's request scope, whose
/// <c>RequestId</c> is the request id (the same as the <c>X-Request-Id</c> header and <c>extensions.requestId</c>);
/// the JSON format writes the scopes, so each line carries it. The hosting layer opens that scope while its own
/// logger (<c>Microsoft.AspNetCore.Hosting.Diagnostics</c>) is enabled at any level: do not set it to <c>None</c>.
/// </summary>
internal static class LoggingRegistration
{
    public static void AddLogFormat(this IHostApplicationBuilder builder)
    {
        builder.AddCheckedOptions<LogFormatOptions>(LogFormatOptions.Section);
        LogLevelCheck.ThrowIfUnreadable(builder.Configuration);
        var format = builder.Configuration.GetSection(LogFormatOptions.Section).Get<LogFormatOptions>()?.Format;
        if (format == LogFormat.Json)
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
    }
}
