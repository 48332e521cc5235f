using System.Globalization;
using ProductQuality.Graph.Assessment;

namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// A long verb's progress on standard error, so standard output stays its result (recompute's summary, the report):
/// "  STAGE: done/total (percent%)", every 10% of a stage and at its end.
/// </summary>
internal sealed class ConsoleProgress : IProgress<RecomputeProgress>
{
    private int lastTenth = -1;

    // Reports on the calling thread (Progress<T> would post to the thread pool and jumble the lines).
    public void Report(RecomputeProgress value)
    {
        var percent = value.Total == 0 ? 100 : (int)(100L * value.Done / value.Total);
        if (percent / 10 == lastTenth && value.Done != value.Total)
        {
            return;
        }

        lastTenth = percent / 10;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {value.Stage}: {value.Done:N0}/{value.Total:N0} ({percent}%)"));
    }
}
