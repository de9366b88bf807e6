using System.Globalization;
using System.Numerics;
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

    public static int PageSize(HttpRequest request) => Number(request, "top", 1, 1000, NumberStyles.None, "a whole number") ?? 100;

    public static TimeSpan? Seconds(HttpRequest request, string name) =>
        Number(request, name, 0.0, 3600.0, NumberStyles.Float, "a number of seconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>The number <paramref name="name"/> holds, from <paramref name="min"/> to <paramref name="max"/>; null when absent.</summary>
    private static T? Number<T>(HttpRequest request, string name, T min, T max, NumberStyles styles, string what)
        where T : struct, INumber<T>
    {
        var text = Text(request, name);
        if (text is null)
        {
            return null;
        }

        return T.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw HttpProblemException.BadRequest(name, $"{name} must be {what} from {min} to {max}.");
    }

    public static string? Text(HttpRequest request, string name)
    {
        string? text = request.Query[name];
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
