using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Boxplot;

/// <summary>One box: its (feature, category, subset) and statistics; the label is Fractalis' <c>feature//category//sN</c>.</summary>
public sealed record BoxplotGroup(
    [property: JsonPropertyName("feature")] string Feature,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("subset")] int Subset,
    [property: JsonPropertyName("statistics")] BoxplotStatistics Statistics)
{
    [JsonPropertyName("label")]
    public string Label => $"{Feature}//{Category}//{AnalysisScope.SubsetLabel(Subset)}";
}
