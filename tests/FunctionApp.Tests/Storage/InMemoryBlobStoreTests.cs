using Fractal.FunctionApp.Storage;

namespace Fractal.FunctionApp.Tests.Storage;

/// <summary>The blob store in memory.</summary>
public sealed class InMemoryBlobStoreTests : BlobStoreContract
{
    public InMemoryBlobStoreTests()
        : base(new InMemoryBlobStore())
    {
    }
}
