using Microsoft.Extensions.Configuration;

namespace Fractal.AzureConnections.Tests;

/// <summary>Configuration as the Functions host builds it from app settings (<c>__</c> read as <c>:</c>).</summary>
internal static class Settings
{
    /// <summary>The well-known Azurite development account's connection string (public, documented by Microsoft).</summary>
    public const string Azurite =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    public static IConfiguration Of(params (string Name, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Name.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
            .Build();
}
