using System.Text.Json;
using Fractal.Domain.Analyses;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// A dataset argument: its id, given as a string, or an object <c>{"id": "...", "filters": {"feature": [...]}}</c>
/// that keeps only the listed features (the listed values of a categorical dataset), as Fractalis' front-end filters.
/// </summary>
public sealed record DatasetReference(string Id, IReadOnlyList<string> Keep)
{
    /// <summary>Reads the reference in <paramref name="value"/>; <paramref name="argument"/> names it in errors.</summary>
    /// <exception cref="AnalysisArgumentException">The value is neither an id nor a reference object.</exception>
    public static DatasetReference Parse(JsonElement value, string argument)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return new DatasetReference(value.GetString()!, []);
        }

        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } dataId)
        {
            throw new AnalysisArgumentException(argument, $"{argument} must be a dataset id or an object {{\"id\": \"...\", \"filters\": {{\"feature\": [...]}}}}.");
        }

        if (!value.TryGetProperty("filters", out var filters) || filters.ValueKind == JsonValueKind.Null)
        {
            return new DatasetReference(dataId, []);
        }

        if (filters.ValueKind != JsonValueKind.Object)
        {
            throw new AnalysisArgumentException($"{argument}.filters", $"{argument}.filters must be an object such as {{\"feature\": [...]}}.");
        }

        var keep = new List<string>();
        foreach (var filter in filters.EnumerateObject())
        {
            if (filter.Name != "feature")
            {
                throw new AnalysisArgumentException($"{argument}.filters.{filter.Name}", $"{argument}.filters.{filter.Name} is not a filter; datasets are filtered by feature.");
            }

            if (filter.Value.ValueKind != JsonValueKind.Array || filter.Value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                throw new AnalysisArgumentException($"{argument}.filters.feature", $"{argument}.filters.feature must be a list of strings.");
            }

            keep.AddRange(filter.Value.EnumerateArray().Select(e => e.GetString()!));
        }

        return new DatasetReference(dataId, keep);
    }
}
