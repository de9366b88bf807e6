using System.Globalization;

namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>The names of a task hub's tables, queues and blob containers.</summary>
internal sealed class TaskHubNames
{
    public TaskHubNames(string hubName, int partitionCount)
    {
        Validate(hubName);
        var lower = hubName.ToLowerInvariant();
        InstancesTable = hubName + "Instances";
        HistoryTable = hubName + "History";
        ControlQueues = [.. Enumerable.Range(0, partitionCount).Select(p => string.Create(CultureInfo.InvariantCulture, $"{lower}-control-{p:D2}"))];
        WorkItemQueue = lower + "-workitems";
        PoisonQueue = lower + "-poison";
        LeasesContainer = lower + "-leases";
        LargeMessagesContainer = lower + "-largemessages";
    }

    public string InstancesTable { get; }

    public string HistoryTable { get; }

    public IReadOnlyList<string> ControlQueues { get; }

    public string WorkItemQueue { get; }

    public string PoisonQueue { get; }

    public string LeasesContainer { get; }

    public string LargeMessagesContainer { get; }

    /// <summary>The blob in the leases container that stands for partition <paramref name="partition"/>.</summary>
    public static string PartitionLeaseBlob(int partition) => string.Create(CultureInfo.InvariantCulture, $"control-{partition:D2}");

    private static void Validate(string hubName)
    {
        ArgumentNullException.ThrowIfNull(hubName);
        if (hubName.Length is < 3 or > 45 || !char.IsAsciiLetter(hubName[0]) || !hubName.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException(
                $"The task hub name '{hubName}' is not valid: it must be 3 to 45 characters, ASCII letters and digits only, starting with a letter.",
                nameof(hubName));
        }
    }
}
