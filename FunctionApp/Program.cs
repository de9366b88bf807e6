using Fractal.Durable.Hosting;

var builder = FunctionHostBuilder.Create(args).AddFunctions(typeof(Program).Assembly);
await using var host = builder.Build();
await host.RunAsync();
