using System.Net;
using Fractal.FunctionApp.Fractalis;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>The Fractalis routes move below <c>FRACTALIS_BASE_PATH</c> when it is set.</summary>
public sealed class FractalisBasePathTests
{
    [Fact]
    public async Task GetVersion_BasePathSet_ServesBelowItOnly()
    {
        await using var app = await AppHost.StartAsync(new Dictionary<string, string?> { [FractalisRoutes.BasePathSetting] = "fractalis" });

        var moved = await app.Client.GetAsync(new Uri("/fractalis/misc/version", UriKind.Relative));
        var root = await app.Client.GetAsync(new Uri("/misc/version", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode);
    }
}
