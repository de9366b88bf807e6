using System.Text.Json.Nodes;

namespace Fractal.Infra.Tests.Azure;

/// <summary><c>infra/azure/main.bicep</c> compiled once by <c>bicep build</c>: the ARM JSON and its resources, nested modules included.</summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    private JsonObject? _root;

    internal BicepResult Build { get; private set; } = new(-1, string.Empty, string.Empty);

    public JsonObject Root => _root ?? throw new InvalidOperationException("The template did not build: " + Build.Diagnostics);

    public string Text => Root.ToJsonString();

    /// <summary>Every resource, in the main template and in each module's nested template.</summary>
    public IReadOnlyList<JsonObject> Resources => [.. ResourcesOf(Root)];

    /// <summary>Every template: the main one and each module's.</summary>
    public IReadOnlyList<JsonObject> Templates => [.. TemplatesOf(Root)];

    public async Task InitializeAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), $"fractal-main-{Guid.NewGuid():N}.json");
        try
        {
            Build = await BicepCli.RunAsync(["build", BicepCli.MainTemplate, "--outfile", output]);
            if (Build.ExitCode == 0)
            {
                _root = JsonNode.Parse(await File.ReadAllTextAsync(output))!.AsObject();
            }
        }
        finally
        {
            File.Delete(output);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The resources of type <paramref name="type"/>.</summary>
    public IReadOnlyList<JsonObject> OfType(string type) =>
        [.. Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase))];

    private static IEnumerable<JsonObject> TemplatesOf(JsonObject template)
    {
        yield return template;
        foreach (var resource in Own(template))
        {
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in TemplatesOf(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<JsonObject> ResourcesOf(JsonObject template) => TemplatesOf(template).SelectMany(Own);

    // Templates of languageVersion 2.0 hold resources by symbolic name; others in an array.
    private static IEnumerable<JsonObject> Own(JsonObject template) => template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject named => named.Select(pair => pair.Value).OfType<JsonObject>(),
        _ => [],
    };
}
