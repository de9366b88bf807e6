namespace Fractal.Etl.Handlers.Tests.Support;

internal static class TestSettings
{
    public static EtlSettings Create(
        string handlers = "csv,json,demo,postgres,elasticsearch,portal",
        bool allowLoopback = true,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EtlSettings.HandlersSetting] = handlers,
            [EtlSettings.AllowLoopbackSetting] = allowLoopback ? "true" : "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return new EtlSettings(name => values.GetValueOrDefault(name));
    }

    public static EtlExtractContext Context(EtlSettings? settings = null, string? token = null, HttpClient? client = null) =>
        new(settings ?? Create()) { Token = token, HttpClient = client };
}
