using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fractal.FunctionApp.Tests.Web;

public sealed class HealthFunctionTests
{
    [Fact]
    public async Task Get_AzuriteRunning_ReportsStorageReachable()
    {
        await using var app = await AppHost.StartAsync();

        var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("storage").GetProperty("reachable").GetBoolean());
    }

    [Fact]
    public async Task Get_StorageUnreachable_Answers503WithoutTheAccountKey()
    {
        const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
        var unreachable = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        // The durable engine keeps Azurite through a connection of its own; the app's storage is unreachable.
        await using var app = await AppHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = unreachable,
            ["DurableStorage"] = AppHost.StorageConnection,
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:connectionName"] = "DurableStorage",
        });

        var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"reachable\":false", text, StringComparison.Ordinal);
        Assert.DoesNotContain(AccountKey, text, StringComparison.Ordinal);
    }
}
