using Fractal.Durable.Hosting;
using Microsoft.Extensions.Configuration;

namespace Fractal.Durable.Tests.Hosting;

public sealed class HostConfigurationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fractal-config-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void AddFunctionsHostSources_HostJson_IsUnderJobHostSection()
    {
        WriteHostJson("""{ "extensions": { "http": { "routePrefix": "v1" } } }""");

        var configuration = Build();

        Assert.Equal("v1", configuration["AzureFunctionsJobHost:extensions:http:routePrefix"]);
    }

    [Fact]
    public void AddFunctionsHostSources_LocalSettingsValue_OverridesHostJson()
    {
        WriteHostJson("""{ "extensions": { "http": { "routePrefix": "fromhost" } } }""");
        WriteLocalSettings("""{ "Values": { "AzureFunctionsJobHost__extensions__http__routePrefix": "fromlocal", "Plain": "p" } }""");

        var configuration = Build();

        Assert.Equal("fromlocal", configuration["AzureFunctionsJobHost:extensions:http:routePrefix"]);
        Assert.Equal("p", configuration["Plain"]);
    }

    [Fact]
    public void AddFunctionsHostSources_EnvironmentVariable_OverridesLocalSettings()
    {
        var name = $"FRACTAL_TEST_{Guid.NewGuid():N}";
        WriteLocalSettings($$"""{ "Values": { "{{name}}": "fromlocal" } }""");
        Environment.SetEnvironmentVariable(name, "fromenv");
        try
        {
            var configuration = Build();

            Assert.Equal("fromenv", configuration[name]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void AddFunctionsHostSources_EnvironmentVariableWithDoubleUnderscore_OverridesHostJson()
    {
        var section = $"test{Guid.NewGuid():N}";
        WriteHostJson($$"""{ "extensions": { "{{section}}": { "hubName": "FromHostJson" } } }""");
        var name = $"AzureFunctionsJobHost__extensions__{section}__hubName";
        Environment.SetEnvironmentVariable(name, "FromEnv");
        try
        {
            var configuration = Build();

            Assert.Equal("FromEnv", configuration[$"AzureFunctionsJobHost:extensions:{section}:hubName"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void AddFunctionsHostSources_CommandLine_OverridesEverything()
    {
        var name = $"FRACTAL_TEST_{Guid.NewGuid():N}";
        WriteLocalSettings($$"""{ "Values": { "{{name}}": "fromlocal" } }""");
        Environment.SetEnvironmentVariable(name, "fromenv");
        try
        {
            var configuration = Build($"--{name}=fromargs");

            Assert.Equal("fromargs", configuration[name]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void AddFunctionsHostSources_NoFiles_YieldsNoHostSettings()
    {
        var configuration = Build();

        Assert.Empty(configuration.GetSection(HostConfiguration.HostSection).GetChildren());
    }

    [Fact]
    public void FromConfiguration_Defaults_AreTheFunctionsHostDefaults()
    {
        var options = FunctionHostOptions.FromConfiguration(Build());

        Assert.Equal("api", options.RoutePrefix);
        Assert.Equal(FunctionHostOptions.DefaultMaxRequestBodySize, options.MaxRequestBodySize);
    }

    [Fact]
    public void FromConfiguration_BodyLimitNotANumber_Throws()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["FUNCTIONS_REQUEST_BODY_SIZE_LIMIT"] = "lots" })
            .Build();

        Assert.Throws<InvalidOperationException>(() => FunctionHostOptions.FromConfiguration(configuration));
    }

    private IConfiguration Build(params string[] args) =>
        new ConfigurationBuilder().AddFunctionsHostSources(_root, args).Build();

    private void WriteHostJson(string json) => File.WriteAllText(Path.Combine(_root, "host.json"), json);

    private void WriteLocalSettings(string json) => File.WriteAllText(Path.Combine(_root, "local.settings.json"), json);
}
