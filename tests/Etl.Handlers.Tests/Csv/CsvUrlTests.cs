using System.Net;
using System.Text;
using Fractal.Etl.Handlers.Csv;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Csv;

public sealed class CsvUrlTests
{
    private readonly CsvHandler _handler = new();

    private static HttpClient Client(TimeSpan? timeout = null) =>
        new(SourceHttp.CreateHandler(TestSettings.Create())) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Extract_HttpUrl_StreamsTheBodyWithTheBearerToken()
    {
        await using var server = new LocalHttpServer(async (context, _) =>
        {
            context.Response.SendChunked = true;
            context.Response.ContentType = "text/csv";
            var bytes = Encoding.UTF8.GetBytes("id,age\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"s{i},{i}\n")));
            await context.Response.OutputStream.WriteAsync(bytes);
        });
        using var client = Client();

        var table = await EtlRun.ExtractAsync(_handler, Requests.Source("csv", new { }, server.BaseUrl + "data.csv"), Requests.Numerical("age"), TestSettings.Context(token: "t0k", client: client));

        Assert.Equal(1000, table.RowCount);
        Assert.Equal("Bearer t0k", Assert.Single(server.AuthorizationHeaders));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, typeof(SourceRefusedCredentialsException))]
    [InlineData(HttpStatusCode.BadGateway, typeof(SourceTransientException))]
    [InlineData(HttpStatusCode.NotFound, typeof(SourceFailedException))]
    public async Task Extract_ErrorStatus_MapsToItsFailureType(HttpStatusCode status, Type expected)
    {
        await using var server = new LocalHttpServer((context, _) => LocalHttpServer.WriteAsync(context, (int)status, "no", "text/plain"));
        using var client = Client();

        var error = await Assert.ThrowsAnyAsync<EtlException>(
            () => EtlRun.ExtractAsync(_handler, Requests.Source("csv", new { }, server.BaseUrl), Requests.Numerical("age"), TestSettings.Context(client: client)));

        Assert.IsType(expected, error);
        Assert.Single(server.AuthorizationHeaders);
    }

    [Fact]
    public async Task Extract_BodyThatStalls_FailsAsTransient()
    {
        await using var server = new LocalHttpServer(async (context, _) =>
        {
            context.Response.SendChunked = true;
            await context.Response.OutputStream.WriteAsync("id,age\na,1\n"u8.ToArray());
            await context.Response.OutputStream.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(1.5));
        });
        using var client = Client(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAsync<SourceTransientException>(
            () => EtlRun.ExtractAsync(_handler, Requests.Source("csv", new { }, server.BaseUrl), Requests.Numerical("age"), TestSettings.Context(client: client)));
    }

    [Fact]
    public void Validate_LoopbackUrlWhenNotAllowed_NamesServer()
    {
        var registry = TestSettings.Registry([_handler], TestSettings.Create("csv", allowLoopback: false));
        var request = Requests.Parse("""{"handler":"csv","server":"http://127.0.0.1:8080/x.csv","descriptors":[{"field":"a","data_type":"numerical"}]}""");

        var error = Assert.Single(registry.Validate(request));

        Assert.Equal("server", error.Field);
    }
}
