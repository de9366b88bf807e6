using Fractal.LocalHost.Http;
using Fractal.LocalHost.Settings;
using Microsoft.Extensions.Configuration;

namespace Fractal.LocalHost.Tests.Settings;

public sealed class HostOptionsTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("0")]
    public void HttpHostOptions_BadBodyLimit_NamesTheSetting(string value)
    {
        var error = Assert.Throws<HostSettingException>(() => HttpHostOptions.FromConfiguration(Configuration((SettingNames.RequestBodySizeLimit, value))));

        Assert.Equal(SettingNames.RequestBodySizeLimit, error.Setting);
    }

    [Fact]
    public void HttpHostOptions_PrefixWithSlashes_IsTrimmed()
    {
        Assert.Equal("v1/fn", HttpHostOptions.FromConfiguration(Configuration((SettingNames.RoutePrefix, "/v1/fn/"))).RoutePrefix);
    }

    [Fact]
    public void HostCorsOptions_CredentialsForAnyOrigin_NamesCorsCredentials()
    {
        var error = Assert.Throws<HostSettingException>(() => HostCorsOptions.FromConfiguration(Configuration((SettingNames.Cors, "*"), (SettingNames.CorsCredentials, "true"))));

        Assert.Equal("Host.CORSCredentials", error.Setting);
    }

    [Fact]
    public void HostCorsOptions_NotAnOrigin_NamesCors()
    {
        var error = Assert.Throws<HostSettingException>(() => HostCorsOptions.FromConfiguration(Configuration((SettingNames.Cors, "https://a.example/path"))));

        Assert.Equal("Host.CORS", error.Setting);
    }

    [Fact]
    public void HostCorsOptions_CommaSeparated_ListsEachOrigin()
    {
        var cors = HostCorsOptions.FromConfiguration(Configuration((SettingNames.Cors, "https://a.example, https://b.example/")));

        Assert.Equal(["https://a.example", "https://b.example"], cors.AllowedOrigins);
    }

    [Fact]
    public void HostKeyOptions_MasterKeySameAsFunctionKey_NamesTheMasterKey()
    {
        var error = Assert.Throws<HostSettingException>(() => HostKeyOptions.FromConfiguration(Configuration((SettingNames.FunctionKey, "same-key"), (SettingNames.MasterKey, "same-key"))));

        Assert.Equal(SettingNames.MasterKey, error.Setting);
    }

    [Fact]
    public void HostKeys_SecretsPath_GeneratedKeysSurviveARestart()
    {
        var folder = Directory.CreateTempSubdirectory("localhost-secrets-").FullName;
        try
        {
            var options = HostKeyOptions.FromConfiguration(Configuration((SettingNames.SecretsPath, folder)));

            var first = HostKeys.Resolve(options);
            var second = HostKeys.Resolve(options);

            Assert.True(first.Generated);
            Assert.False(second.Generated);
            Assert.Equal(first.MasterKey, second.MasterKey);
            Assert.Equal(first.DurableTaskExtensionKey, second.DurableTaskExtensionKey);
            Assert.NotEqual(first.MasterKey, first.DurableTaskExtensionKey);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void HostKeys_NoSettings_GeneratesDistinctKeysEachStart()
    {
        var options = HostKeyOptions.FromConfiguration(Configuration());

        Assert.NotEqual(HostKeys.Resolve(options).MasterKey, HostKeys.Resolve(options).MasterKey);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
