using System.Net;

namespace Fractal.Durable.Tests.Hosting;

public sealed class RouteTemplateTests
{
    [Fact]
    public async Task Get_SiteRootRoute_ServesOutsideTheRoutePrefix()
    {
        await using var host = await RunningHost.StartAsync([typeof(SiteRootFunctions)]);

        var rooted = await host.Client.GetAsync(new Uri("/rooted", UriKind.Relative));
        var prefixed = await host.Client.GetAsync(new Uri("/api/rooted", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, rooted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, prefixed.StatusCode);
    }

    [Fact]
    public async Task Get_AppSettingInRoute_ServesAtTheSettingsValue()
    {
        await using var host = await RunningHost.StartAsync([typeof(SiteRootFunctions)], settings: new Dictionary<string, string?> { ["ROOTED_BASE"] = "/portal/v1/" });

        var moved = await host.Client.GetAsync(new Uri("/portal/v1/rooted", UriKind.Relative));
        var old = await host.Client.GetAsync(new Uri("/rooted", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }
}
