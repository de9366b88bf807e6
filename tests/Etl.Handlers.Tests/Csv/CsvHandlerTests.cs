using System.Text;
using Fractal.Etl.Handlers.Csv;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Csv;

public sealed class CsvHandlerTests
{
    private readonly CsvHandler _handler = new();

    [Fact]
    public async Task Extract_QuotedFields_KeepDelimitersDoubledQuotesAndLineBreaks()
    {
        const string csv = "id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n";

        var table = await EtlRun.ExtractAsync(_handler, Requests.Source("csv", new { data = csv }), Requests.Categorical("note"));

        Assert.Equal(["1", "2", "3"], table.Ids);
        Assert.Equal(["a, b", "say \"hi\"", "two\nlines"], table.Labels);
    }

    [Fact]
    public async Task Extract_CrLfLineEnds_ReadLikeLf()
    {
        const string csv = "id,note\r\n1,\"a\r\nb\"\r\n2,c\r\n";

        var table = await EtlRun.ExtractAsync(_handler, Requests.Source("csv", new { data = csv }), Requests.Categorical("note"));

        Assert.Equal(["1", "2"], table.Ids);
        Assert.Equal(["a\r\nb", "c"], table.Labels);
    }

    [Fact]
    public async Task Extract_MissingValueTokens_BecomeNaN()
    {
        const string csv = "id,age\na,1.5\nb,\nc,NA\nd,NaN\ne,null\n";

        var table = await EtlRun.ExtractAsync(_handler, Requests.Source("csv", new { data = csv }), Requests.Numerical("age"));

        Assert.Equal(1.5, table.Numbers[0]);
        Assert.All(table.Numbers.Skip(1), value => Assert.True(double.IsNaN(value)));
    }

    [Fact]
    public async Task Extract_MissingCategory_BecomesNull()
    {
        const string csv = "id,sex\na,female\nb,NA\nc,\n";

        var table = await EtlRun.ExtractAsync(_handler, Requests.Source("csv", new { data = csv }), Requests.Categorical("sex"));

        Assert.Equal(["female", null, null], table.Labels);
    }

    [Fact]
    public async Task Extract_Utf8Bom_IsStrippedFromTheFirstHeader()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("id,age\nx,42\n")).ToArray();
        var context = UploadContext(bytes);

        var table = await EtlRun.ExtractAsync(_handler, Requests.Source("csv", new { upload = "file-1" }), Requests.Numerical("age"), context);

        Assert.Equal(["x"], table.Ids);
        Assert.Equal([42.0], table.Numbers);
    }

    [Fact]
    public async Task Extract_Latin1Bytes_FailsAsNotUtf8()
    {
        var bytes = Encoding.Latin1.GetBytes("id,city\n1,Zürich\n");
        var context = UploadContext(bytes);

        var error = await Assert.ThrowsAsync<EtlDataException>(
            () => EtlRun.ExtractAsync(_handler, Requests.Source("csv", new { upload = "file-1" }), Requests.Categorical("city"), context));

        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_TextInNumericColumn_FailsNamingColumnAndRow()
    {
        const string csv = "id,age\na,1\nb,2\nc,old\n";

        var error = await Assert.ThrowsAsync<EtlDataException>(
            () => EtlRun.ExtractAsync(_handler, Requests.Source("csv", new { data = csv }), Requests.Numerical("age")));

        Assert.Equal("age", error.Column);
        Assert.Contains("row 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_UnknownColumn_FailsNamingIt()
    {
        var error = await Assert.ThrowsAsync<EtlDataException>(
            () => EtlRun.ExtractAsync(_handler, Requests.Source("csv", new { data = "id,age\na,1\n" }), Requests.Numerical("xyz")));

        Assert.Equal("unknown column 'xyz'", error.Message);
    }

    [Fact]
    public async Task Extract_TabDelimiterAndIdColumn_ReadsTsv()
    {
        var source = Requests.Source("csv", new { data = "subject\tbmi\ns1\t22.5\n", delimiter = "\t", id_column = "subject" });

        var table = await EtlRun.ExtractAsync(_handler, source, Requests.Numerical("bmi"));

        Assert.Equal(["s1"], table.Ids);
        Assert.Equal([22.5], table.Numbers);
    }

    [Fact]
    public async Task Extract_NoHeader_NamesColumnsByPosition()
    {
        var source = Requests.Source("csv", new { data = "s1,3.5\ns2,4.5\n", header = false });

        var table = await EtlRun.ExtractAsync(_handler, source, Requests.Numerical("1"));

        Assert.Equal(["s1", "s2"], table.Ids);
        Assert.Equal([3.5, 4.5], table.Numbers);
    }

    [Fact]
    public async Task Extract_FieldPrefix_MakesOneFeaturePerMatchingColumn()
    {
        const string csv = "id,g_1,g_2,age\na,1,2,30\n";

        var table = await EtlRun.ExtractAsync(_handler, Requests.Source("csv", new { data = csv }), Requests.Array("g_"));

        Assert.Equal(["g_1", "g_2"], table.Features);
        Assert.Equal([1.0, 2.0], table.Numbers);
    }

    [Fact]
    public async Task Extract_TimeToEvent_ReadsTimeAndEventFlags()
    {
        const string csv = "id,months,died\na,12.5,1\nb,30,false\n";

        var table = await EtlRun.ExtractAsync(_handler, Requests.Source("csv", new { data = csv }), Requests.Survival("months", "died"));

        Assert.Equal(["time", "event", "time", "event"], table.Features);
        Assert.Equal([12.5, 1, 30, 0], table.Numbers);
    }

    [Fact]
    public async Task Extract_EventFlagOtherThanZeroOrOne_FailsNamingColumn()
    {
        const string csv = "id,months,died\na,12.5,2\n";

        var error = await Assert.ThrowsAsync<EtlDataException>(
            () => EtlRun.ExtractAsync(_handler, Requests.Source("csv", new { data = csv }), Requests.Survival("months", "died")));

        Assert.Equal("died", error.Column);
    }

    [Fact]
    public async Task Extract_UnterminatedQuote_FailsAsInvalidCsv()
    {
        const string csv = "id,note\n1,\"open\n2,x\n";

        var error = await Assert.ThrowsAsync<EtlDataException>(
            () => EtlRun.ExtractAsync(_handler, Requests.Source("csv", new { data = csv }), Requests.Categorical("note")));

        Assert.Contains("not valid CSV", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoCharacterDelimiter_NamesOptionsDelimiter()
    {
        var request = Requests.Parse("""{"handler":"csv","descriptors":[],"options":{"data":"id\n","delimiter":";;"}}""");

        var errors = _handler.Validate(request);

        Assert.Contains(errors, error => error.Field == "options.delimiter");
    }

    [Fact]
    public void Validate_NoSource_NamesServer()
    {
        var request = Requests.Parse("""{"handler":"csv","options":{}}""");

        var errors = _handler.Validate(request);

        Assert.Equal(["server"], errors.Select(error => error.Field));
    }

    [Fact]
    public void Validate_UploadIdWithAPath_NamesOptionsUpload()
    {
        var request = Requests.Parse("""{"handler":"csv","options":{"upload":"../other-session/x"}}""");

        var error = Assert.Single(_handler.Validate(request));

        Assert.Equal("options.upload", error.Field);
    }

    [Fact]
    public void Validate_FileUrl_NamesServer()
    {
        var request = Requests.Parse("""{"handler":"csv","server":"file:///etc/passwd"}""");

        var errors = _handler.Validate(request);

        Assert.Equal(["server"], errors.Select(error => error.Field));
    }

    private static EtlExtractContext UploadContext(byte[] bytes) => new(TestSettings.Create())
    {
        OpenUpload = (_, _) => Task.FromResult<Stream>(new MemoryStream(bytes, writable: false)),
    };
}
