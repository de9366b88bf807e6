namespace Fractal.Infra.Tests.Azure;

/// <summary><c>bicep build</c>, <c>bicep lint</c> (core analyzers raised to errors by bicepconfig.json) and <c>bicep build-params</c>.</summary>
public sealed class BicepBuildTests
{
    private static readonly Dictionary<string, string> s_secrets = new()
    {
        ["FRACTAL_SECRET_KEY"] = "test-sealing-key",
        ["FRACTAL_RABBITMQ_URI"] = "amqps://user:pass@rabbit.example.org/",
    };

    [Fact]
    public async Task Build_MainTemplate_SucceedsWithoutDiagnostics()
    {
        var result = await BicepCli.RunAsync(["build", BicepCli.MainTemplate, "--stdout"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(string.Empty, result.Error.Trim());
    }

    [Fact]
    public async Task Lint_MainTemplateAndModules_ReportsNothing()
    {
        var result = await BicepCli.RunAsync(["lint", BicepCli.MainTemplate]);

        Assert.True(result.ExitCode == 0, result.Diagnostics);
        Assert.Equal(string.Empty, result.Diagnostics);
    }

    [Fact]
    public async Task BuildParams_ExampleWithSecretsInTheEnvironment_Succeeds()
    {
        var result = await BicepCli.RunAsync(["build-params", Path.Combine(BicepCli.AzureDirectory, "main.bicepparam"), "--stdout"], s_secrets);

        Assert.True(result.ExitCode == 0, result.Diagnostics);
        Assert.Equal(string.Empty, result.Error.Trim());
    }

    [Fact]
    public async Task BuildParams_ExampleWithoutTheSecrets_FailsNamingTheVariable()
    {
        var result = await BicepCli.RunAsync(["build-params", Path.Combine(BicepCli.AzureDirectory, "main.bicepparam"), "--stdout"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FRACTAL_SECRET_KEY", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildParams_RequiredParameterMissing_FailsNamingIt()
    {
        var directory = Directory.CreateTempSubdirectory("fractal-bicepparam-");
        try
        {
            var file = Path.Combine(directory.FullName, "missing.bicepparam");
            await File.WriteAllLinesAsync(file,
            [
                $"using '{Path.GetRelativePath(directory.FullName, BicepCli.MainTemplate)}'",
                "param namePrefix = 'fractal'",
                "param fractalSecretKey = 'test-sealing-key'",
                "param rabbitMqUri = 'amqps://user:pass@rabbit.example.org/'",
            ]);

            var result = await BicepCli.RunAsync(["build-params", file, "--stdout"]);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("corsAllowedOrigins", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
