using System.Collections.Concurrent;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// Requests counted per key in fixed windows: a key's window begins with its first request after the last one ended.
/// Ours rather than the framework's fixed-window limiter because a refusal must say when the next window begins: the
/// framework's tells the whole window however much of it is left (a 429 at +30 s of a minute said "60 s"), keeps its
/// window start to itself, and runs on the machine's clock rather than the injected one.
/// </summary>
internal sealed class FixedWindowCounts(TimeProvider clock)
{
    /// <summary>How often ended windows are dropped: without it every address ever seen would stay.</summary>
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _lastSweep = clock.GetTimestamp();
    private int _sweeping;

    /// <summary>The keys held (windows running, and ended ones not swept yet).</summary>
    public int Keys => _windows.Count;

    /// <summary>
    /// Counts one request of <paramref name="key"/> when its window has room; otherwise false, with the time until
    /// its next window begins (the earliest moment a request is admitted again).
    /// </summary>
    public bool TryTake(string key, int limit, TimeSpan length, out TimeSpan untilNext)
    {
        SweepNowAndThen(clock.GetTimestamp());
        while (true)
        {
            var window = _windows.GetOrAdd(key, static _ => new Window());
            lock (window)
            {
                // Dropped by a sweep after this thread found it: count in the one that replaced it.
                if (window.Dropped)
                {
                    continue;
                }

                // Read under the lock: read before it, a moment could precede the start another thread just set,
                // and the wait exceed the window.
                var now = clock.GetTimestamp();
                if (window.Count == 0 || clock.GetElapsedTime(window.Start, now) >= length)
                {
                    window.Start = now;
                    window.Length = length;
                    window.Count = 0;
                }

                untilNext = length - clock.GetElapsedTime(window.Start, now);
                if (window.Count < limit)
                {
                    window.Count++;
                    return true;
                }

                return false;
            }
        }
    }

    private void SweepNowAndThen(long now)
    {
        if (clock.GetElapsedTime(Interlocked.Read(ref _lastSweep), now) < SweepEvery
            || Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            Interlocked.Exchange(ref _lastSweep, now);
            foreach (var (key, window) in _windows)
            {
                lock (window)
                {
                    // A window is kept while it may still refuse; an ended one would start afresh anyway.
                    if (window.Length is { } length && clock.GetElapsedTime(window.Start, now) >= length)
                    {
                        window.Dropped = true;
                        _windows.TryRemove(new KeyValuePair<string, Window>(key, window));
                    }
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private sealed class Window
    {
        public long Start;
        public int Count;
        public TimeSpan? Length;
        public bool Dropped;
    }
}
