namespace Fractal.Infra.Tests.Azure;

/// <summary>What one run of the Bicep CLI gave.</summary>
internal sealed record BicepResult(int ExitCode, string Output, string Error)
{
    public string Diagnostics => (Output + Error).Trim();
}
