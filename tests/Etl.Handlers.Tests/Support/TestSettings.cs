using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fractal.Etl.Handlers.Tests.Support;

/// <summary>Settings and registries as the app builds them: app settings bound to <see cref="EtlSettings"/>, handlers from <c>AddEtlHandlers</c>.</summary>
internal static class TestSettings
{
    /// <summary>The settings bound from <paramref name="handlers"/> (<c>*</c>: every registered handler), the loopback flag and <paramref name="extra"/> settings.</summary>
    public static EtlSettings Create(
        string handlers = EtlSettings.EveryHandler,
        bool allowLoopback = true,
        IReadOnlyDictionary<string, string>? extra = null) =>
        Configuration(handlers, allowLoopback, extra).Get<EtlSettings>() ?? new EtlSettings();

    /// <summary>The app's registry of the shipped handlers (<c>AddEtlHandlers</c>) over those settings; throws as start-up does when they fail validation.</summary>
    public static EtlHandlerRegistry Registry(
        string handlers = EtlSettings.EveryHandler,
        bool allowLoopback = true,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        var services = new ServiceCollection().AddEtlHandlers();
        services.AddOptions<EtlSettings>().Bind(Configuration(handlers, allowLoopback, extra));
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<EtlSettings>>().Value; // the check start-up runs (ValidateOnStart)
        return provider.GetRequiredService<EtlHandlerRegistry>();
    }

    /// <summary>A registry of exactly <paramref name="handlers"/> over <paramref name="settings"/>.</summary>
    public static EtlHandlerRegistry Registry(IEnumerable<IEtlHandler> handlers, EtlSettings settings) => new(handlers, Options.Create(settings));

    public static EtlExtractContext Context(EtlSettings? settings = null, string? token = null, HttpClient? client = null) =>
        new(settings ?? Create()) { Token = token, HttpClient = client };

    private static IConfiguration Configuration(string handlers, bool allowLoopback, IReadOnlyDictionary<string, string>? extra)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [EtlSettings.HandlersSetting] = handlers,
            [EtlSettings.AllowLoopbackSetting] = allowLoopback ? "true" : "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
