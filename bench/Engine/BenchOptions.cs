using System.Globalization;

namespace Fractal.Bench.Engine;

/// <summary>The command line: how many hellos and fan-outs, how wide, under which profiles.</summary>
internal sealed record BenchOptions(
    int Runs, int WarmUp, int FanOut, int FanOutRuns, IReadOnlyList<EngineProfile> Profiles, string ConnectionString)
{
    public const string Usage = "Use --runs N (hellos, 50), --warmup N (5), --fanout N (1000), --fanout-runs N (1), --profile default|tuned|both.";

    public static BenchOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var runs = 50;
        var warmUp = 5;
        var fanOut = 1000;
        var fanOutRuns = 1;
        IReadOnlyList<EngineProfile> profiles = [EngineProfile.Default, EngineProfile.Tuned];
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value. {Usage}");
            switch (name)
            {
                case "--runs":
                    runs = Positive(name, value);
                    break;
                case "--warmup":
                    warmUp = Positive(name, value);
                    break;
                case "--fanout":
                    fanOut = Positive(name, value);
                    break;
                case "--fanout-runs":
                    fanOutRuns = Positive(name, value);
                    break;
                case "--profile":
                    profiles = value switch
                    {
                        "default" => [EngineProfile.Default],
                        "tuned" => [EngineProfile.Tuned],
                        "both" => [EngineProfile.Default, EngineProfile.Tuned],
                        _ => throw new ArgumentException($"Unknown profile '{value}'. {Usage}"),
                    };
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{name}'. {Usage}");
            }
        }

        var connection = Environment.GetEnvironmentVariable("AzureWebJobsStorage") is { Length: > 0 } set ? set : "UseDevelopmentStorage=true";
        return new BenchOptions(runs, warmUp, fanOut, fanOutRuns, profiles, connection);
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");
}
