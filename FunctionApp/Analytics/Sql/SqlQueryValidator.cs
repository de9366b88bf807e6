using System.Collections.Frozen;
using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Sql;

namespace Fractal.FunctionApp.Analytics.Sql;

/// <summary>
/// Checks a <c>sql</c> query before it runs, with DuckDB's own parser rather than patterns: in a
/// fresh, empty sandbox, <c>json_serialize_sql</c> turns SELECT statements (and only those) into a
/// syntax tree, which is then walked. The query must be exactly one SELECT; every table it reads
/// must be one of the request's tables (or a CTE of its own), unqualified, so no catalog view, no
/// other schema, and no file by its path; the only table functions are the generated series
/// <c>range</c>, <c>generate_series</c> and <c>unnest</c>; no function that reads files, secrets,
/// settings or the environment, and no parameters. The sandbox that runs the query forbids file and
/// network access in any case; this check is what turns such a query into a 400 before it starts.
/// </summary>
public static class SqlQueryValidator
{
    private static readonly SqlSettings s_parserSettings = new() { MemoryLimitMegabytes = 64, Threads = 1 };

    private static readonly FrozenSet<string> s_tableFunctions =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "range", "generate_series", "unnest");

    private static readonly FrozenSet<string> s_forbiddenFunctions =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "getenv", "which_secret", "current_setting", "query", "query_table", "json_execute_serialized_sql");

    private static readonly string[] s_forbiddenPrefixes = ["read_", "duckdb_", "pragma_", "parquet_", "sniff_", "glob"];

    /// <summary>Checks <paramref name="query"/> against the names of the tables it may read.</summary>
    /// <exception cref="AnalysisArgumentException">Why the query may not run, naming <c>query</c>.</exception>
    public static void Validate(string query, IReadOnlyCollection<string> tableNames)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(tableNames);
        if (query.Length > SqlAnalysis.MaxQueryLength)
        {
            throw Reject($"query has {query.Length} characters; the most a query may have is {SqlAnalysis.MaxQueryLength}.");
        }

        string json;
        using (var sandbox = SqlSandbox.Open(s_parserSettings))
        {
            json = sandbox.SyntaxTree(query);
        }

        using var tree = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 10_000 });
        var root = tree.RootElement;
        if (root.GetProperty("error").GetBoolean())
        {
            throw root.GetProperty("error_type").GetString() == "not implemented"
                ? Reject("query must be one SELECT statement (SELECT, WITH ... SELECT, FROM ..., VALUES, DESCRIBE or SUMMARIZE); "
                    + "statements that write, attach, copy, export, set, pragma, install or load are not run.")
                : Reject($"query does not parse: {root.GetProperty("error_message").GetString()}");
        }

        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() != 1)
        {
            throw Reject($"query must be exactly one SELECT statement; it has {statements.GetArrayLength()}.");
        }

        Walk(statements[0], new HashSet<string>(tableNames, StringComparer.OrdinalIgnoreCase), tableNames);
    }

    private static void Walk(JsonElement node, HashSet<string> readable, IReadOnlyCollection<string> tableNames)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                Walk(item, readable, tableNames);
            }

            return;
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        // A query's common table expressions are readable within it (their own bodies too, for WITH RECURSIVE), not outside it.
        if (node.TryGetProperty("cte_map", out var ctes) && ctes.ValueKind == JsonValueKind.Object
            && ctes.TryGetProperty("map", out var map) && map.ValueKind == JsonValueKind.Array && map.GetArrayLength() > 0)
        {
            readable = new HashSet<string>(readable, StringComparer.OrdinalIgnoreCase);
            readable.UnionWith(map.EnumerateArray().Select(entry => entry.GetProperty("key").GetString()!));
        }

        switch (Text(node, "type"))
        {
            case "BASE_TABLE":
                CheckTable(node, readable, tableNames);
                break;
            case "TABLE_FUNCTION":
                CheckTableFunction(node);
                break;
            case "SHOW_REF" when node.GetProperty("query").ValueKind == JsonValueKind.Null:
                throw Reject("query may not SHOW the database's catalog; DESCRIBE or SUMMARIZE one of its tables instead.");
        }

        switch (Text(node, "class"))
        {
            case "FUNCTION":
                CheckFunction(Text(node, "function_name"));
                break;
            case "PARAMETER":
                throw Reject("query has a parameter (? or $name); write its value into the query.");
        }

        foreach (var property in node.EnumerateObject())
        {
            Walk(property.Value, readable, tableNames);
        }
    }

    private static void CheckTable(JsonElement node, HashSet<string> readable, IReadOnlyCollection<string> tableNames)
    {
        var name = Text(node, "table_name") ?? string.Empty;
        var qualifier = string.Join('.', new[] { Text(node, "catalog_name"), Text(node, "schema_name") }.Where(part => !string.IsNullOrEmpty(part)));
        if (qualifier.Length > 0)
        {
            throw Reject($"query reads '{qualifier}.{name}'; it may read only its own tables ({List(tableNames)}), by their plain names.");
        }

        if (!readable.Contains(name))
        {
            throw Reject($"query reads '{name}', which is not one of its tables ({List(tableNames)}); name every dataset it reads in tables.");
        }
    }

    private static void CheckTableFunction(JsonElement node)
    {
        var name = Text(node.GetProperty("function"), "function_name") ?? string.Empty;
        if (!s_tableFunctions.Contains(name))
        {
            throw Reject($"query calls the table function '{name}'; the only table functions allowed are {List(s_tableFunctions)}.");
        }
    }

    private static void CheckFunction(string? name)
    {
        if (name is not null && (s_forbiddenFunctions.Contains(name) || s_forbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))))
        {
            throw Reject($"query calls '{name}', which reaches outside the query's tables (files, settings, secrets or the catalog).");
        }
    }

    private static string? Text(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string List(IEnumerable<string> names) => string.Join(", ", names.Order(StringComparer.Ordinal));

    private static AnalysisArgumentException Reject(string reason) => new("query", reason);
}
