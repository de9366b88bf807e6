using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Sql;

/// <summary>What the values of a result column are, so a client (or a chart) knows how to read them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SqlValueKind>))]
public enum SqlValueKind
{
    /// <summary>Numbers: integers, decimals and reals (NaN and infinities as named literals).</summary>
    [JsonStringEnumMemberName("number")]
    Number,

    /// <summary>Strings.</summary>
    [JsonStringEnumMemberName("text")]
    Text,

    /// <summary>true or false.</summary>
    [JsonStringEnumMemberName("boolean")]
    Boolean,

    /// <summary>Dates, times and timestamps, as ISO 8601 strings.</summary>
    [JsonStringEnumMemberName("time")]
    Time,

    /// <summary>Anything else: lists and structs (as JSON arrays and objects), intervals, blobs (base64).</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
