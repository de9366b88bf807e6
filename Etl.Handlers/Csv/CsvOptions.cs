using CsvHelper;

namespace Fractal.Etl.Handlers.Csv;

/// <summary>The csv handler's options, with their defaults.</summary>
internal sealed class CsvOptions
{
    public const string DelimiterOption = "delimiter";
    public const string HeaderOption = "header";
    public const string IdColumnOption = "id_column";

    public CsvOptions(EtlOptions options)
    {
        Delimiter = NormalizeDelimiter(options.GetString(DelimiterOption) ?? ",")[0];
        HasHeader = options.GetBoolean(HeaderOption, true);
        IdColumn = options.GetString(IdColumnOption) ?? (HasHeader ? "id" : "0");
    }

    public char Delimiter { get; }

    public bool HasHeader { get; }

    public string IdColumn { get; }

    public static bool IsValidDelimiter(string delimiter) =>
        NormalizeDelimiter(delimiter) is { Length: 1 } normalized && char.IsAscii(normalized[0]) && normalized[0] is not ('"' or '\r' or '\n');

    public CsvReaderOptions ToReaderOptions() => new()
    {
        Separator = Delimiter,
        HasHeader = HasHeader,
        Mode = CsvMode.Rfc4180,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        TrimWhitespace = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        IncludeValuesInExceptions = false,
        DetectSeparatorHint = false,
        PoolStrings = true,
    };

    private static string NormalizeDelimiter(string delimiter) => delimiter switch
    {
        "\\t" or "tab" => "\t",
        _ => delimiter,
    };
}
