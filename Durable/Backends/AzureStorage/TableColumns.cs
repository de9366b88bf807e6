namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>Table property names and limits shared by the instances and history tables.</summary>
internal static class TableColumns
{
    /// <summary>String values longer than this go to a blob; a table property holds at most 32K UTF-16 characters.</summary>
    public const int MaxInlineChars = 30_000;

    /// <summary>The suffix of the property that names the blob holding a column's large value.</summary>
    public const string BlobSuffix = "Blob";

    public const string Name = "Name";
    public const string ExecutionId = "ExecutionId";
    public const string RuntimeStatus = "RuntimeStatus";
    public const string Input = "Input";
    public const string Output = "Output";
    public const string CustomStatus = "CustomStatus";
    public const string FailureDetails = "FailureDetails";
    public const string CreatedTime = "CreatedTime";
    public const string LastUpdatedTime = "LastUpdatedTime";
    public const string CompletedTime = "CompletedTime";
    public const string ParentInstanceId = "ParentInstanceId";

    public const string Event = "Event";
    public const string EventType = "EventType";
    public const string EventCount = "EventCount";
    public const string SentinelRowKey = "sentinel";
}
