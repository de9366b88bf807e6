using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Fractal.Domain.Data;
using Fractal.Etl.Handlers.Json;

namespace Fractal.Etl.Handlers.Portal;

/// <summary>
/// <c>portal</c>: a TranSMART-style REST data portal. Descriptor fields are concept paths, each read with
/// <c>GET {server}/observations?concept_path=..&amp;limit=..</c> and the HAL answer's
/// <c>_links.next.href</c> followed page by page (same origin only). Each observation carries
/// <c>subject</c> (<c>inTrialId</c>, or <c>id</c>; <c>options.id_field</c> picks) and <c>value</c>. The
/// request's token goes out as <c>Authorization: Bearer</c>.
/// </summary>
public sealed class PortalHandler : IEtlHandler
{
    public const string HandlerName = "portal";
    public const string IdFieldOption = "id_field";
    public const string PageSizeOption = "page_size";

    public string Name => HandlerName;

    public string Description => "TranSMART-style HAL observations of a data portal by concept path.";

    public IReadOnlyList<FieldError> Validate(EtlRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        if (SourceHttp.CheckUrl(request.Server) is { } problem)
        {
            errors.Add(new FieldError("server", problem));
        }

        var options = new EtlOptions(request.Options);
        options.CheckString(IdFieldOption, errors);
        options.CheckInteger(PageSizeOption, 1, 10_000, errors);
        for (var i = 0; i < request.Descriptors!.Count; i++)
        {
            if (request.Descriptors[i].FieldPrefix is not null && request.Descriptors[i].Fields is not { Count: > 0 })
            {
                errors.Add(new FieldError($"descriptors[{i}].field_prefix", "The portal needs concept paths named one by one in 'fields'."));
            }
        }

        return errors;
    }

    public async IAsyncEnumerable<DatasetTable> ExtractAsync(EtlPartition partition, EtlExtractContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(context);
        var options = partition.Source.OptionValues;
        var idField = options.GetString(IdFieldOption) ?? "inTrialId";
        var pageSize = options.GetInt64(PageSizeOption, 500);
        var server = new Uri(partition.Source.Server!.TrimEnd('/') + "/");
        var shape = DescriptorShape.Resolve(partition.Descriptor, null);
        var subjects = new SubjectTable(shape.SourceFields.Count);
        for (var field = 0; field < shape.SourceFields.Count; field++)
        {
            var concept = shape.SourceFields[field];
            var next = new Uri(server, string.Create(CultureInfo.InvariantCulture, $"observations?concept_path={Uri.EscapeDataString(concept)}&offset=0&limit={pageSize}"));
            var seen = false;
            while (next is not null)
            {
                using var page = await GetPageAsync(context, next, cancellationToken);
                foreach (var observation in Observations(page.RootElement))
                {
                    seen = true;
                    var subject = observation.TryGetProperty("subject", out var who) ? who : default;
                    var id = JsonValues.ToId(subject.ValueKind == JsonValueKind.Object && subject.TryGetProperty(idField, out var named) ? named
                        : subject.ValueKind == JsonValueKind.Object && subject.TryGetProperty("id", out var plain) ? plain : null);
                    subjects.Set(id ?? string.Empty, field, JsonValues.ToSourceValue(observation.TryGetProperty("value", out var value) ? value : null));
                }

                next = NextPage(page.RootElement, server);
            }

            if (!seen)
            {
                throw new EtlDataException($"unknown column '{concept}': the portal has no observations of it", concept);
            }
        }

        var batcher = new DatasetBatcher(shape, context.Settings.BatchRows);
        for (var row = 0; row < subjects.Count; row++)
        {
            batcher.Add(subjects.Id(row), subjects.Values(row), row + 1);
            if (batcher.IsFull)
            {
                yield return batcher.TakeBatch();
            }
        }

        if (!batcher.IsEmpty)
        {
            yield return batcher.TakeBatch();
        }
    }

    private static async Task<JsonDocument> GetPageAsync(EtlExtractContext context, Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        SourceHttp.Authorize(request, context.Token);
        return await SourceHttp.ReadJsonAsync(context, request, cancellationToken);
    }

    private static JsonElement.ArrayEnumerator Observations(JsonElement page) =>
        page.TryGetProperty("_embedded", out var embedded) && embedded.TryGetProperty("observations", out var observations) && observations.ValueKind == JsonValueKind.Array
            ? observations.EnumerateArray()
            : throw new SourceFailedException("the portal's answer has no _embedded.observations");

    /// <summary>The next page's URL; only on the portal's own origin, so a page cannot send the token elsewhere.</summary>
    private static Uri? NextPage(JsonElement page, Uri server)
    {
        if (!page.TryGetProperty("_links", out var links) || !links.TryGetProperty("next", out var next) || !next.TryGetProperty("href", out var href) || href.GetString() is not { } text)
        {
            return null;
        }

        var url = new Uri(server, text);
        return Uri.Compare(url, server, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? url
            : throw new SourceFailedException("the portal's next page is on another server");
    }
}
