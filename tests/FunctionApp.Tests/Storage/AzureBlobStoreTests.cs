using System.Text;
using Fractal.FunctionApp.Storage;

namespace Fractal.FunctionApp.Tests.Storage;

/// <summary>The blob store on Azurite.</summary>
public sealed class AzureBlobStoreTests
{
    private readonly AzureBlobStore _store = new(AppHost.StorageConnection);
    private readonly string _container = "t" + Guid.NewGuid().ToString("N")[..20];

    [Fact]
    public async Task ReadAllAsync_WhileAWriterReplacesTheBlob_ReturnsAWholeVersionEveryTime()
    {
        var versions = Enumerable.Range(0, 40).Select(i => new string((char)('a' + (i % 26)), 50_000 + i)).ToList();
        await UploadAsync(versions[0]);
        var writer = Task.Run(async () =>
        {
            foreach (var version in versions.Skip(1))
            {
                await UploadAsync(version);
            }
        });

        var reads = new List<string>();
        while (!writer.IsCompleted)
        {
            reads.Add(Encoding.UTF8.GetString((await _store.ReadAllAsync(_container, "record.json", CancellationToken.None))!));
        }

        await writer;
        Assert.NotEmpty(reads);
        Assert.All(reads, read => Assert.Contains(read, versions));
    }

    [Fact]
    public async Task ReadAllAsync_NoSuchBlob_ReturnsNull()
    {
        await UploadAsync("x");

        Assert.Null(await _store.ReadAllAsync(_container, "missing.json", CancellationToken.None));
    }

    private async Task UploadAsync(string text)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await _store.UploadAsync(_container, "record.json", content, "application/json", CancellationToken.None);
    }
}
