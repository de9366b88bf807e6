using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Data;

/// <summary>A load's stored inline text, by session and upload name, to remove once the load has ended.</summary>
public sealed record EtlUpload(
    [property: JsonPropertyName("session")] string Session,
    [property: JsonPropertyName("upload")] string Upload);
