using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IntegrationTests.Infrastructure;

/// <summary>
/// The AppHost's own log, as `dotnet run --project AppHost` prints it to the terminal, kept for a test to read
/// (<c>builder.Services.AddSingleton&lt;ILoggerProvider&gt;(log)</c> before the build).
/// </summary>
public sealed class AppHostLog : ILoggerProvider
{
    private readonly ConcurrentQueue<AppHostLogLine> _lines = new();

    public IReadOnlyList<AppHostLogLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Category(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Category(string name, ConcurrentQueue<AppHostLogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new AppHostLogLine(name, logLevel, eventId.Id, formatter(state, exception)));
    }
}

/// <summary>One line of <see cref="AppHostLog"/>.</summary>
public sealed record AppHostLogLine(string Category, LogLevel Level, int EventId, string Message);
