using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Xml;
using Fractal.Domain.Analyses.Sql;

namespace Fractal.FunctionApp.Analytics.Sql;

/// <summary>
/// DuckDB's values and types as a result carries them: numbers stay numbers (hugeints as long, or
/// decimal or double when they do not fit), dates and timestamps stay typed so that JSON writes them
/// as ISO 8601, intervals become ISO 8601 durations, UUIDs strings, blobs base64, lists and structs
/// lists and dictionaries of converted values.
/// </summary>
internal static class SqlValues
{
    private static readonly BigInteger s_decimalMin = new(decimal.MinValue);
    private static readonly BigInteger s_decimalMax = new(decimal.MaxValue);

    /// <summary>The SQL name and the kind of a DuckDB.NET type name (<c>DuckDBDataReader.GetDataTypeName</c>).</summary>
    public static SqlColumn Column(string name, string engineType)
    {
        var (type, kind) = engineType switch
        {
            "Boolean" => ("BOOLEAN", SqlValueKind.Boolean),
            "TinyInt" => ("TINYINT", SqlValueKind.Number),
            "SmallInt" => ("SMALLINT", SqlValueKind.Number),
            "Integer" => ("INTEGER", SqlValueKind.Number),
            "BigInt" => ("BIGINT", SqlValueKind.Number),
            "HugeInt" => ("HUGEINT", SqlValueKind.Number),
            "UnsignedTinyInt" => ("UTINYINT", SqlValueKind.Number),
            "UnsignedSmallInt" => ("USMALLINT", SqlValueKind.Number),
            "UnsignedInteger" => ("UINTEGER", SqlValueKind.Number),
            "UnsignedBigInt" => ("UBIGINT", SqlValueKind.Number),
            "UnsignedHugeInt" => ("UHUGEINT", SqlValueKind.Number),
            "VarInt" => ("VARINT", SqlValueKind.Number),
            "Float" => ("FLOAT", SqlValueKind.Number),
            "Double" => ("DOUBLE", SqlValueKind.Number),
            "Decimal" => ("DECIMAL", SqlValueKind.Number),
            "Varchar" => ("VARCHAR", SqlValueKind.Text),
            "Enum" => ("ENUM", SqlValueKind.Text),
            "Uuid" => ("UUID", SqlValueKind.Text),
            "Date" => ("DATE", SqlValueKind.Time),
            "Time" => ("TIME", SqlValueKind.Time),
            "TimeTz" => ("TIMETZ", SqlValueKind.Time),
            "Timestamp" => ("TIMESTAMP", SqlValueKind.Time),
            "TimestampS" => ("TIMESTAMP_S", SqlValueKind.Time),
            "TimestampMs" => ("TIMESTAMP_MS", SqlValueKind.Time),
            "TimestampNs" => ("TIMESTAMP_NS", SqlValueKind.Time),
            "TimestampTz" => ("TIMESTAMPTZ", SqlValueKind.Time),
            "SqlNull" => ("NULL", SqlValueKind.Other),
            _ => (engineType.ToUpperInvariant(), SqlValueKind.Other),
        };
        return new SqlColumn(name, type, kind);
    }

    /// <summary>A value read from DuckDB as the result holds it; null for SQL NULL.</summary>
    public static object? ToResult(object? value) => value switch
    {
        null or DBNull => null,
        bool or string or double or decimal or long or ulong => value,
        float number => (double)number,
        sbyte or byte or short or ushort or int or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        BigInteger number when number >= long.MinValue && number <= long.MaxValue => (long)number,
        BigInteger number when number >= s_decimalMin && number <= s_decimalMax => (decimal)number,
        BigInteger number => double.Parse(number.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        DateTime or DateOnly or TimeOnly or DateTimeOffset => value,
        TimeSpan interval => XmlConvert.ToString(interval),
        Guid id => id.ToString(),
        byte[] bytes => Convert.ToBase64String(bytes),
        Stream stream => Convert.ToBase64String(ReadAll(stream)),
        IDictionary fields => Fields(fields),
        IEnumerable items => items.Cast<object?>().Select(ToResult).ToList(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A struct's or map's entries by key (read through the dictionary enumerator, which yields <see cref="DictionaryEntry"/> whatever the dictionary's type).</summary>
    private static Dictionary<string, object?> Fields(IDictionary fields)
    {
        var converted = new Dictionary<string, object?>(fields.Count, StringComparer.Ordinal);
        var entry = fields.GetEnumerator();
        while (entry.MoveNext())
        {
            converted[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = ToResult(entry.Value);
        }

        return converted;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
