using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers;

/// <summary>
/// A descriptor resolved against a source's columns: which source fields to read, in order, and the
/// feature each one becomes (its field name; <c>time</c> and <c>event</c> for time-to-event).
/// </summary>
internal sealed class DescriptorShape
{
    private DescriptorShape(DataType dataType, string[] sourceFields, string[] features)
    {
        DataType = dataType;
        SourceFields = sourceFields;
        Features = features;
    }

    public DataType DataType { get; }

    public IReadOnlyList<string> SourceFields { get; }

    public IReadOnlyList<string> Features { get; }

    /// <summary>
    /// Resolves <paramref name="descriptor"/>; when <paramref name="columns"/> is known, every field must
    /// be among them and a prefix must match at least one (<see cref="EtlDataException"/> otherwise).
    /// </summary>
    public static DescriptorShape Resolve(Descriptor descriptor, IReadOnlyCollection<string>? columns)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var type = descriptor.DataType;
        string[] fields;
        string[] features;
        switch (type)
        {
            case DataType.Numerical or DataType.Categorical:
                fields = [descriptor.Field!];
                features = fields;
                break;
            case DataType.TimeToEvent:
                fields = [descriptor.TimeField!, descriptor.EventField!];
                features = [DatasetTable.TimeFeature, DatasetTable.EventFeature];
                break;
            default:
                fields = descriptor.Fields is { Count: > 0 } named ? [.. named] : ResolvePrefix(descriptor.FieldPrefix!, columns);
                features = fields;
                break;
        }

        if (columns is not null)
        {
            var known = columns as IReadOnlySet<string> ?? new HashSet<string>(columns, StringComparer.Ordinal);
            foreach (var field in fields)
            {
                if (!known.Contains(field))
                {
                    throw new EtlDataException($"unknown column '{field}'", field);
                }
            }
        }

        return new DescriptorShape(type, fields, features);
    }

    private static string[] ResolvePrefix(string prefix, IReadOnlyCollection<string>? columns)
    {
        if (columns is null)
        {
            throw new EtlDataException($"the fields of prefix '{prefix}' cannot be listed for this source; name them in 'fields'", prefix);
        }

        string[] matches = [.. columns.Where(column => column.StartsWith(prefix, StringComparison.Ordinal))];
        return matches.Length > 0 ? matches : throw new EtlDataException($"no column starts with '{prefix}'", prefix);
    }
}
