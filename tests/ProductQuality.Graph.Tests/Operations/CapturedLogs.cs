using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ProductQuality.Graph.Tests.Operations;

/// <summary>
/// A logger provider that keeps every entry with the scope it was written in (as the JSON console writes it), so a
/// test can check which request id each line carried.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<Entry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    /// <summary>One entry: its category, level, text and every key of its scopes (a later scope wins).</summary>
    public sealed record Entry(
        string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, string?> Scope)
    {
        public string? RequestId => Scope.GetValueOrDefault("RequestId");

        /// <summary>The exception logged with the entry (its stack trace is written with it), if any.</summary>
        public Exception? Exception { get; init; }

        /// <summary>The entry's structured values by name ({Done}, {Changed}, …).</summary>
        public IReadOnlyDictionary<string, object?> State { get; init; } = new Dictionary<string, object?>();
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, string?>(StringComparer.Ordinal);
            owner._scopes.ForEachScope((value, into) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, item) in pairs)
                    {
                        into[key] = item?.ToString();
                    }
                }
            }, scope);
            owner._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), scope)
            {
                Exception = exception,
                State = (state as IEnumerable<KeyValuePair<string, object?>> ?? [])
                    .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            });
        }
    }
}
