using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Fractal.FunctionApp.Telemetry;

/// <summary>
/// The app's own telemetry: a span per function invocation (<see cref="SourceName"/>) and its meters
/// (<see cref="MeterName"/>): invocations by function, trigger and outcome, failures, and durations.
/// </summary>
public sealed class FractalTelemetry : IDisposable
{
    /// <summary>The app's activity source and meter name.</summary>
    public const string SourceName = "Fractal.FunctionApp";

    /// <summary>The app's meter name.</summary>
    public const string MeterName = SourceName;

    /// <summary>Invocations that ended, tagged with function, trigger and outcome.</summary>
    public const string InvocationsInstrument = "fractal.function.invocations";

    /// <summary>Invocations that failed (an exception, or an HTTP answer of 500 or more), tagged with the error type.</summary>
    public const string FailuresInstrument = "fractal.function.failures";

    /// <summary>Invocation durations in seconds.</summary>
    public const string DurationInstrument = "fractal.function.duration";

    private readonly Meter _meter;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/>.</summary>
    public FractalTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        Invocations = _meter.CreateCounter<long>(InvocationsInstrument, "{invocation}", "Function invocations that ended.");
        Failures = _meter.CreateCounter<long>(FailuresInstrument, "{invocation}", "Function invocations that failed.");
        Duration = _meter.CreateHistogram<double>(DurationInstrument, "s", "Function invocation duration.");
    }

    /// <summary>The source of the invocation spans.</summary>
    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Invocations that ended.</summary>
    public Counter<long> Invocations { get; }

    /// <summary>Invocations that failed.</summary>
    public Counter<long> Failures { get; }

    /// <summary>Invocation durations.</summary>
    public Histogram<double> Duration { get; }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
