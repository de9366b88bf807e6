using System.Text;
using Fractal.Etl.Handlers.Json;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Json;

public sealed class JsonHandlerTests
{
    private readonly JsonHandler _handler = new();

    [Fact]
    public async Task Extract_Array_ReadsNestedPaths()
    {
        const string json = """[{"id":"a","vitals":{"age":41}},{"id":"b","vitals":{"age":null}},{"id":"c","vitals":{}}]""";

        var table = await EtlRun.ExtractAsync(_handler, Requests.Source("json", new { data = json }), Requests.Numerical("$.vitals.age"));

        Assert.Equal(["a", "b", "c"], table.Ids);
        Assert.Equal([41, double.NaN, double.NaN], table.Numbers);
    }

    [Fact]
    public async Task Extract_Ndjson_ReadsOneRecordPerLine()
    {
        const string json = "{\"id\":1,\"sex\":\"female\"}\n\n{\"id\":2,\"sex\":\"male\"}\n";

        var table = await EtlRun.ExtractAsync(_handler, Requests.Source("json", new { data = json }), Requests.Categorical("sex"));

        Assert.Equal(["1", "2"], table.Ids);
        Assert.Equal(["female", "male"], table.Labels);
    }

    [Fact]
    public async Task Extract_IdPathAndArrayIndex_AreFollowed()
    {
        const string json = """[{"subject":{"code":"P1"},"scores":[3.5,9]}]""";
        var source = Requests.Source("json", new { data = json, id_column = "$.subject.code" });

        var table = await EtlRun.ExtractAsync(_handler, source, Requests.Numerical("scores[1]"));

        Assert.Equal(["P1"], table.Ids);
        Assert.Equal([9.0], table.Numbers);
    }

    [Fact]
    public async Task Extract_FieldInNoRecord_FailsAsUnknownColumn()
    {
        const string json = """[{"id":"a","age":3}]""";

        var error = await Assert.ThrowsAsync<EtlDataException>(
            () => EtlRun.ExtractAsync(_handler, Requests.Source("json", new { data = json }), Requests.Numerical("xyz")));

        Assert.Equal("unknown column 'xyz'", error.Message);
    }

    [Fact]
    public async Task Extract_FieldPrefix_MatchesTheFirstRecordsKeys()
    {
        const string json = """[{"id":"a","g_1":1,"g_2":2,"age":3}]""";

        var table = await EtlRun.ExtractAsync(_handler, Requests.Source("json", new { data = json }), Requests.Array("g_"));

        Assert.Equal(["g_1", "g_2"], table.Features);
    }

    [Fact]
    public async Task Extract_TextInNumericField_FailsNamingFieldAndRow()
    {
        const string json = """[{"id":"a","age":3},{"id":"b","age":"three"}]""";

        var error = await Assert.ThrowsAsync<EtlDataException>(
            () => EtlRun.ExtractAsync(_handler, Requests.Source("json", new { data = json }), Requests.Numerical("age")));

        Assert.Equal("age", error.Column);
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_Latin1Upload_FailsAsInvalid()
    {
        var bytes = Encoding.Latin1.GetBytes("[{\"id\":\"a\",\"city\":\"Zürich\"}]");
        var context = new EtlExtractContext(TestSettings.Create())
        {
            OpenUpload = (_, _) => Task.FromResult<Stream>(new MemoryStream(bytes)),
        };

        var error = await Assert.ThrowsAsync<EtlDataException>(
            () => EtlRun.ExtractAsync(_handler, Requests.Source("json", new { upload = "u1" }), Requests.Categorical("city"), context));

        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_ArrayWithBom_IsRead()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""[{"id":"a","age":5}]""")).ToArray();
        var context = new EtlExtractContext(TestSettings.Create())
        {
            OpenUpload = (_, _) => Task.FromResult<Stream>(new MemoryStream(bytes)),
        };

        var table = await EtlRun.ExtractAsync(_handler, Requests.Source("json", new { upload = "u1" }), Requests.Numerical("age"), context);

        Assert.Equal([5.0], table.Numbers);
    }

    [Fact]
    public void Validate_BadFieldPath_NamesTheDescriptor()
    {
        var request = Requests.Parse("""{"handler":"json","descriptors":[{"field":"a..b","data_type":"numerical"}],"options":{"data":"[]"}}""");

        var error = Assert.Single(_handler.Validate(request));

        Assert.Equal("descriptors[0]", error.Field);
    }
}
