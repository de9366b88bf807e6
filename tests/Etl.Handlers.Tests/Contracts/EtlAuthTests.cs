using System.Text.Json;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Contracts;

public sealed class EtlAuthTests
{
    private const string Secret = "s3cr3t-token-4242";

    [Fact]
    public void Deserialize_Token_IsRead()
    {
        var request = Requests.Parse("""{"handler":"csv","auth":{"token":"TOKEN"}}""".Replace("TOKEN", Secret, StringComparison.Ordinal));

        Assert.Equal(Secret, request.Auth?.Token);
    }

    [Fact]
    public void Serialize_Request_LeavesTheTokenOut()
    {
        var request = Requests.Parse("""{"handler":"csv","auth":{"token":"TOKEN"}}""".Replace("TOKEN", Secret, StringComparison.Ordinal));

        var json = JsonSerializer.Serialize(request);

        Assert.DoesNotContain(Secret, json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Request_LeavesTheTokenOut()
    {
        var request = Requests.Parse("""{"handler":"csv","auth":{"token":"TOKEN"}}""".Replace("TOKEN", Secret, StringComparison.Ordinal));

        Assert.DoesNotContain(Secret, request.ToString(), StringComparison.Ordinal);
    }
}
