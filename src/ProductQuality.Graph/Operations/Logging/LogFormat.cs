namespace ProductQuality.Graph.Operations.Logging;

/// <summary>How the console log is written (<c>Logging:Format</c>).</summary>
public enum LogFormat
{
    /// <summary>One readable line per entry (ASP.NET Core's simple console format), for a terminal.</summary>
    Simple,

    /// <summary>One JSON object per line with UTC timestamps and the request's scope (its <c>RequestId</c>,
    /// <c>TraceId</c>, <c>SpanId</c>), for a log collector.</summary>
    Json,
}
