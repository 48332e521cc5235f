namespace ProductQuality.Graph.Operations.Logging;

/// <summary>The one setting of ours in the <c>Logging</c> section; the rest is ASP.NET Core's.</summary>
public sealed class LogFormatOptions
{
    public const string Section = "Logging";

    public LogFormat Format { get; set; } = LogFormat.Simple;
}
