using System.Text.Json;
using Fractal.Domain.Data;

namespace Fractal.FunctionApp.Tasks.Definitions;

/// <summary>Reads a model's parameters into its own type, turning what does not fit into errors naming <c>params.…</c>.</summary>
public static class TaskParameters
{
    /// <summary>The serializer options of parameters, partitions and outputs: snake_case names as the types declare them.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerOptions.Web) { RespectNullableAnnotations = true };

    /// <summary><paramref name="parameters"/> as <typeparamref name="T"/>.</summary>
    /// <exception cref="TaskParameterException">Not an object, or a value of the wrong type (naming it).</exception>
    public static T Read<T>(JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            throw new TaskParameterException("params", $"'params' must be a JSON object; it is {parameters.ValueKind.ToString().ToLowerInvariant()}.");
        }

        try
        {
            return parameters.Deserialize<T>(Json) ?? throw new TaskParameterException("params", "'params' must be a JSON object.");
        }
        catch (JsonException error)
        {
            var path = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? "params" : "params" + error.Path.TrimStart('$');
            throw new TaskParameterException(path, $"{path} does not fit the model's parameters: {error.Message.Split(" Path:")[0]}");
        }
    }

    /// <summary>A value as a JSON element.</summary>
    public static JsonElement ToJson<T>(T value) => JsonSerializer.SerializeToElement(value, Json);

    /// <summary>Throws the first of <paramref name="errors"/>, its field under <c>params</c>.</summary>
    public static void ThrowFirst(IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.FirstOrDefault() is { } error)
        {
            var field = error.Field.StartsWith("params", StringComparison.Ordinal) ? error.Field : $"params.{error.Field}";
            throw new TaskParameterException(field, $"{field}: {error.Message}");
        }
    }
}
