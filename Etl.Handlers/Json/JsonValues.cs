using System.Globalization;
using System.Text.Json;

namespace Fractal.Etl.Handlers.Json;

/// <summary>Turns JSON values into <see cref="SourceValue"/>s and ids.</summary>
internal static class JsonValues
{
    public static SourceValue ToSourceValue(JsonElement? element) => element switch
    {
        null => SourceValue.Missing,
        { ValueKind: JsonValueKind.Number } number => SourceValue.FromNumber(number.GetDouble()),
        { ValueKind: JsonValueKind.String } text => SourceValue.FromText(GetString(text)),
        { ValueKind: JsonValueKind.True } => SourceValue.FromText("true"),
        { ValueKind: JsonValueKind.False } => SourceValue.FromText("false"),
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => SourceValue.Missing,
        { } other => SourceValue.FromText(other.GetRawText()),
    };

    public static string? ToId(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } text => GetString(text),
        { ValueKind: JsonValueKind.Number } number => number.TryGetInt64(out var integer)
            ? integer.ToString(CultureInfo.InvariantCulture)
            : number.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The string value; the JSON reader lets invalid UTF-8 through inside strings, so it is caught here.</summary>
    private static string? GetString(JsonElement text)
    {
        try
        {
            return text.GetString();
        }
        catch (InvalidOperationException exception)
        {
            throw new EtlDataException("the text is not UTF-8", null, exception);
        }
    }
}
