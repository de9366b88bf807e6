using System.Runtime.CompilerServices;
using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers.Json;

/// <summary>
/// <c>json</c>: a JSON array of objects or NDJSON (one object a line) from inline text, an upload or a
/// URL, streamed record by record. Descriptor fields and <c>options.id_column</c> (default <c>id</c>)
/// are JSON paths (<c>$.a.b</c> or <c>a.b</c>); <c>options.format</c> is <c>array</c>, <c>ndjson</c> or
/// <c>auto</c> (the default: an array when the text starts with <c>[</c>).
/// </summary>
public sealed class JsonHandler : IEtlHandler
{
    public const string HandlerName = "json";
    public const string IdColumnOption = "id_column";
    public const string FormatOption = "format";

    public string Name => HandlerName;

    public string Description => "A JSON array or NDJSON from options.data, an upload or an http(s) URL in server; fields are JSON paths.";

    public IReadOnlyList<FieldError> Validate(EtlRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        TextSource.Validate(request, errors);
        var options = new EtlOptions(request.Options);
        options.CheckString(IdColumnOption, errors);
        options.CheckString(FormatOption, errors);
        if (options.GetString(IdColumnOption) is { } id && !JsonPath.TryParse(id, out _))
        {
            errors.Add(new FieldError("options.id_column", "'options.id_column' must be a JSON path such as $.id."));
        }

        if (options.GetString(FormatOption) is { } format && format is not ("auto" or "array" or "ndjson"))
        {
            errors.Add(new FieldError("options.format", "'options.format' must be auto, array or ndjson."));
        }

        for (var i = 0; i < request.Descriptors!.Count; i++)
        {
            var descriptor = request.Descriptors[i];
            foreach (var field in new[] { descriptor.Field, descriptor.TimeField, descriptor.EventField }.Concat(descriptor.Fields ?? []))
            {
                if (field is not null && !JsonPath.TryParse(field, out _))
                {
                    errors.Add(new FieldError($"descriptors[{i}]", $"'{field}' is not a JSON path such as $.a.b."));
                }
            }
        }

        return errors;
    }

    public async IAsyncEnumerable<DatasetTable> ExtractAsync(EtlPartition partition, EtlExtractContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(context);
        var options = partition.Source.OptionValues;
        var shaper = new JsonRecordShaper(partition.Descriptor, options.GetString(IdColumnOption) ?? "id", context.Settings.BatchRows);
        await using var stream = await TextSource.OpenAsync(partition, context, cancellationToken);
        await foreach (var record in JsonRecordStream.ReadAsync(stream, options.GetString(FormatOption) ?? "auto", cancellationToken))
        {
            shaper.Add(record);
            if (shaper.IsFull)
            {
                yield return shaper.TakeBatch();
            }
        }

        if (shaper.Finish() is { } last)
        {
            yield return last;
        }
    }
}
