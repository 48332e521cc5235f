using System.Globalization;

namespace ProductQuality.Graph.Audit.Retention;

/// <summary>What one archive run did: the entries it moved to files (positions <see cref="FirstSeq"/> to
/// <see cref="LastSeq"/>, none when <see cref="Entries"/> is 0), in how many files and bytes, and how many entries an
/// interrupted earlier run had archived but not yet removed (<see cref="Recovered"/>).</summary>
public sealed record ArchiveRunSummary(DateTime CutoffUtc, long Entries, int Files, long Bytes, long? FirstSeq,
    long? LastSeq, long Recovered, TimeSpan Elapsed)
{
    public override string ToString()
    {
        var range = Entries > 0 ? string.Create(CultureInfo.InvariantCulture, $" (entries {FirstSeq} to {LastSeq})")
            : "";
        var recovered = Recovered > 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"; removed {Recovered:N0} entries an interrupted run had archived already.")
            : ".";
        return string.Create(CultureInfo.InvariantCulture,
            $"Archived {Entries:N0} access log entries recorded before {AccessChain.Timestamp(CutoffUtc)}{range} to "
            + $"{Files:N0} files ({Bytes:N0} bytes) in {Elapsed.TotalSeconds:N1} s{recovered}");
    }
}

/// <summary>One batch written: its file, its positions, and how far the run is.</summary>
public sealed record ArchiveProgress(string File, long FirstSeq, long LastSeq, long Done, long Total);
