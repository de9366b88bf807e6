using Microsoft.Extensions.Logging;

namespace Fractal.Durable.Replay;

/// <summary>Forwards log entries only when the orchestrator is not replaying, so each is written once.</summary>
internal sealed class ReplaySafeLogger : ILogger
{
    private readonly ILogger _inner;
    private readonly TaskOrchestrationContext _context;

    public ReplaySafeLogger(ILogger inner, TaskOrchestrationContext context)
    {
        _inner = inner;
        _context = context;
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => !_context.IsReplaying && _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!_context.IsReplaying)
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
