namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// One warning line when a failure starts and then at most one every <see cref="Every"/> while it lasts, each saying
/// how many were left out since. A failure that repeats for every request (a database, identity provider or
/// collector that is down) is nobody's bug: a line per request buried the operator's log (a 30 s outage at a few
/// requests a second wrote a thousand lines), and none at all left them guessing.
/// </summary>
/// <param name="every">The least time between two warnings.</param>
/// <param name="clock">The server's clock (tests move a fake one).</param>
internal sealed class WarningThrottle(TimeSpan every, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private long _lastWarning;
    private long _leftOut;

    /// <summary>The least time between two warnings.</summary>
    public TimeSpan Every => every;

    /// <summary>
    /// Whether a warning may be written now; when it may, <paramref name="leftOut"/> is how many were held back since
    /// the last one (else zero, and this one is counted as held back).
    /// </summary>
    public bool ShouldWarn(out long leftOut)
    {
        var now = _clock.GetTimestamp();
        lock (_gate)
        {
            if (_lastWarning != 0 && _clock.GetElapsedTime(_lastWarning, now) < every)
            {
                _leftOut++;
                leftOut = 0;
                return false;
            }

            (leftOut, _leftOut, _lastWarning) = (_leftOut, 0, now);
            return true;
        }
    }

    /// <summary>The failure is over: the next one is warned about at once.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            (_lastWarning, _leftOut) = (0, 0);
        }
    }

    /// <summary>
    /// The first line of a failure's text, cut to <paramref name="max"/> characters: libraries put stack traces and
    /// whole answers (a 500 KB HTML page) into their messages.
    /// </summary>
    public static string FirstLine(string text, int max = 300)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length > max ? line[..max] + "…" : line;
    }
}
