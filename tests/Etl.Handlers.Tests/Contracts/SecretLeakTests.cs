using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Etl.Handlers.Tests.Elasticsearch;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Contracts;

/// <summary>A planted token goes through validation, planning, loading and failure; no output may carry it.</summary>
public sealed class SecretLeakTests
{
    private const string Secret = "PLANTED-5ecret-7f3a9c";

    [Fact]
    public async Task EveryOutput_OfARequestWithAToken_LeavesTheTokenOut()
    {
        await using var server = new FakeElasticsearch(
            "logs",
            [("d1", new JsonObject { ["t"] = "2024-01-01T00:00:00Z", ["level"] = "warn" })],
            $"ApiKey {Secret}");
        using var client = new HttpClient(SourceHttp.CreateHandler(TestSettings.Create()));
        var body = """{"handler":"elasticsearch","server":"SERVER","auth":{"token":"TOKEN"},"descriptors":[{"field":"level","data_type":"categorical"}],"options":{"index":"logs","time_field":"t"}}"""
            .Replace("SERVER", server.Url, StringComparison.Ordinal)
            .Replace("TOKEN", Secret, StringComparison.Ordinal);
        var request = Requests.Parse(body);
        var registry = TestSettings.Registry();
        var handler = registry.Get(request.Handler!);
        var outputs = new List<string>();

        Assert.Empty(registry.Validate(request));
        outputs.Add(JsonSerializer.Serialize(request));
        outputs.Add(request.ToString());
        var partitions = await handler.PlanAsync(request.ToSource(), request.Descriptors![0], TestSettings.Context(), CancellationToken.None);
        outputs.Add(JsonSerializer.Serialize(partitions));
        var good = TestSettings.Context(token: request.Auth!.Token, client: client);
        using var parquet = new MemoryStream();
        var summary = await EtlPartitionLoader.LoadAsync(handler, partitions[0], good, parquet, CancellationToken.None);
        outputs.Add(Encoding.UTF8.GetString(parquet.ToArray()));
        outputs.Add(JsonSerializer.Serialize(summary.ToMetadata("d-1", request.Descriptors[0], handler.Name, DateTimeOffset.UnixEpoch)));
        outputs.Add(good.ToString());
        var bad = TestSettings.Context(token: Secret + "-revoked", client: client);
        var refused = await Assert.ThrowsAsync<SourceRefusedCredentialsException>(
            () => EtlPartitionLoader.LoadAsync(handler, partitions[0], bad, Stream.Null, CancellationToken.None));
        outputs.Add(refused.ToString());

        Assert.Equal(1, summary.RowCount);
        Assert.All(outputs, output => Assert.DoesNotContain(Secret, output, StringComparison.Ordinal));
    }
}
