using Fractal.Etl.Handlers.Csv;
using Fractal.Etl.Handlers.Postgres;
using Fractal.Etl.Handlers.Tests.Support;
using Microsoft.Extensions.Options;

namespace Fractal.Etl.Handlers.Tests.Contracts;

public sealed class EtlHandlerRegistryTests
{
    private static EtlHandlerRegistry Registry(string allowed) => TestSettings.Registry([new CsvHandler(), new FakeHandler("demo")], TestSettings.Create(allowed));

    [Fact]
    public void Validate_UnknownHandler_ListsTheAllowedOnes()
    {
        var request = Requests.Parse("""{"handler":"ftp","descriptors":[{"field":"a","data_type":"numerical"}]}""");

        var error = Assert.Single(Registry("csv,demo").Validate(request));

        Assert.Equal("handler", error.Field);
        Assert.Contains("csv, demo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RegisteredButNotAllowListed_IsRejected()
    {
        var request = Requests.Parse("""{"handler":"csv","descriptors":[{"field":"a","data_type":"numerical"}],"options":{"data":"id,a\n"}}""");

        var error = Assert.Single(Registry("demo").Validate(request));

        Assert.Equal("handler", error.Field);
        Assert.Null(Registry("demo").Find("csv"));
    }

    [Fact]
    public void Validate_NoDescriptors_NamesDescriptors()
    {
        var request = Requests.Parse("""{"handler":"demo","descriptors":[]}""");

        var error = Assert.Single(Registry("demo").Validate(request));

        Assert.Equal("descriptors", error.Field);
    }

    [Fact]
    public void Validate_UnknownDataType_NamesThatDescriptor()
    {
        var request = Requests.Parse("""{"handler":"demo","descriptors":[{"field":"a","data_type":"numerical"},{"field":"b","data_type":"text"}]}""");

        var error = Assert.Single(Registry("demo").Validate(request));

        Assert.Equal("descriptors[1].data_type", error.Field);
    }

    [Fact]
    public void Validate_ValidRequest_AsksTheHandler()
    {
        var request = Requests.Parse("""{"handler":"csv","descriptors":[{"field":"a","data_type":"numerical"}],"options":{"data":"id,a\n","delimiter":"::"}}""");

        var error = Assert.Single(Registry("csv").Validate(request));

        Assert.Equal("options.delimiter", error.Field);
    }

    [Fact]
    public void Allowed_SettingUnset_AllowsNothing()
    {
        var registry = TestSettings.Registry([new CsvHandler()], new EtlSettings());

        Assert.Empty(registry.Allowed);
    }

    [Fact]
    public void Validate_PartitionsOverTheSetting_NamesTheOptionAndTheLimit()
    {
        var settings = TestSettings.Create("postgres", extra: new Dictionary<string, string> { [EtlSettings.MaxPartitionsSetting] = "4" });
        var registry = TestSettings.Registry([new PostgresHandler()], settings);
        var request = Requests.Parse("""{"handler":"postgres","descriptors":[{"field":"a","data_type":"numerical"}],"options":{"table":"t","partition_column":"k","partitions":5}}""");

        var error = Assert.Single(registry.Validate(request));

        Assert.Equal("options.partitions", error.Field);
        Assert.Contains("at most 4", error.Message, StringComparison.Ordinal);
        Assert.Contains(EtlSettings.MaxPartitionsSetting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PartitionsAtTheSetting_IsAccepted()
    {
        var settings = TestSettings.Create("postgres", extra: new Dictionary<string, string> { [EtlSettings.MaxPartitionsSetting] = "4" });
        var registry = TestSettings.Registry([new PostgresHandler()], settings);
        var request = Requests.Parse("""{"handler":"postgres","descriptors":[{"field":"a","data_type":"numerical"}],"options":{"table":"t","partition_column":"k","partitions":4}}""");

        Assert.Empty(registry.Validate(request));
    }

    [Fact]
    public async Task PlanAsync_HandlerPlansMorePartitionsThanAllowed_FailsTheDatasetNamingTheSetting()
    {
        var settings = TestSettings.Create("demo", extra: new Dictionary<string, string> { [EtlSettings.MaxPartitionsSetting] = "4" });
        var registry = TestSettings.Registry([new FakeHandler("demo", plannedPartitions: 5)], settings);
        var descriptor = Requests.Parse("""{"handler":"demo","descriptors":[{"field":"a","data_type":"numerical"}]}""").Descriptors![0]!;

        var error = await Assert.ThrowsAsync<EtlDataException>(() =>
            registry.PlanAsync(new EtlSource("demo", null, null), descriptor, TestSettings.Context(settings), CancellationToken.None));

        Assert.Contains(EtlSettings.MaxPartitionsSetting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanAsync_PartitionsWithinTheSetting_ReturnsThem()
    {
        var settings = TestSettings.Create("demo", extra: new Dictionary<string, string> { [EtlSettings.MaxPartitionsSetting] = "4" });
        var registry = TestSettings.Registry([new FakeHandler("demo", plannedPartitions: 4)], settings);
        var descriptor = Requests.Parse("""{"handler":"demo","descriptors":[{"field":"a","data_type":"numerical"}]}""").Descriptors![0]!;

        var partitions = await registry.PlanAsync(new EtlSource("demo", null, null), descriptor, TestSettings.Context(settings), CancellationToken.None);

        Assert.Equal(4, partitions.Count);
    }

    [Fact]
    public void AddEtlHandlers_EveryRegisteredHandler_HasAUniqueNameAndADescription()
    {
        var registry = TestSettings.Registry();

        Assert.NotEmpty(registry.Registered);
        Assert.Equal(registry.Registered.Count, registry.Registered.Distinct(StringComparer.Ordinal).Count());
        Assert.All(registry.AllowedHandlers, handler =>
        {
            Assert.Matches("^[a-z]+$", handler.Name);
            Assert.False(string.IsNullOrWhiteSpace(handler.Description), $"{handler.Name} has no description for /api/handlers");
            Assert.Same(handler, registry.Get(handler.Name));
        });
    }

    [Fact]
    public void Allowed_Star_AllowsEveryRegisteredHandler()
    {
        var registry = TestSettings.Registry(EtlSettings.EveryHandler);

        Assert.Equal(registry.Registered, registry.Allowed);
        Assert.Equal(registry.Registered, registry.AllowedHandlers.Select(handler => handler.Name));
    }

    [Fact]
    public void Allowed_SomeNames_AllowsOnlyThoseAndFindsNoOther()
    {
        var registry = TestSettings.Registry("json, demo");

        Assert.Equal(["demo", "json"], registry.Allowed);
        Assert.Null(registry.Find("csv"));
        Assert.Contains("csv", registry.Registered);
    }

    [Fact]
    public void Settings_AllowListNamingAnUnregisteredHandler_FailsNamingTheSettingAndTheName()
    {
        var error = Assert.Throws<OptionsValidationException>(() => TestSettings.Registry("csv,ftp"));

        Assert.Contains(EtlSettings.HandlersSetting, error.Message, StringComparison.Ordinal);
        Assert.Contains("'ftp'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'csv'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EtlSettings.MaxRowsSetting)]
    [InlineData(EtlSettings.MaxBytesSetting)]
    [InlineData(EtlSettings.MaxDescriptorsSetting)]
    [InlineData(EtlSettings.MaxPartitionsSetting)]
    public void Settings_LimitBelowOne_FailsNamingTheSetting(string setting)
    {
        var error = Assert.Throws<OptionsValidationException>(() => TestSettings.Registry(extra: new Dictionary<string, string> { [setting] = "0" }));

        Assert.Contains($"{setting} must be at least 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_BoundFromAppSettings_ReadEveryNamedSetting()
    {
        var settings = TestSettings.Create("csv", allowLoopback: true, new Dictionary<string, string>
        {
            [EtlSettings.MaxRowsSetting] = "11",
            [EtlSettings.MaxBytesSetting] = "12",
            [EtlSettings.MaxDescriptorsSetting] = "13",
            [EtlSettings.MaxPartitionsSetting] = "14",
        });

        Assert.Equal((11L, 12L, 13, 14, true), (settings.MaxRows, settings.MaxBytes, settings.MaxDescriptors, settings.MaxPartitions, settings.AllowLoopbackSources));
        Assert.Equal(["csv"], settings.AllowList());
    }
}
