using Fractal.AzureConnections;
using Fractal.LocalHost.Settings;
using Microsoft.Extensions.Options;

namespace Fractal.LocalHost.Tests.Settings;

public sealed class SettingErrorsTests
{
    [Fact]
    public void Describe_SeveralOptionsFailingOnStart_IsOneLineNamingEachSetting()
    {
        var error = new AggregateException(
            new OptionsValidationException("", typeof(object), ["FRACTAL_ETL_HANDLERS names 'ftp', which is not a registered handler."]),
            new OptionsValidationException("", typeof(object), ["FRACTAL_SQL_THREADS must be a whole number of at least 1.", "FRACTAL_SQL_MAX_ROWS must be a whole number of at least 1."]));

        var line = SettingErrors.Describe(error);

        Assert.NotNull(line);
        Assert.DoesNotContain('\n', line);
        Assert.Contains("FRACTAL_ETL_HANDLERS", line, StringComparison.Ordinal);
        Assert.Contains("FRACTAL_SQL_THREADS", line, StringComparison.Ordinal);
        Assert.Contains("FRACTAL_SQL_MAX_ROWS", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_HostSettingOrStorageConnection_IsItsMessage()
    {
        Assert.Equal("Setting 'Host.CORS': bad cors", SettingErrors.Describe(new HostSettingException("Host.CORS", "bad cors")));
        Assert.Equal("bad storage", SettingErrors.Describe(new StorageConnectionException("bad storage")));
    }

    [Fact]
    public void Describe_AnyOtherFailure_IsNull()
    {
        Assert.Null(SettingErrors.Describe(new InvalidOperationException("a bug")));
        Assert.Null(SettingErrors.Describe(new AggregateException(new OptionsValidationException("", typeof(object), ["X"]), new InvalidOperationException("a bug"))));
    }
}
