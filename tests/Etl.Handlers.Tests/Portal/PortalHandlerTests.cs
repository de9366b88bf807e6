using System.Text.Json.Nodes;
using Fractal.Etl.Handlers.Portal;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Portal;

public sealed class PortalHandlerTests
{
    private const string Token = "eyJhbGciOiJSUzI1NiJ9.portal-token";
    private const string Age = "\\Public Studies\\Demo\\Age\\";
    private const string Sex = "\\Public Studies\\Demo\\Sex\\";
    private const string Months = "\\Public Studies\\Demo\\Survival\\Months\\";
    private const string Died = "\\Public Studies\\Demo\\Survival\\Died\\";

    private readonly PortalHandler _handler = new();

    private static Dictionary<string, List<(int Subject, JsonNode? Value)>> Observations() => new()
    {
        [Age] = [.. Enumerable.Range(1, 25).Select(i => (i, (JsonNode?)JsonValue.Create(40.0 + i)))],
        [Sex] = [(1, "female"), (2, "male"), (4, null)],
        [Months] = [(1, 12.5), (2, "30")],
        [Died] = [(1, 1), (2, 0)],
    };

    private static EtlExtractContext Context(HttpClient client, string token = Token) => TestSettings.Context(token: token, client: client);

    [Fact]
    public async Task Extract_SeveralPages_FollowsNextLinksAndReadsEveryObservation()
    {
        await using var portal = new FakePortal(Observations(), Token);
        using var client = new HttpClient(SourceHttp.CreateHandler(TestSettings.Create()));
        var source = Requests.Source("portal", new { page_size = 10 }, portal.Url);

        var table = await EtlRun.ExtractAsync(_handler, source, Requests.Numerical(Age), Context(client));

        Assert.Equal(25, table.RowCount);
        Assert.Equal("P-001", table.Ids[0]);
        Assert.Equal(65.0, table.Numbers[^1]);
        Assert.Equal(3, portal.Pages);
    }

    [Fact]
    public async Task Extract_TwoConcepts_JoinsThemBySubject()
    {
        await using var portal = new FakePortal(Observations(), Token);
        using var client = new HttpClient(SourceHttp.CreateHandler(TestSettings.Create()));

        var table = await EtlRun.ExtractAsync(_handler, Requests.Source("portal", new { }, portal.Url), Requests.Survival(Months, Died), Context(client));

        Assert.Equal(["P-001", "P-001", "P-002", "P-002"], table.Ids);
        Assert.Equal([12.5, 1, 30, 0], table.Numbers);
    }

    [Fact]
    public async Task Extract_CategoricalWithNullValue_IsMissing()
    {
        await using var portal = new FakePortal(Observations(), Token);
        using var client = new HttpClient(SourceHttp.CreateHandler(TestSettings.Create()));

        var table = await EtlRun.ExtractAsync(_handler, Requests.Source("portal", new { id_field = "id" }, portal.Url), Requests.Categorical(Sex), Context(client));

        Assert.Equal(["1", "2", "4"], table.Ids);
        Assert.Equal(["female", "male", null], table.Labels);
    }

    [Fact]
    public async Task Extract_UnknownConcept_FailsNamingIt()
    {
        await using var portal = new FakePortal(Observations(), Token);
        using var client = new HttpClient(SourceHttp.CreateHandler(TestSettings.Create()));

        var error = await Assert.ThrowsAsync<EtlDataException>(
            () => EtlRun.ExtractAsync(_handler, Requests.Source("portal", new { }, portal.Url), Requests.Numerical("\\Nope\\"), Context(client)));

        Assert.Equal("\\Nope\\", error.Column);
    }

    [Fact]
    public async Task Extract_WrongToken_IsRefusedCredentials()
    {
        await using var portal = new FakePortal(Observations(), Token);
        using var client = new HttpClient(SourceHttp.CreateHandler(TestSettings.Create()));

        await Assert.ThrowsAsync<SourceRefusedCredentialsException>(
            () => EtlRun.ExtractAsync(_handler, Requests.Source("portal", new { }, portal.Url), Requests.Numerical(Age), Context(client, "expired")));
    }

    [Fact]
    public async Task Extract_NextLinkToAnotherServer_IsNotFollowed()
    {
        await using var portal = new FakePortal(Observations(), Token) { NextOverride = "https://elsewhere.example.org/steal" };
        using var client = new HttpClient(SourceHttp.CreateHandler(TestSettings.Create()));

        var error = await Assert.ThrowsAsync<SourceFailedException>(
            () => EtlRun.ExtractAsync(_handler, Requests.Source("portal", new { page_size = 10 }, portal.Url), Requests.Numerical(Age), Context(client)));

        Assert.Contains("another server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FieldPrefix_NamesIt()
    {
        var request = Requests.Parse("""{"handler":"portal","server":"https://portal.example.org/transmart","descriptors":[{"field_prefix":"g_","data_type":"numerical_array"}]}""");

        var error = Assert.Single(_handler.Validate(request));

        Assert.Equal("descriptors[0].field_prefix", error.Field);
    }
}
