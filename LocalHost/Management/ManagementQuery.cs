using System.Globalization;
using Fractal.LocalHost.Http;
using Microsoft.DurableTask.Client;

namespace Fractal.LocalHost.Management;

/// <summary>Reads the management API's query parameters; a malformed one is a 400 problem naming it.</summary>
internal static class ManagementQuery
{
    public static bool Flag(HttpRequest request, string name, bool fallback)
    {
        var text = Text(request, name);
        return text is null ? fallback
            : bool.TryParse(text, out var value) ? value
            : throw HttpProblemException.BadRequest(name, $"{name} must be true or false.");
    }

    public static DateTimeOffset? Time(HttpRequest request, string name)
    {
        var text = Text(request, name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw HttpProblemException.BadRequest(name, $"{name} must be an ISO 8601 date and time.");
    }

    public static IReadOnlyList<OrchestrationRuntimeStatus>? Statuses(HttpRequest request)
    {
        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (var value in request.Query["runtimeStatus"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Enum.TryParse<OrchestrationRuntimeStatus>(value, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                throw HttpProblemException.BadRequest("runtimeStatus", $"'{value}' is not a runtime status; use {string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())}.");
            }

            statuses.Add(status);
        }

        return statuses.Count == 0 ? null : statuses;
    }

    public static int PageSize(HttpRequest request)
    {
        var text = Text(request, "top");
        if (text is null)
        {
            return 100;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var top) && top is >= 1 and <= 1000
            ? top
            : throw HttpProblemException.BadRequest("top", "top must be a whole number from 1 to 1000.");
    }

    public static TimeSpan? Seconds(HttpRequest request, string name)
    {
        var text = Text(request, name);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw HttpProblemException.BadRequest(name, $"{name} must be a number of seconds from 0 to 3600.");
    }

    public static string? Text(HttpRequest request, string name)
    {
        string? text = request.Query[name];
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
