using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Cluster;

/// <summary>A row or column and its cluster; serialized as Fractalis does, as a pair <c>[name, cluster]</c>.</summary>
[JsonConverter(typeof(NamedClusterJsonConverter))]
public sealed record NamedCluster(string Name, int Cluster);

/// <summary>Reads and writes a <see cref="NamedCluster"/> as <c>[name, cluster]</c>.</summary>
public sealed class NamedClusterJsonConverter : JsonConverter<NamedCluster>
{
    public override NamedCluster Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A named cluster is a pair [name, cluster].");
        }

        var name = reader.GetString()!;
        if (!reader.Read() || reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("A named cluster is a pair [name, cluster].");
        }

        var cluster = reader.GetInt32();
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("A named cluster is a pair [name, cluster].");
        }

        return new NamedCluster(name, cluster);
    }

    public override void Write(Utf8JsonWriter writer, NamedCluster value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        writer.WriteStringValue(value.Name);
        writer.WriteNumberValue(value.Cluster);
        writer.WriteEndArray();
    }
}
