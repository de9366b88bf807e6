using System.Globalization;
using Fractal.Bench.Tasks;

// Tasks per second from publish to Completed: COUNT one-partition frontier-aggregation tasks published at once to a
// queue of the bench's own, served by 1, then 2 local hosts (infra/local/workers.sh) on a fresh task hub each.
// Usage: dotnet run -c Release --project bench/Tasks -- [--count 300] [--rows 100] [--workers "1 2"]
var count = Option("--count", 300);
var rows = Option("--rows", 100);
var workerCounts = (OptionText("--workers") ?? "1 2").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
var repo = FindRepo();
var broker = Environment.GetEnvironmentVariable("RabbitMQConnection") is { Length: > 0 } set ? set : "amqp://guest:guest@127.0.0.1:5672/";
var storage = Environment.GetEnvironmentVariable("AzureWebJobsStorage") is { Length: > 0 } given ? given : "UseDevelopmentStorage=true";

Console.WriteLine($"{count} one-partition tasks (frontier-aggregation, {rows} demo rows) per run");
Console.WriteLine("| hosts | tasks | seconds | tasks/s |");
Console.WriteLine("|---|---|---|---|");
foreach (var workers in workerCounts)
{
    var stamp = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
    var queue = $"bench-tasks-{workers}x{stamp}";
    var settings = new Dictionary<string, string>
    {
        ["AzureWebJobsStorage"] = storage,
        ["RabbitMQConnection"] = broker,
        ["FRACTAL_TASKS_QUEUE"] = queue,
        ["FRACTAL_ACCEPTED_MODELS"] = "*",
        ["FRACTAL_HOST_KEY"] = "bench-tasks-key",
        ["FRACTAL_FIRST_PORT"] = "7281",
        ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = $"benchtasks{workers}x{stamp}",
    };
    try
    {
        await using (await WorkerGroup.StartAsync(repo, workers, settings, TimeSpan.FromMinutes(2)))
        {
            var (elapsed, completed) = await TaskRun.MeasureAsync(broker, queue, count, rows, TimeSpan.FromMinutes(15));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {workers} | {completed}/{count} | {elapsed.TotalSeconds:F1} | {completed / elapsed.TotalSeconds:F1} |"));
        }
    }
    finally
    {
        await TaskRun.DeleteQueueAsync(broker, queue);
    }
}

int Option(string name, int fallback) => OptionText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string FindRepo()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "infra", "local", "workers.sh")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run the bench from the repository (infra/local/workers.sh not found above it).");
}
