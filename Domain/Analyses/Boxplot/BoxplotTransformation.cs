using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Boxplot;

/// <summary>The value transformations <c>compute-boxplot</c> applies before its statistics.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BoxplotTransformation>))]
public enum BoxplotTransformation
{
    /// <summary><c>identity</c>: values as they are.</summary>
    [JsonStringEnumMemberName("identity")]
    Identity,

    /// <summary><c>log2</c> (Fractalis: <c>log2(x)</c>); non-positive values are dropped.</summary>
    [JsonStringEnumMemberName("log2")]
    Log2,

    /// <summary><c>log10</c> (Fractalis: <c>log10(x)</c>); non-positive values are dropped.</summary>
    [JsonStringEnumMemberName("log10")]
    Log10,

    /// <summary><c>pow2</c> (Fractalis: <c>2^x</c>).</summary>
    [JsonStringEnumMemberName("pow2")]
    Pow2,

    /// <summary><c>pow10</c> (Fractalis: <c>10^x</c>).</summary>
    [JsonStringEnumMemberName("pow10")]
    Pow10,
}
