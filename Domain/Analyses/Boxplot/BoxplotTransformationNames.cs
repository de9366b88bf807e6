namespace Fractal.Domain.Analyses.Boxplot;

/// <summary>The wire names of <see cref="BoxplotTransformation"/>, with Fractalis' spellings accepted as aliases.</summary>
public static class BoxplotTransformationNames
{
    private static readonly Dictionary<string, BoxplotTransformation> s_byName = new(StringComparer.Ordinal)
    {
        ["identity"] = BoxplotTransformation.Identity,
        ["log2"] = BoxplotTransformation.Log2,
        ["log10"] = BoxplotTransformation.Log10,
        ["pow2"] = BoxplotTransformation.Pow2,
        ["pow10"] = BoxplotTransformation.Pow10,
        ["log2(x)"] = BoxplotTransformation.Log2,
        ["log10(x)"] = BoxplotTransformation.Log10,
        ["2^x"] = BoxplotTransformation.Pow2,
        ["10^x"] = BoxplotTransformation.Pow10,
    };

    /// <summary>The canonical wire names, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = ["identity", "log2", "log10", "pow2", "pow10"];

    /// <summary>The canonical wire name of <paramref name="transformation"/>.</summary>
    public static string ToName(this BoxplotTransformation transformation) => All[(int)transformation];

    /// <summary>Parses a canonical name or a Fractalis alias; null means <c>identity</c>.</summary>
    /// <exception cref="AnalysisArgumentException">The name is unknown (the argument is <c>transformation</c>).</exception>
    public static BoxplotTransformation Parse(string? name) =>
        name is null ? BoxplotTransformation.Identity
        : s_byName.TryGetValue(name, out var transformation) ? transformation
        : throw new AnalysisArgumentException("transformation", $"Unknown transformation '{name}'; use one of {string.Join(", ", All)}.");

    /// <summary>The transformed value; NaN when it is not defined (a non-positive value under a logarithm).</summary>
    public static double Apply(this BoxplotTransformation transformation, double value) => transformation switch
    {
        BoxplotTransformation.Identity => value,
        BoxplotTransformation.Log2 => value > 0 ? Math.Log2(value) : double.NaN,
        BoxplotTransformation.Log10 => value > 0 ? Math.Log10(value) : double.NaN,
        BoxplotTransformation.Pow2 => Math.Pow(2.0, value),
        BoxplotTransformation.Pow10 => Math.Pow(10.0, value),
        _ => throw new ArgumentOutOfRangeException(nameof(transformation), transformation, "Unknown transformation."),
    };
}
