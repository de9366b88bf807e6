using System.Diagnostics;
using Fractal.Etl.Handlers;
using Fractal.FunctionApp.Analytics;
using Fractal.FunctionApp.Analytics.Sql;
using Fractal.FunctionApp.Orchestrations;
using Fractal.FunctionApp.Settings;
using Fractal.FunctionApp.Tests.Recovery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Fractal.FunctionApp.Tests.Settings;

/// <summary>Settings are options bound from the app settings and validated on start: a wrong one stops start-up naming it.</summary>
public sealed class SettingsStartupTests
{
    [Fact]
    public void AddSettings_AppSettings_BindEachNamedSetting()
    {
        using var services = Services((SqlSettings.MaxRowsSetting, "7"), (SqlSettings.ThreadsSetting, "2"), (AnalysisSettings.ChunkSizeSetting, "9"));

        var sql = services.GetRequiredService<IOptions<SqlSettings>>().Value;
        var analysis = services.GetRequiredService<IOptions<AnalysisSettings>>().Value;

        Assert.Equal((7, 2, SqlSettings.DefaultTimeoutSeconds), (sql.MaxRows, sql.Threads, sql.TimeoutSeconds));
        Assert.Equal((9, AnalysisSettings.DefaultMaxFanOut), (analysis.ChunkSize, analysis.MaxFanOut));
    }

    [Theory]
    [InlineData(SqlSettings.ThreadsSetting, "0")]
    [InlineData(SqlSettings.TimeoutSecondsSetting, "-1")]
    [InlineData(AnalysisSettings.MaxFanOutSetting, "0")]
    [InlineData(FanOutSettings.MaxParallelSetting, "0")]
    [InlineData(EtlSettings.MaxRowsSetting, "0")]
    public async Task StartAsync_SettingBelowOne_FailsNamingTheSetting(string setting, string value)
    {
        using var host = Host((setting, value));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_SettingThatIsNotANumber_FailsNamingTheSetting()
    {
        using var host = Host((SqlSettings.MemoryLimitSetting, "lots"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(SqlSettings.MemoryLimitSetting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ValidSettings_Starts()
    {
        using var host = Host((SqlSettings.ThreadsSetting, "2"), (EtlSettings.HandlersSetting, EtlSettings.EveryHandler));

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task LocalHost_WrongSettings_ExitsNonZeroWithOneLineNamingThem()
    {
        var start = WorkerProcess.StartInfo(AppHost.NewHubName(), 0, new Dictionary<string, string>
        {
            [EtlSettings.HandlersSetting] = "csv,ftp",
            [SqlSettings.ThreadsSetting] = "none",
        });
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var lines = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, process.ExitCode);
        var line = Assert.Single(lines);
        Assert.Contains(EtlSettings.HandlersSetting, line, StringComparison.Ordinal);
        Assert.Contains("'ftp'", line, StringComparison.Ordinal);
        Assert.Contains(SqlSettings.ThreadsSetting, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", await output, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var services = new ServiceCollection();
        var configuration = Configuration(settings);
        services.AddSettings<SqlSettings>(configuration).AtLeastOne(sql => sql.Threads, SqlSettings.ThreadsSetting);
        services.AddSettings<AnalysisSettings>(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>A generic host with the app's registration (as <c>Program.cs</c> builds it) over <paramref name="settings"/>.</summary>
    private static IHost Host(params (string Key, string Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var configuration = Configuration(settings);
        var worker = new Fractal.LocalHost.Functions.WorkerApplicationBuilder(builder.Services);
        worker.AddFractalData(configuration).AddFractalAnalytics(configuration);
        return builder.Build();
    }

    private static IConfiguration Configuration((string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value))).Build();
}
