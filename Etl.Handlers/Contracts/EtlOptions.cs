using System.Globalization;
using System.Text.Json;
using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers;

/// <summary>Typed, forgiving reads of a request's <c>options</c> object, and checks that name <c>options.x</c>.</summary>
public readonly struct EtlOptions
{
    private readonly JsonElement? _options;

    public EtlOptions(JsonElement? options)
    {
        _options = options is { ValueKind: JsonValueKind.Object } ? options : null;
    }

    /// <summary>The option's JSON value, or null when absent or JSON null.</summary>
    public JsonElement? Get(string name) =>
        _options is { } options && options.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public bool Has(string name) => Get(name) is not null;

    public string? GetString(string name) => Get(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public bool GetBoolean(string name, bool defaultValue) => Get(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => defaultValue,
    };

    public long GetInt64(string name, long defaultValue) =>
        Get(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : defaultValue;

    /// <summary>Whether the options, if sent, are a JSON object.</summary>
    public static IReadOnlyList<FieldError> CheckIsObject(JsonElement? options) =>
        options is null or { ValueKind: JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined }
            ? []
            : [new FieldError("options", "'options' must be a JSON object.")];

    /// <summary>Adds an error when the option is present but not a string (or is required and absent or blank).</summary>
    public void CheckString(string name, ICollection<FieldError> errors, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var value = Get(name);
        if (value is null)
        {
            if (required)
            {
                errors.Add(new FieldError($"options.{name}", $"'options.{name}' is required."));
            }

            return;
        }

        if (value.Value.ValueKind != JsonValueKind.String || (required && string.IsNullOrWhiteSpace(value.Value.GetString())))
        {
            errors.Add(new FieldError($"options.{name}", $"'options.{name}' must be a non-empty string."));
        }
    }

    /// <summary>Adds an error when the option is present but not true or false.</summary>
    public void CheckBoolean(string name, ICollection<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Get(name) is { ValueKind: not (JsonValueKind.True or JsonValueKind.False) })
        {
            errors.Add(new FieldError($"options.{name}", $"'options.{name}' must be true or false."));
        }
    }

    /// <summary>Adds an error when the option is present but not an integer in [min, max].</summary>
    public void CheckInteger(string name, long min, long max, ICollection<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Get(name) is not { } value)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < min || number > max)
        {
            errors.Add(new FieldError(
                $"options.{name}",
                string.Create(CultureInfo.InvariantCulture, $"'options.{name}' must be an integer from {min} to {max}.")));
        }
    }
}
