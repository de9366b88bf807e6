namespace Fractal.Durable.Tests.Backends;

/// <summary>Where the Azure Storage tests find Azurite, and fresh hub names so that tests never share a hub.</summary>
internal static class AzuriteConnection
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("AzureWebJobsStorage") is { Length: > 0 } configured ? configured : "UseDevelopmentStorage=true";

    public static string NewHubName() => "t" + Guid.NewGuid().ToString("N")[..20];
}
