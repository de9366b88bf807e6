using Fractal.Durable.Hosting;
using Fractal.FunctionApp;

var builder = FunctionHostBuilder.Create(args).AddFractal();
await using var host = builder.Build();
await host.RunAsync();
