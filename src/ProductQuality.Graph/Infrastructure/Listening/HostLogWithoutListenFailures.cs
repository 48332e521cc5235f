namespace ProductQuality.Graph.Infrastructure.Listening;

/// <summary>
/// The host's own logger, less its entry for a <see cref="ListenFailureException"/>: the host logs a start that failed
/// ("Hosting failed to start") with the exception's stack trace, 18 lines before the one sentence that
/// <see cref="StartupFailure"/> says about it. Every other entry of the host's is written as before.
/// </summary>
internal sealed class HostLogWithoutListenFailures<T>(ILoggerFactory factory) : ILogger<T>
{
    private readonly ILogger<T> _log = factory.CreateLogger<T>();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _log.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _log.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (exception is not ListenFailureException)
        {
            _log.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
