using System.Text.RegularExpressions;

namespace Fractal.Etl.Handlers.Postgres;

/// <summary>
/// The first line of defence for <c>options.query</c>: one statement, starting with SELECT, with no
/// comments and no clause that writes or locks. The read-only transaction is the second.
/// </summary>
internal static partial class SelectQueryGuard
{
    /// <summary>Why the query is refused, or null when it passes.</summary>
    public static string? Check(string query)
    {
        var text = query.Trim();
        if (text.EndsWith(';'))
        {
            text = text[..^1].TrimEnd();
        }

        if (text.Contains(';', StringComparison.Ordinal))
        {
            return "'options.query' must be a single statement.";
        }

        if (text.Contains("--", StringComparison.Ordinal) || text.Contains("/*", StringComparison.Ordinal))
        {
            return "'options.query' must not contain comments.";
        }

        if (!StartsWithSelect().IsMatch(text))
        {
            return "'options.query' must be a SELECT.";
        }

        return Forbidden().Match(text) is { Success: true } match
            ? $"'options.query' must only read; it contains '{match.Value.ToUpperInvariant()}'."
            : null;
    }

    [GeneratedRegex(@"^select\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartsWithSelect();

    [GeneratedRegex(
        @"\b(into|insert|update|delete|merge|create|alter|drop|truncate|grant|revoke|copy|call|lock|vacuum|listen|notify)\b|\bfor\s+(no\s+key\s+)?(update|share|key\s+share)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Forbidden();
}
