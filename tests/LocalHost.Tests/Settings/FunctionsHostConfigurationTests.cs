using Fractal.LocalHost.Settings;
using Microsoft.Extensions.Configuration;

namespace Fractal.LocalHost.Tests.Settings;

public sealed class FunctionsHostConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("localhost-settings-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void AddFunctionsHostSources_LocalSettings_ValuesAreTopLevelKeysAndHostIsUnderHost()
    {
        Write("local.settings.json", """{ "IsEncrypted": false, "Values": { "A_SETTING": "one", "Section__Key": 5 }, "Host": { "CORS": "https://a.example", "CORSCredentials": true } }""");

        var configuration = Build();

        Assert.Equal("one", configuration["A_SETTING"]);
        Assert.Equal("5", configuration["Section:Key"]);
        Assert.Equal("https://a.example", configuration[SettingNames.Cors]);
        Assert.Equal("true", configuration[SettingNames.CorsCredentials]);
    }

    [Fact]
    public void AddFunctionsHostSources_HostJson_IsUnderAzureFunctionsJobHost()
    {
        Write("host.json", """{ "version": "2.0", "extensions": { "http": { "routePrefix": "" }, "durableTask": { "hubName": "Hub1" } } }""");

        var configuration = Build();

        Assert.Equal(string.Empty, configuration[SettingNames.RoutePrefix]);
        Assert.Equal("Hub1", configuration[SettingNames.HubName]);
    }

    [Fact]
    public void AddFunctionsHostSources_EnvironmentVariable_OverridesLocalSettings()
    {
        var name = $"FRACTAL_TEST_{Guid.NewGuid():N}";
        Write("local.settings.json", $$"""{ "Values": { "{{name}}": "from-file" } }""");
        Environment.SetEnvironmentVariable(name, "from-environment");
        try
        {
            Assert.Equal("from-environment", Build()[name]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void AddFunctionsHostSources_MalformedLocalSettings_NamesTheFile()
    {
        Write("local.settings.json", "{ \"Values\": ");

        var error = Assert.Throws<HostSettingException>(Build);

        Assert.Equal("local.settings.json", error.Setting);
    }

    [Fact]
    public void AddFunctionsHostSources_NoFiles_LeavesDefaults()
    {
        var configuration = Build();

        Assert.Equal("api", HttpHostOptions.FromConfiguration(configuration).RoutePrefix);
    }

    private IConfiguration Build() => new ConfigurationBuilder().AddFunctionsHostSources(_directory).Build();

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_directory, name), text);
}
