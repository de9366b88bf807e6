using System.Diagnostics;
using System.Text.Json;

namespace Fractal.FunctionApp.Tests;

/// <summary>FunctionApp published once (<c>dotnet publish -c Release</c>) into a temporary folder, and its <c>functions.metadata</c>.</summary>
public sealed class PublishFixture : IAsyncLifetime
{
    /// <summary>The publish output.</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("fractal-publish-").FullName;

    /// <summary>The entries of <c>functions.metadata</c>.</summary>
    public JsonElement[] Metadata { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepositoryRoot(), "FunctionApp", "Fractal.FunctionApp.csproj");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", Directory, "--nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await publish.WaitForExitAsync(timeout.Token);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed ({publish.ExitCode}): {await output}{await errors}");
        await using var file = File.OpenRead(Path.Combine(Directory, "functions.metadata"));
        Metadata = [.. (await JsonDocument.ParseAsync(file)).RootElement.EnumerateArray()];
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Fractal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Fractal.sln above {AppContext.BaseDirectory}.");
    }
}
