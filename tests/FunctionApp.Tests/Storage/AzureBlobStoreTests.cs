using System.Text;
using Fractal.FunctionApp.Storage;

namespace Fractal.FunctionApp.Tests.Storage;

/// <summary>The blob store on Azurite.</summary>
public sealed class AzureBlobStoreTests : BlobStoreContract
{
    public AzureBlobStoreTests()
        : base(new AzureBlobStore(AppHost.StorageConnection))
    {
    }

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
            reads.Add(Encoding.UTF8.GetString((await Store.ReadAllAsync(Container, Name, CancellationToken.None))!.Content));
        }

        await writer;
        Assert.NotEmpty(reads);
        Assert.All(reads, read => Assert.Contains(read, versions));
    }
}
