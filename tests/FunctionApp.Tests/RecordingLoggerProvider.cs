using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Fractal.FunctionApp.Tests;

/// <summary>Keeps every log entry a host writes, with its level and exception, so a test can search them.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    /// <summary>Every entry as one line: category, message and exception.</summary>
    public IReadOnlyCollection<string> Lines => [.. _entries.Select(e => e.ToString())];

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    /// <summary>The entries at Error or Critical level, and those of any level that carry an exception.</summary>
    public IReadOnlyList<LogEntry> Problems => [.. _entries.Where(e => e.Level >= LogLevel.Error || e.Exception is not null)];

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    /// <summary>One log entry.</summary>
    internal sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception)
    {
        public override string ToString() => $"{Category}: {Message} {Exception}";
    }

    private sealed class RecordingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception));
    }
}
