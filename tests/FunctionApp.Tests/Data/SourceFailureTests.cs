using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Fractal.FunctionApp.Tests.Data;

/// <summary>How the ETL treats a source that refuses, fails for a while, or exceeds a limit.</summary>
public sealed class SourceFailureTests
{
    [Fact]
    public async Task Post_SourceAnswers401_FailsOnceWithRefusedCredentials()
    {
        var requests = 0;
        await using var source = await StartSourceAsync(context =>
        {
            Interlocked.Increment(ref requests);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        });
        await using var app = await StartAppAsync();

        var outcome = await LoadAsync(app, Guid.NewGuid().ToString("N"), $"{source.Urls.First()}/data.csv");

        Assert.Equal("FAILURE", outcome.GetProperty("etl_state").GetString());
        Assert.Contains("refused the credentials", outcome.GetProperty("etl_message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, requests);
    }

    [Fact]
    public async Task Post_SourceUnavailableThenUp_RetriedUntilSuccess()
    {
        var requests = 0;
        await using var source = await StartSourceAsync(async context =>
        {
            if (Interlocked.Increment(ref requests) <= 2)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            await context.Response.WriteAsync("id,age\np1,30\np2,40\n");
        });
        await using var app = await StartAppAsync();

        var outcome = await LoadAsync(app, Guid.NewGuid().ToString("N"), $"{source.Urls.First()}/data.csv");

        Assert.Equal("SUCCESS", outcome.GetProperty("etl_state").GetString());
        Assert.True(requests >= 3);
    }

    [Fact]
    public async Task Post_SourceAlwaysUnavailable_FailsAfterTheRetryPolicy()
    {
        var requests = 0;
        await using var source = await StartSourceAsync(context =>
        {
            Interlocked.Increment(ref requests);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        await using var app = await StartAppAsync();

        var outcome = await LoadAsync(app, Guid.NewGuid().ToString("N"), $"{source.Urls.First()}/data.csv");

        Assert.Equal("FAILURE", outcome.GetProperty("etl_state").GetString());
        Assert.Equal(4, requests);
    }

    [Fact]
    public async Task Post_OverTheRowLimit_FailsNamingTheLimitAndLeavesNoData()
    {
        await using var source = await StartSourceAsync(context => context.Response.WriteAsync("id,age\np1,30\np2,40\np3,50\n"));
        await using var app = await StartAppAsync(new Dictionary<string, string?> { ["FRACTAL_ETL_MAX_ROWS"] = "2" });
        var session = Guid.NewGuid().ToString("N");

        var outcome = await LoadAsync(app, session, $"{source.Urls.First()}/data.csv");
        var left = new List<string>();
        await foreach (var blob in new BlobServiceClient(AppHost.StorageConnection).GetBlobContainerClient("datasets")
            .GetBlobsAsync(new GetBlobsOptions { Prefix = $"{session}/" }))
        {
            left.Add(blob.Name);
        }

        Assert.Equal("FAILURE", outcome.GetProperty("etl_state").GetString());
        Assert.Contains("2", outcome.GetProperty("etl_message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(left, name => name.EndsWith(".parquet", StringComparison.Ordinal));
    }

    private static async Task<WebApplication> StartSourceAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var source = builder.Build();
        source.Run(handler);
        await source.StartAsync();
        return source;
    }

    private static Task<AppHost> StartAppAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = AppHost.OnAzurite(AppHost.NewHubName());
        settings["FRACTAL_ETL_HANDLERS"] = "csv";
        settings["FRACTAL_ETL_ALLOW_LOOPBACK"] = "true";
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return AppHost.StartAsync(settings);
    }

    private static async Task<JsonElement> LoadAsync(AppHost app, string session, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/data")
        {
            Content = JsonContent.Create(new
            {
                handler = "csv",
                server = url,
                auth = new { token = "t" },
                descriptors = new[] { new { field = "age", data_type = "numerical" } },
            }),
        };
        request.Headers.Add("x-functions-key", AppHost.Key);
        request.Headers.Add("X-Fractal-Session", session);
        var response = await app.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        var status = await SessionCalls.WaitForEndAsync(app.Client, JsonDocument.Parse(text).RootElement.GetProperty("statusQueryGetUri").GetString()!, TimeSpan.FromSeconds(90));
        return status.GetProperty("output")[0];
    }
}
