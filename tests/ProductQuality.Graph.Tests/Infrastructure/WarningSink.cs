using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>A logger provider that keeps every warning and error the server logs, as text, for start-up checks.
/// </summary>
public sealed class WarningSink : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyCollection<string> Messages => _messages;

    /// <summary>Each warning and error with its level and the exception logged with it, if any.</summary>
    public IReadOnlyCollection<Entry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            var message = formatter(state, exception);
            _messages.Enqueue(message);
            _entries.Enqueue(new Entry(logLevel, message, exception));
        }
    }

    public void Dispose()
    {
    }

    public sealed record Entry(LogLevel Level, string Message, Exception? Exception);
}
