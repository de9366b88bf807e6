using System.Globalization;
using Fractal.FunctionApp.Web;
using Microsoft.DurableTask.Client;

namespace Fractal.FunctionApp.Instances;

/// <summary>
/// The filters of <c>GET /api/instances</c>, read from the query string: <c>status</c> (comma-separated runtime
/// statuses), <c>name</c> (orchestration name prefix, any case), <c>id_prefix</c>, <c>created_from</c> and
/// <c>created_to</c> (ISO 8601), <c>page_size</c> and <c>continuation_token</c>. A bad value is a 400 naming it.
/// </summary>
internal sealed record InstanceQuery(
    IReadOnlyList<OrchestrationRuntimeStatus> Statuses,
    string? NamePrefix,
    string? IdPrefix,
    DateTimeOffset? CreatedFrom,
    DateTimeOffset? CreatedTo,
    int PageSize,
    string? ContinuationToken)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;
    private const int MaxTextLength = 256;
    private const int MaxTokenLength = 8192;

    /// <summary>Reads the query, opening the continuation token with <paramref name="tokens"/>; throws a 400 problem naming the first bad parameter.</summary>
    public static InstanceQuery Read(HttpRequest request, InstanceTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tokens);
        var from = Time(request, "created_from");
        var to = Time(request, "created_to");
        if (from is not null && to is not null && from > to)
        {
            throw HttpProblemException.BadRequest("created_to", "created_to must not be before created_from.");
        }

        return new InstanceQuery(
            StatusesOf(request),
            Text(request, "name"),
            Text(request, "id_prefix"),
            from,
            to,
            PageSizeOf(request),
            Text(request, InstanceTokens.Field, MaxTokenLength) is { } token ? tokens.Open(token) : null);
    }

    /// <summary>
    /// The engine's query for one page of this filter (the name is filtered afterwards: the engine cannot). It fetches
    /// inputs and outputs, as the custom status (the progress the list shows) comes only with them.
    /// </summary>
    public OrchestrationQuery ToEngineQuery() => new()
    {
        Statuses = Statuses.Count == 0 ? null : Statuses,
        InstanceIdPrefix = IdPrefix,
        CreatedFrom = CreatedFrom,
        CreatedTo = CreatedTo,
        PageSize = PageSize,
        ContinuationToken = ContinuationToken,
        FetchInputsAndOutputs = true,
    };

    /// <summary>Whether <paramref name="name"/> passes the name filter.</summary>
    public bool Matches(string name) => NamePrefix is null || name.StartsWith(NamePrefix, StringComparison.OrdinalIgnoreCase);

    private static List<OrchestrationRuntimeStatus> StatusesOf(HttpRequest request)
    {
        var text = Text(request, "status");
        if (text is null)
        {
            return [];
        }

        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<OrchestrationRuntimeStatus>(part, ignoreCase: true, out var status) || !Enum.IsDefined(status) || part.All(char.IsAsciiDigit))
            {
                throw HttpProblemException.BadRequest(
                    "status", $"'{part}' is not a runtime status; use {string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())}.");
            }

            statuses.Add(status);
        }

        return statuses;
    }

    private static DateTimeOffset? Time(HttpRequest request, string name)
    {
        var text = Text(request, name);
        return text is null ? null
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time
            : throw HttpProblemException.BadRequest(name, $"{name} must be a date and time in ISO 8601, such as 2026-01-31T12:00:00Z.");
    }

    private static int PageSizeOf(HttpRequest request)
    {
        var text = Text(request, "page_size");
        return text is null ? DefaultPageSize
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize ? size
            : throw HttpProblemException.BadRequest("page_size", $"page_size must be a whole number from 1 to {MaxPageSize}.");
    }

    private static string? Text(HttpRequest request, string name, int maxLength = MaxTextLength)
    {
        var values = request.Query[name];
        if (values.Count > 1)
        {
            throw HttpProblemException.BadRequest(name, $"{name} is given more than once.");
        }

        var text = values.ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return text.Length <= maxLength && !text.Any(char.IsControl) && !text.Any(char.IsSurrogate)
            ? text
            : throw HttpProblemException.BadRequest(name, $"{name} must be at most {maxLength} printable characters.");
    }
}
