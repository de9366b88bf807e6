using System.Text.Json.Serialization;

namespace Fractal.Domain.Data;

/// <summary>
/// What to fetch from a source as one dataset: a field (or fields, or a field prefix, or a time and
/// an event field), its data type and its label. The same shape for every handler.
/// </summary>
public sealed record Descriptor
{
    /// <summary>The source field of a numerical or categorical variable.</summary>
    [JsonPropertyName("field")]
    public string? Field { get; init; }

    /// <summary>The source fields of a numerical array, named one by one.</summary>
    [JsonPropertyName("fields")]
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>The prefix that picks a numerical array's source fields.</summary>
    [JsonPropertyName("field_prefix")]
    public string? FieldPrefix { get; init; }

    /// <summary>A time-to-event variable's time field.</summary>
    [JsonPropertyName("time_field")]
    public string? TimeField { get; init; }

    /// <summary>A time-to-event variable's event flag field (1 or true: the event happened).</summary>
    [JsonPropertyName("event_field")]
    public string? EventField { get; init; }

    /// <summary>The data type's wire name, as sent; see <see cref="DataTypeNames"/>.</summary>
    [JsonPropertyName("data_type")]
    public string? DataTypeName { get; init; }

    /// <summary>The label shown for the dataset; the field when unset.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; init; }

    /// <summary>The parsed data type; throws for an invalid descriptor, so call <see cref="Validate"/> first.</summary>
    [JsonIgnore]
    public DataType DataType => DataTypeNames.TryParse(DataTypeName, out var type)
        ? type
        : throw new InvalidOperationException($"Unknown data type '{DataTypeName}'.");

    /// <summary>The label, or a name made from the fields.</summary>
    [JsonIgnore]
    public string DisplayLabel =>
        !string.IsNullOrWhiteSpace(Label) ? Label
        : Field ?? FieldPrefix ?? TimeField ?? (Fields is { Count: > 0 } ? string.Join(',', Fields) : "dataset");

    /// <summary>The problems with this descriptor, each naming the field at fault; empty when valid.</summary>
    /// <param name="path">Where the descriptor sits in the request, such as <c>descriptors[2]</c>.</param>
    public IReadOnlyList<FieldError> Validate(string path)
    {
        var errors = new List<FieldError>();
        if (!DataTypeNames.TryParse(DataTypeName, out var type))
        {
            errors.Add(new FieldError($"{path}.data_type", $"'{DataTypeName}' is not a data type; use one of {string.Join(", ", DataTypeNames.All)}."));
            return errors;
        }

        switch (type)
        {
            case DataType.Numerical or DataType.Categorical when string.IsNullOrWhiteSpace(Field):
                errors.Add(new FieldError($"{path}.field", $"A {type.ToName()} descriptor names its source field in 'field'."));
                break;
            case DataType.NumericalArray when (Fields is null || Fields.Count == 0) && string.IsNullOrWhiteSpace(FieldPrefix):
                errors.Add(new FieldError($"{path}.fields", "A numerical_array descriptor names 'fields' or a 'field_prefix'."));
                break;
            case DataType.NumericalArray when Fields is not null && Fields.Any(string.IsNullOrWhiteSpace):
                errors.Add(new FieldError($"{path}.fields", "Every entry of 'fields' must be a non-empty field name."));
                break;
            case DataType.TimeToEvent when string.IsNullOrWhiteSpace(TimeField):
                errors.Add(new FieldError($"{path}.time_field", "A time_to_event descriptor names its 'time_field'."));
                break;
            case DataType.TimeToEvent when string.IsNullOrWhiteSpace(EventField):
                errors.Add(new FieldError($"{path}.event_field", "A time_to_event descriptor names its 'event_field'."));
                break;
            default:
                break;
        }

        return errors;
    }
}
