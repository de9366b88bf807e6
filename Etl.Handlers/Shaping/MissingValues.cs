using System.Text;

namespace Fractal.Etl.Handlers;

/// <summary>The texts that mean "no value": empty, <c>NA</c>, <c>NaN</c> and <c>null</c> (any case).</summary>
internal static class MissingValues
{
    public static bool IsMissing(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        return trimmed.IsEmpty
            || trimmed.Equals("NA", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("null", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The same test on UTF-8 bytes, so numeric columns need no strings.</summary>
    public static bool IsMissing(ReadOnlySpan<byte> utf8)
    {
        var trimmed = utf8.Trim(" \t"u8);
        return trimmed.IsEmpty
            || Ascii.EqualsIgnoreCase(trimmed, "NA"u8)
            || Ascii.EqualsIgnoreCase(trimmed, "NaN"u8)
            || Ascii.EqualsIgnoreCase(trimmed, "null"u8);
    }
}
