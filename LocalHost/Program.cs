using Fractal.LocalHost;
using Fractal.LocalHost.Settings;

// The local stand-in for Azure Functions Core Tools: `Fractal.LocalHost <path to the app's .dll>` (or the setting
// FRACTAL_APP_ASSEMBLY) serves that compiled isolated-worker app. It holds no product logic.
var path = args.FirstOrDefault(a => !a.StartsWith('-')) ?? Environment.GetEnvironmentVariable("FRACTAL_APP_ASSEMBLY");
if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
{
    await Console.Error.WriteLineAsync("Usage: Fractal.LocalHost <path to the Functions app's .dll> (or set FRACTAL_APP_ASSEMBLY).");
    return 2;
}

try
{
    var assembly = AppDependencies.Load(path);
    await using var host = LocalFunctionsHost.Create(new LocalFunctionsHostOptions
    {
        AppAssembly = assembly,
        ConfigureApp = AppRegistration.Find(assembly),
    });
    await host.RunAsync();
    return 0;
}
catch (Exception ex) when (SettingErrors.Describe(ex) is { } message)
{
    // A setting the host or the app cannot use (host.json's durableTask values, the app's options validated on
    // start): one line that names it.
    await Console.Error.WriteLineAsync(message);
    return 3;
}
