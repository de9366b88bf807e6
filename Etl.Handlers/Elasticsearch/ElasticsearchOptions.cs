using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers.Elasticsearch;

/// <summary>The elasticsearch handler's options, with their defaults and checks.</summary>
internal sealed partial class ElasticsearchOptions
{
    public const string IndexOption = "index";
    public const string QueryOption = "query";
    public const string IdColumnOption = "id_column";
    public const string TimeFieldOption = "time_field";
    public const string FromOption = "from";
    public const string ToOption = "to";
    public const string SlicesOption = "slices";
    public const string PageSizeOption = "page_size";
    public const string SortFieldsOption = "sort_fields";
    public const string AuthSchemeOption = "auth_scheme";
    public const string HitId = "_id";

    public ElasticsearchOptions(EtlOptions options)
    {
        Index = options.GetString(IndexOption) ?? string.Empty;
        Query = options.Get(QueryOption);
        IdColumn = options.GetString(IdColumnOption) ?? HitId;
        TimeField = options.GetString(TimeFieldOption);
        From = ParseTime(options.GetString(FromOption));
        To = ParseTime(options.GetString(ToOption));
        Slices = (int)options.GetInt64(SlicesOption, 1);
        PageSize = (int)options.GetInt64(PageSizeOption, 1000);
        AuthScheme = options.GetString(AuthSchemeOption) ?? "ApiKey";
        SortFields = options.Get(SortFieldsOption) is { ValueKind: JsonValueKind.Array } sort
            ? [.. sort.EnumerateArray().Select(field => field.ValueKind == JsonValueKind.String ? field.GetString()! : string.Empty)]
            : [.. new[] { TimeField, IdColumn == HitId ? null : IdColumn }.OfType<string>()];
    }

    public string Index { get; }

    public JsonElement? Query { get; }

    public string IdColumn { get; }

    public string? TimeField { get; }

    public DateTimeOffset? From { get; }

    public DateTimeOffset? To { get; }

    public int Slices { get; }

    public int PageSize { get; }

    public string AuthScheme { get; }

    public IReadOnlyList<string> SortFields { get; }

    public static void Validate(EtlRequest request, ICollection<FieldError> errors)
    {
        var options = new EtlOptions(request.Options);
        if (SourceHttp.CheckUrl(request.Server) is { } problem)
        {
            errors.Add(new FieldError("server", problem));
        }

        options.CheckString(IndexOption, errors, required: true);
        options.CheckString(IdColumnOption, errors);
        options.CheckString(TimeFieldOption, errors);
        options.CheckString(FromOption, errors);
        options.CheckString(ToOption, errors);
        options.CheckString(AuthSchemeOption, errors);
        options.CheckInteger(SlicesOption, 1, 256, errors);
        options.CheckInteger(PageSizeOption, 1, 10_000, errors);
        if (options.GetString(IndexOption) is { } index && !IndexName().IsMatch(index))
        {
            errors.Add(new FieldError("options.index", "'options.index' must be an index name or pattern, such as logs-2024.*"));
        }

        if (options.Get(QueryOption) is { ValueKind: not JsonValueKind.Object })
        {
            errors.Add(new FieldError("options.query", "'options.query' must be an Elasticsearch query object, such as {\"match_all\": {}}."));
        }

        if (options.Get(SortFieldsOption) is { ValueKind: not JsonValueKind.Array })
        {
            errors.Add(new FieldError("options.sort_fields", "'options.sort_fields' must be an array of field names."));
        }

        if (options.GetString(AuthSchemeOption) is { } scheme && scheme is not ("ApiKey" or "Bearer"))
        {
            errors.Add(new FieldError("options.auth_scheme", "'options.auth_scheme' must be ApiKey or Bearer."));
        }

        foreach (var name in new[] { FromOption, ToOption })
        {
            if (options.GetString(name) is { } time && ParseTime(time) is null)
            {
                errors.Add(new FieldError($"options.{name}", $"'options.{name}' must be an ISO 8601 time, such as 2024-01-01T00:00:00Z."));
            }
        }

        var parsed = new ElasticsearchOptions(options);
        if (parsed.Slices > 1 && (parsed.TimeField is null || parsed.From is null || parsed.To is null || parsed.To <= parsed.From))
        {
            errors.Add(new FieldError("options.slices", "Time slices need 'options.time_field' and 'options.from' before 'options.to'."));
        }

        if (parsed.SortFields.Count == 0 || parsed.SortFields.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(new FieldError("options.sort_fields", "Paging needs a sort: name 'options.sort_fields', a 'time_field' or a source 'id_column'."));
        }
    }

    /// <summary>The time slices to plan, or none when the source is not sliced by time.</summary>
    public IReadOnlyList<PartitionRange> TimeSlices()
    {
        if (TimeField is null || From is not { } from || To is not { } to || to <= from)
        {
            return [];
        }

        var width = (to - from) / Slices;
        return [.. Enumerable.Range(0, Slices).Select(i => new PartitionRange(
            Format(from + (width * i)),
            Format(i == Slices - 1 ? to : from + (width * (i + 1))),
            i == Slices - 1))];
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    [GeneratedRegex(@"^[a-z0-9*][a-z0-9_.*,\-]{0,254}$")]
    private static partial Regex IndexName();
}
