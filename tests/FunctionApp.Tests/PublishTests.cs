using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;

namespace Fractal.FunctionApp.Tests;

/// <summary>
/// <c>dotnet publish</c> of FunctionApp is a deployable Functions app: its <c>functions.metadata</c> lists every
/// product function with its trigger's binding type, route, methods and auth level, and nothing else.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class PublishTests : IClassFixture<PublishFixture>
{
    private readonly string _publishDirectory;
    private readonly JsonElement[] _metadata;

    public PublishTests(PublishFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _publishDirectory = fixture.Directory;
        _metadata = fixture.Metadata;
    }

    private static IEnumerable<(string Name, MethodInfo Method)> ProductFunctions =>
        from type in typeof(FractalRegistration).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        where function is not null
        select (function.Name, method);

    [Fact]
    public void Publish_FunctionsMetadata_ListsEveryProductFunctionAndNothingElse()
    {
        var published = _metadata.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(ProductFunctions.Select(f => f.Name).Order(StringComparer.Ordinal), published);
        Assert.All(_metadata, f => Assert.Equal("Fractal.FunctionApp.dll", f.GetProperty("scriptFile").GetString()));
        Assert.All(_metadata, f => Assert.StartsWith("Fractal.FunctionApp.", f.GetProperty("entryPoint").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Publish_FunctionsMetadata_GivesEachHttpFunctionItsRouteMethodsAndAuthLevel()
    {
        var http = ProductFunctions
            .Select(f => (f.Name, Trigger: f.Method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null)))
            .Where(f => f.Trigger is not null)
            .ToList();

        Assert.Contains(http, f => f.Trigger!.Route == "fractalis/data");
        Assert.All(http, function =>
        {
            var trigger = Binding(function.Name, "httpTrigger");
            Assert.Equal(function.Trigger!.Route, trigger.GetProperty("route").GetString());
            Assert.Equal(function.Trigger.AuthLevel.ToString(), trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
            Assert.Equal(
                (function.Trigger.Methods ?? []).Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal),
                trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order(StringComparer.Ordinal));
            Assert.Equal("In", trigger.GetProperty("direction").GetString(), ignoreCase: true);
            Assert.Equal("Out", Binding(function.Name, "http").GetProperty("direction").GetString(), ignoreCase: true);
        });
    }

    [Fact]
    public void Publish_FunctionsMetadata_BindsOrchestratorsActivitiesAndDurableClients()
    {
        foreach (var (name, method) in ProductFunctions)
        {
            var parameters = method.GetParameters();
            if (parameters.Any(p => p.IsDefined(typeof(OrchestrationTriggerAttribute))))
            {
                Binding(name, "orchestrationTrigger");
            }

            if (parameters.Any(p => p.IsDefined(typeof(ActivityTriggerAttribute))))
            {
                Binding(name, "activityTrigger");
            }

            if (parameters.Any(p => p.IsDefined(typeof(DurableClientAttribute))))
            {
                Binding(name, "durableClient");
            }
        }

        Assert.Contains(_metadata, f => f.GetProperty("name").GetString() == "AnalysisOrchestrator");
    }

    [Fact]
    public void Publish_FunctionsMetadata_BindsTheTaskQueueAsTheRabbitMQExtensionReadsIt()
    {
        var trigger = Binding("Tasks_FromQueue", "rabbitMQTrigger");

        Assert.Equal("rabbitMQTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%FRACTAL_TASKS_QUEUE%", trigger.GetProperty("queueName").GetString());
        Assert.Equal("RabbitMQConnection", trigger.GetProperty("connectionStringSetting").GetString());
        Assert.Equal("In", trigger.GetProperty("direction").GetString(), ignoreCase: true);
        Assert.Equal("String", trigger.GetProperty("dataType").GetString());
        Binding("Tasks_FromQueue", "durableClient");
    }

    [Fact]
    public void Publish_Output_HoldsWhatTheFunctionsHostLoads()
    {
        Assert.True(File.Exists(Path.Combine(_publishDirectory, "host.json")), "host.json");
        Assert.True(File.Exists(Path.Combine(_publishDirectory, "worker.config.json")), "worker.config.json");
        Assert.True(File.Exists(Path.Combine(_publishDirectory, "extensions.json")) || Directory.Exists(Path.Combine(_publishDirectory, ".azurefunctions")), "the extensions");
        Assert.False(File.Exists(Path.Combine(_publishDirectory, "local.settings.json")), "local.settings.json is not deployed");
        Assert.Empty(Directory.GetFiles(_publishDirectory, "Fractal.Samples*"));
    }

    private JsonElement Binding(string function, string type)
    {
        var entry = _metadata.Single(f => f.GetProperty("name").GetString() == function);
        var bindings = entry.GetProperty("bindings").EnumerateArray().Where(b => string.Equals(b.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(bindings.Count == 1, $"{function} has {bindings.Count} '{type}' bindings: {entry}");
        return bindings[0];
    }
}
