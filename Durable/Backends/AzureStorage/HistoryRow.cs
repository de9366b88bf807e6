using Azure.Data.Tables;

namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>One event's row of the history table, ready to write, and an estimate of its size on the wire.</summary>
internal sealed record HistoryRow(TableEntity Entity, int EstimatedBytes);
