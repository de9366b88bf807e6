using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Fractal.Bench.Engine;

/// <summary>
/// Measures one profile: starts the local host and, under the very settings it read, a bare DTFx worker, each on a hub
/// of its own; warms both up; then runs the hellos and the fan-outs on each in turn, alternating which goes first, so
/// that a change in the shared machine's load falls on both alike. Both hubs are deleted at the end.
/// </summary>
internal static class ProfileRun
{
    private const int WarmUpFanOut = 100;

    public static async Task<ProfileFigures> MeasureAsync(
        EngineProfile profile, BenchOptions options, ILoggerFactory loggerFactory, Action<string> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var local = await LocalHostTarget.StartAsync(profile, options.ConnectionString, cancellationToken);
        var settings = BareSettings.From(local.Options, HubNames.New("benchbare"), options.ConnectionString, loggerFactory);
        await using var bare = await BareDtfxTarget.StartAsync(settings, loggerFactory);
        IBenchTarget[] targets = [local, bare];
        var figures = targets.ToDictionary(t => t, t => new TargetFigures(t.Label));

        progress($"{profile.Name}: warming up");
        foreach (var target in targets)
        {
            for (var i = 0; i < options.WarmUp; i++)
            {
                await Scenarios.HelloAsync(target, cancellationToken);
            }

            await Scenarios.FanOutAsync(target, WarmUpFanOut, cancellationToken);
        }

        progress($"{profile.Name}: {options.Runs} hellos each");
        for (var i = 0; i < options.Runs; i++)
        {
            foreach (var target in InTurn(targets, i))
            {
                figures[target].Hellos.Add(await Scenarios.HelloAsync(target, cancellationToken));
            }
        }

        for (var i = 0; i < options.FanOutRuns; i++)
        {
            foreach (var target in InTurn(targets, i))
            {
                progress($"{profile.Name}: fan-out of {options.FanOut} on {target.Label}");
                figures[target].FanOuts.Add(await Scenarios.FanOutAsync(target, options.FanOut, cancellationToken));
            }
        }

        return new ProfileFigures(profile, local.Options, figures[local], figures[bare], clock.Elapsed);
    }

    private static IEnumerable<IBenchTarget> InTurn(IBenchTarget[] targets, int round) => round % 2 == 0 ? targets : targets.Reverse();
}
