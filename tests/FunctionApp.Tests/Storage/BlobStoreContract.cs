using System.Text;
using Fractal.FunctionApp.Storage;

namespace Fractal.FunctionApp.Tests.Storage;

/// <summary>What every blob store does: whole reads and replaces that fail when someone else wrote first.</summary>
public abstract class BlobStoreContract
{
    protected const string Name = "record.json";

    protected BlobStoreContract(IBlobStore store)
    {
        Store = store;
    }

    protected IBlobStore Store { get; }

    protected string Container { get; } = "t" + Guid.NewGuid().ToString("N")[..20];

    [Fact]
    public async Task ReadAllAsync_NoSuchBlob_ReturnsNull()
    {
        await UploadAsync("x");

        Assert.Null(await Store.ReadAllAsync(Container, "missing.json", CancellationToken.None));
    }

    [Fact]
    public async Task ReplaceAsync_VersionStillCurrent_Replaces()
    {
        await UploadAsync("first");
        var read = await Store.ReadAllAsync(Container, Name, CancellationToken.None);

        var replaced = await ReplaceAsync("second", read!.Version);

        Assert.True(replaced);
        Assert.Equal("second", await TextAsync());
    }

    [Fact]
    public async Task ReplaceAsync_SomeoneWroteSince_RefusesAndKeepsTheirs()
    {
        await UploadAsync("first");
        var read = await Store.ReadAllAsync(Container, Name, CancellationToken.None);
        await UploadAsync("theirs");

        var replaced = await ReplaceAsync("mine", read!.Version);

        Assert.False(replaced);
        Assert.Equal("theirs", await TextAsync());
    }

    [Fact]
    public async Task ReplaceAsync_DeletedSince_RefusesAndLeavesItDeleted()
    {
        await UploadAsync("first");
        var read = await Store.ReadAllAsync(Container, Name, CancellationToken.None);
        await Store.DeleteAsync(Container, Name, CancellationToken.None);

        var replaced = await ReplaceAsync("mine", read!.Version);

        Assert.False(replaced);
        Assert.Null(await Store.ReadAllAsync(Container, Name, CancellationToken.None));
    }

    protected async Task UploadAsync(string text)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await Store.UploadAsync(Container, Name, content, "application/json", CancellationToken.None);
    }

    private async Task<bool> ReplaceAsync(string text, string version)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await Store.ReplaceAsync(Container, Name, content, "application/json", version, CancellationToken.None);
    }

    private async Task<string> TextAsync() =>
        Encoding.UTF8.GetString((await Store.ReadAllAsync(Container, Name, CancellationToken.None))!.Content);
}
