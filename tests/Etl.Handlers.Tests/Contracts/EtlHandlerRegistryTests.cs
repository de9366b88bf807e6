using Fractal.Etl.Handlers.Csv;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Contracts;

public sealed class EtlHandlerRegistryTests
{
    private static EtlHandlerRegistry Registry(string allowed) => new([new CsvHandler(), new FakeHandler("demo")], TestSettings.Create(allowed));

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
        var registry = new EtlHandlerRegistry([new CsvHandler()], new EtlSettings(_ => null));

        Assert.Empty(registry.Allowed);
    }
}
