using Azure.Data.Tables;

namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>The OData filter on the instances table that selects what an <see cref="InstanceQuery"/> asks for.</summary>
internal static class InstanceQueryFilter
{
    /// <summary>The filter; null when the query matches every instance.</summary>
    public static string? Build(InstanceQuery query)
    {
        var clauses = new List<string>();
        if (query.ContinuationToken is { } after)
        {
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey gt {after}"));
        }

        if (query.InstanceIdPrefix is { Length: > 0 } prefix)
        {
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey ge {prefix}"));
            if (PrefixUpperBound(prefix) is { } upper)
            {
                clauses.Add(TableClient.CreateQueryFilter($"PartitionKey lt {upper}"));
            }
        }

        if (query.RuntimeStatus is { Count: > 0 } statuses)
        {
            var any = statuses.Distinct().Select(s => TableClient.CreateQueryFilter($"RuntimeStatus eq {s.ToString()}"));
            clauses.Add("(" + string.Join(" or ", any) + ")");
        }

        if (query.CreatedFrom is { } from)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedTime ge {AsUtc(from)}"));
        }

        if (query.CreatedTo is { } to)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedTime le {AsUtc(to)}"));
        }

        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }

    /// <summary>The least string greater than every string that starts with <paramref name="prefix"/>; null when there is none.</summary>
    internal static string? PrefixUpperBound(string prefix)
    {
        var chars = prefix.ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (chars[i] != char.MaxValue)
            {
                chars[i]++;
                return new string(chars, 0, i + 1);
            }
        }

        return null;
    }

    private static DateTimeOffset AsUtc(DateTime time) => new(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime());
}
