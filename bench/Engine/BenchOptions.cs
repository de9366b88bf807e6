using System.Globalization;

namespace Fractal.Bench.Engine;

/// <summary>The command line: which backends, how many runs, how wide a fan-out, how many instances at once.</summary>
internal sealed record BenchOptions(bool Azurite, bool Memory, int Runs, int FanOut, int Concurrent, string ConnectionString)
{
    public const string Usage = "Use --backend azurite|memory|both, --runs N, --fanout N, --concurrent N.";

    public static BenchOptions Parse(string[] args)
    {
        var backend = "both";
        var runs = 200;
        var fanOut = 1000;
        var concurrent = 300;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value. {Usage}");
            switch (name)
            {
                case "--backend":
                    backend = value is "azurite" or "memory" or "both" ? value : throw new ArgumentException($"Unknown backend '{value}'. {Usage}");
                    break;
                case "--runs":
                    runs = Positive(name, value);
                    break;
                case "--fanout":
                    fanOut = Positive(name, value);
                    break;
                case "--concurrent":
                    concurrent = Positive(name, value);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{name}'. {Usage}");
            }
        }

        var connection = Environment.GetEnvironmentVariable("AzureWebJobsStorage") is { Length: > 0 } set ? set : "UseDevelopmentStorage=true";
        return new BenchOptions(backend != "memory", backend != "azurite", runs, fanOut, concurrent, connection);
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");
}
