namespace ProductQuality.Graph.Audit;

/// <summary>
/// One enterprise whose data an access log entry's answer returned: the index behind "who read this code".
/// </summary>
public sealed class AccessLogCode
{
    public long EntrySeq { get; set; }

    public string CreditCode { get; set; } = "";
}
