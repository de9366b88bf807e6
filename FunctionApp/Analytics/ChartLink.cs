using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Analytics;

/// <summary>A chart of an analysis: its name, its SVG and its PNG.</summary>
public sealed record ChartLink(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("png_url")] string PngUrl);
