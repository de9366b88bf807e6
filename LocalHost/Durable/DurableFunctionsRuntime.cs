using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Middleware;
using Fractal.LocalHost.Functions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace Fractal.LocalHost.Durable;

/// <summary>
/// Runs the app's orchestrator and activity functions on a DTFx <see cref="TaskHubWorker"/> over the Azure Storage
/// provider: creates the task hub if needed, adapts each function through durabletask-dotnet's shims, and stops within
/// a second or so whatever the functions do. On stop, the activity work items in flight go back to the work-item queue
/// at once (<see cref="ActivityHandBackService"/>; whatever the functions still running return is dropped, and the next
/// host runs them again), then the activities' cancellation token is cancelled, and the worker stops without waiting
/// for work items, as the Functions host stops Durable Functions, and releases its partition leases. Orchestrations
/// resume from their last checkpoint in storage. Each activity's token is also cancelled when its instance is purged
/// (<see cref="RunningActivities"/>). Sub-orchestrations see their parent in <c>context.Parent</c>.
/// </summary>
public sealed class DurableFunctionsRuntime : IHostedService, IAsyncDisposable
{
    private readonly AzureStorageOrchestrationService _service;
    private readonly RunningActivities _running;
    private readonly ActivityHandBackService _handBack;
    private readonly FunctionIndex _functions;
    private readonly FunctionInvoker _invoker;
    private readonly IServiceProvider _services;
    private readonly DataConverter _dataConverter;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private TaskHubWorker? _worker;

    /// <summary>Creates the runtime; nothing starts until <see cref="StartAsync"/>.</summary>
    public DurableFunctionsRuntime(
        AzureStorageOrchestrationService service,
        FunctionIndex functions,
        FunctionInvoker invoker,
        IServiceProvider services,
        DataConverter dataConverter,
        RunningActivities running,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(dataConverter);
        ArgumentNullException.ThrowIfNull(running);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _service = service;
        _functions = functions;
        _invoker = invoker;
        _services = services;
        _dataConverter = dataConverter;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DurableFunctionsRuntime>();
        _running = running;
        _handBack = new ActivityHandBackService(service, _logger);
    }

    /// <summary>Whether the worker is running.</summary>
    public bool IsRunning => _worker is not null;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);

        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = _dataConverter }, _loggerFactory);
        var orchestrations = new FunctionObjectManager<TaskOrchestration>(
            name => shims.CreateOrchestration(new TaskName(name), new MissingFunctionOrchestrator(name)));
        var activities = new FunctionObjectManager<TaskActivity>(
            name => shims.CreateActivity(new TaskName(name), new MissingFunctionActivity(name)));
        foreach (var function in _functions.OfKind(FunctionTriggerKind.Orchestration))
        {
            orchestrations.Add(function.Name, () => new FunctionTaskOrchestration(parent => shims.CreateOrchestration(
                new TaskName(function.Name),
                new FunctionOrchestrator(function, _invoker, _services, _dataConverter, _loggerFactory, CancellationToken.None),
                parent)));
        }

        foreach (var function in _functions.OfKind(FunctionTriggerKind.Activity))
        {
            activities.Add(function.Name, () => shims.CreateActivity(
                new TaskName(function.Name),
                new FunctionActivity(function, _invoker, _services, _running, _stopping.Token)));
        }

        var worker = new TaskHubWorker(_handBack, orchestrations, activities, _loggerFactory)
        {
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        worker.AddOrchestrationDispatcherMiddleware(TellParentAsync);
        await worker.StartAsync().WaitAsync(cancellationToken);
        _worker = worker;
        _logger.LogInformation("Durable task hub {HubName} started.", _service.ToString());
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var worker = Interlocked.Exchange(ref _worker, null);
        if (worker is null)
        {
            return;
        }

        try
        {
            // Hand the work items back before the functions see the cancellation: an activity that returns because of
            // it must find its work item gone, so that what it returns is dropped rather than recorded.
            var handedBack = await _handBack.HandBackAsync().WaitAsync(cancellationToken);
            await _stopping.CancelAsync();
            await worker.StopAsync(isForced: true).WaitAsync(cancellationToken);
            _logger.LogInformation("Durable task hub {HubName} stopped; {Count} activities in flight went back to the work-item queue.", _service.ToString(), handedBack);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _stopping.CancelAsync();

            // Out of time (storage unreachable): what is still locked returns to the queues when its visibility timeout runs out.
            _logger.LogWarning("The durable task worker did not stop in time; work in flight resumes from storage.");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_worker is { } worker)
        {
            await worker.StopAsync(isForced: true);
            _worker = null;
        }

        _stopping.Dispose();
    }

    private static Task TellParentAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        if (context.GetProperty<TaskOrchestration>() is FunctionTaskOrchestration orchestration
            && context.GetProperty<OrchestrationRuntimeState>()?.ParentInstance is { OrchestrationInstance.InstanceId: { } parentId } parent)
        {
            orchestration.Parent = new ParentOrchestrationInstance(new TaskName(parent.Name), parentId);
        }

        return next();
    }
}
