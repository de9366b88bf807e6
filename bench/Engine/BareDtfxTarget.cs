using DurableTask.AzureStorage;
using DurableTask.Core;
using Fractal.Bench.Engine.Bare;
using Microsoft.Extensions.Logging;

namespace Fractal.Bench.Engine;

/// <summary>
/// A bare DTFx <see cref="TaskHubWorker"/> and <see cref="TaskHubClient"/> on the Azure Storage provider, running
/// plain <see cref="TaskOrchestration"/> and <see cref="TaskActivity"/> classes that do the samples' work.
/// </summary>
internal sealed class BareDtfxTarget : IBenchTarget
{
    private readonly AzureStorageOrchestrationService _service;
    private readonly TaskHubWorker _worker;
    private readonly TaskHubClient _client;

    private BareDtfxTarget(AzureStorageOrchestrationService service, TaskHubWorker worker, TaskHubClient client)
    {
        _service = service;
        _worker = worker;
        _client = client;
    }

    public string Label => "bare DTFx";

    public IOrchestrationServiceClient Store => _service;

    public static async Task<BareDtfxTarget> StartAsync(AzureStorageOrchestrationServiceSettings settings, ILoggerFactory loggerFactory)
    {
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();
        var worker = new TaskHubWorker(service, loggerFactory) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        worker.AddTaskOrchestrations(typeof(HelloCitiesOrchestration), typeof(FanOutOrchestration));
        worker.AddTaskActivities(typeof(SayHelloActivity), typeof(EchoIndexActivity));
        await worker.StartAsync();
        return new BareDtfxTarget(service, worker, new TaskHubClient(service, loggerFactory: loggerFactory));
    }

    public async Task<string> StartHelloAsync(CancellationToken cancellationToken) =>
        (await _client.CreateOrchestrationInstanceAsync(typeof(HelloCitiesOrchestration), input: null).WaitAsync(cancellationToken)).InstanceId;

    public async Task<string> StartFanOutAsync(int count, CancellationToken cancellationToken) =>
        (await _client.CreateOrchestrationInstanceAsync(typeof(FanOutOrchestration), count).WaitAsync(cancellationToken)).InstanceId;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _worker.StopAsync(isForced: true);
        }
        finally
        {
            await _service.DeleteAsync();
            _service.Dispose();
        }
    }
}
