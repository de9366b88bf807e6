namespace Fractal.Domain.Data;

/// <summary>The wire names of <see cref="DataType"/> values: <c>numerical</c>, <c>categorical</c>, <c>numerical_array</c>, <c>time_to_event</c>.</summary>
public static class DataTypeNames
{
    private static readonly Dictionary<string, DataType> s_byName = new(StringComparer.Ordinal)
    {
        ["numerical"] = DataType.Numerical,
        ["categorical"] = DataType.Categorical,
        ["numerical_array"] = DataType.NumericalArray,
        ["time_to_event"] = DataType.TimeToEvent,
    };

    /// <summary>Every wire name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. s_byName.Keys];

    /// <summary>The wire name of <paramref name="type"/>.</summary>
    public static string ToName(this DataType type) => type switch
    {
        DataType.Numerical => "numerical",
        DataType.Categorical => "categorical",
        DataType.NumericalArray => "numerical_array",
        DataType.TimeToEvent => "time_to_event",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown data type."),
    };

    /// <summary>Parses a wire name; false for anything else.</summary>
    public static bool TryParse(string? name, out DataType type) => s_byName.TryGetValue(name ?? string.Empty, out type);

    /// <summary>Whether values of <paramref name="type"/> are numbers (all but categorical).</summary>
    public static bool IsNumeric(this DataType type) => type != DataType.Categorical;
}
