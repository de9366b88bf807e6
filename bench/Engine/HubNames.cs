namespace Fractal.Bench.Engine;

/// <summary>Task hub names the harness creates (and deletes): letters and digits, unique per run.</summary>
internal static class HubNames
{
    public static string New(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..20];
}
