using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fractal.Etl.Handlers;

/// <summary>Reads <c>{"token": "..."}</c>; writes <c>{}</c> so the token never leaves in JSON.</summary>
internal sealed class EtlAuthJsonConverter : JsonConverter<EtlAuth>
{
    public override EtlAuth? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("'auth' must be an object such as {\"token\": \"...\"}.");
        }

        string? token = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "token" && reader.TokenType == JsonTokenType.String)
            {
                token = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return new EtlAuth(token);
    }

    public override void Write(Utf8JsonWriter writer, EtlAuth value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteEndObject();
    }
}
