using System.Text;
using System.Text.Json.Nodes;

namespace Fractal.FunctionApp.Tests.Robustness;

/// <summary>The malformed pieces the fuzz test puts in bodies, fields, route values, query values and headers.</summary>
internal static class MalformedInputs
{
    /// <summary>A URL-escaped NUL character.</summary>
    public const string Nul = "%00";

    private const string Hole = "\"__fuzz_hole__\"";

    /// <summary>Whole bodies that are not the JSON document a route expects.</summary>
    public static IReadOnlyList<(string Flaw, byte[] Body)> Bodies { get; } =
    [
        ("empty body", []),
        ("blank body", Utf8("  \r\n ")),
        ("unclosed object", Utf8("{")),
        ("unclosed array", Utf8("[1,")),
        ("missing value", Utf8("{\"handler\":}")),
        ("trailing garbage", Utf8("{\"handler\":\"demo\"}}")),
        ("unquoted key", Utf8("{handler:1}")),
        ("single quotes", Utf8("{'handler':'demo'}")),
        ("truncated literal", Utf8("nul")),
        ("bare NaN", Utf8("NaN")),
        ("bare Infinity", Utf8("Infinity")),
        ("JSON null", Utf8("null")),
        ("JSON array", Utf8("[]")),
        ("JSON number", Utf8("0")),
        ("JSON string", Utf8("\"text\"")),
        ("JSON true", Utf8("true")),
        ("raw invalid UTF-8", [0xFF, 0xFE, 0xFD, 0x7B]),
        ("invalid UTF-8 in a key", [.. Utf8("{\""), 0xC3, 0x28, .. Utf8("\":1}")]),
        ("invalid UTF-8 in a string", [.. Utf8("{\"handler\":\""), 0xFF, .. Utf8("\",\"task_name\":\""), 0xFF, .. Utf8("\"}")]),
        ("nested too deep", Utf8(new string('[', 5000) + new string(']', 5000))),
        ("huge number", Utf8("1e400")),
        ("huge string", Utf8("{\"handler\":\"" + new string('h', 2_000_000) + "\",\"task_name\":\"" + new string('t', 1000) + "\"}")),
    ];

    /// <summary>JSON values put in place of one field of a valid body: wrong types, huge values, NaN strings, invalid UTF-8.</summary>
    public static IReadOnlyList<(string Flaw, byte[] Value)> FieldValues { get; } =
    [
        ("a number", Utf8("0")),
        ("a boolean", Utf8("true")),
        ("an array", Utf8("[1,\"a\",null]")),
        ("an object", Utf8("{\"a\":1}")),
        ("null", Utf8("null")),
        ("a string", Utf8("\"text\"")),
        ("1e400", Utf8("1e400")),
        ("-1e400", Utf8("-1e400")),
        ("a 40-digit integer", Utf8("1234567890123456789012345678901234567890")),
        ("a 100 kB string", Utf8("\"" + new string('x', 100_000) + "\"")),
        ("\"NaN\"", Utf8("\"NaN\"")),
        ("\"Infinity\"", Utf8("\"-Infinity\"")),
        ("invalid UTF-8", [0x22, 0xC3, 0x28, 0x22]),
        ("an encoded surrogate", [0x22, 0xED, 0xA0, 0x80, 0x22]),
        ("a lone surrogate escape", Utf8("\"\\ud800\"")),
        ("a NUL escape", Utf8("\"a\\u0000b\"")),
    ];

    /// <summary>Route values, already URL-escaped, that name nothing or are not valid ids at all.</summary>
    public static IReadOnlyList<(string Flaw, string Value)> RouteValues { get; } =
    [
        ("unknown id", "no-such-id-0"),
        ("NaN", "NaN"),
        ("negative", "-1"),
        ("huge number", "1e400"),
        ("4000 characters", new string('x', 4000)),
        ("invalid UTF-8", "%FF%FE%FD"),
        ("overlong UTF-8", "%C0%AF"),
        ("encoded surrogate", "%ED%A0%80"),
        ("NUL", Nul),
        ("control character", "a%07b"),
        ("right-to-left mark", "%E2%80%AE"),
        ("escaped slash", "a%2Fb"),
        ("backslash", "a%5Cb"),
        ("hash and question mark", "a%23b%3Fc"),
        ("percent", "%25"),
        ("spaces", "%20%20"),
        ("quotes", "%27%22%3B--"),
        ("Fractalis reference", "%24x%24"),
    ];

    /// <summary>Query parameters the app's routes read (any route ignores the ones it does not know).</summary>
    public static IReadOnlyList<string> QueryNames { get; } =
    [
        "offset", "limit", "top", "runtimeStatus", "createdTimeFrom", "createdTimeTo", "instanceIdPrefix",
        "showInput", "showHistory", "showHistoryOutput", "waitForCompletion", "wait", "count", "delayMs",
        "crashAt", "timeoutSeconds", "reason", "instanceId",
    ];

    /// <summary>Query values, URL-escaped; the first is the probe that tells whether a route reads the parameter.</summary>
    public static IReadOnlyList<(string Flaw, string Value)> QueryValues { get; } =
    [
        ("garbage", "garbage%21"),
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        ("-Infinity", "-Infinity"),
        ("negative", "-1"),
        ("1e400", "1e400"),
        ("a 40-digit integer", "1234567890123456789012345678901234567890"),
        ("3000 characters", new string('9', 3000)),
        ("invalid UTF-8", "%FF%FE"),
        ("NUL", "%00"),
        ("out-of-range date", "0001-01-01T00%3A00%3A00-14%3A00"),
    ];

    /// <summary>Continuation tokens no page of the instance list ever handed out.</summary>
    public static IReadOnlyList<(string Flaw, string Value)> ContinuationTokens { get; } =
    [
        ("garbage", "garbage"),
        ("an instance id", "zzzz"),
        ("base64 of nothing known", Convert.ToBase64String(Utf8("{\"next\":\"x\"}"))),
        ("padding only", "===="),
        ("4000 characters", new string('A', 4000)),
        ("symbols", "%%%%^^&&"),
        ("JSON", "{\"a\":1}"),
    ];

    /// <summary>
    /// Bodies that are <paramref name="template"/> with one field (at any depth) replaced by each of
    /// <see cref="FieldValues"/>.
    /// </summary>
    public static IEnumerable<(string Flaw, byte[] Body)> WithEachFieldReplaced(JsonObject template)
    {
        ArgumentNullException.ThrowIfNull(template);
        foreach (var path in Paths(template))
        {
            var copy = template.DeepClone().AsObject();
            Replace(copy, path);
            var text = copy.ToJsonString();
            var cut = text.IndexOf(Hole, StringComparison.Ordinal);
            var before = Utf8(text[..cut]);
            var after = Utf8(text[(cut + Hole.Length)..]);
            foreach (var (flaw, value) in FieldValues)
            {
                yield return ($"{string.Join('.', path)} is {flaw}", [.. before, .. value, .. after]);
            }
        }
    }

    private static IEnumerable<IReadOnlyList<object>> Paths(JsonNode node, IReadOnlyList<object>? prefix = null)
    {
        prefix ??= [];
        var children = node switch
        {
            JsonObject obj => obj.Select(p => ((object)p.Key, p.Value)),
            JsonArray array => array.Select((v, i) => ((object)i, v)),
            _ => [],
        };
        foreach (var (key, child) in children)
        {
            IReadOnlyList<object> path = [.. prefix, key];
            yield return path;
            if (child is not null)
            {
                foreach (var deeper in Paths(child, path))
                {
                    yield return deeper;
                }
            }
        }
    }

    private static void Replace(JsonNode root, IReadOnlyList<object> path)
    {
        var parent = root;
        foreach (var key in path.Take(path.Count - 1))
        {
            parent = key is int index ? parent[index]! : parent[(string)key]!;
        }

        var hole = JsonValue.Create("__fuzz_hole__");
        if (path[^1] is int last)
        {
            parent.AsArray()[last] = hole;
        }
        else
        {
            parent.AsObject()[(string)path[^1]] = hole;
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
