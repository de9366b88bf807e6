using Fractal.Durable.Backends;
using Fractal.Durable.Messaging;
using Microsoft.Extensions.Logging;

namespace Fractal.Durable.Engine;

/// <summary>Keeps a received message hidden while its work runs, renewing at half the visibility period.</summary>
internal sealed class VisibilityRenewal : IDisposable
{
    private readonly ITaskHubQueues _queues;
    private readonly TimeSpan _visibility;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private MessageReceipt _receipt;

    public VisibilityRenewal(ITaskHubQueues queues, MessageReceipt receipt, TimeSpan visibility, ILogger logger)
    {
        _queues = queues;
        _receipt = receipt;
        _visibility = visibility;
        _logger = logger;
        _loop = Task.Run(RenewAsync);
    }

    /// <summary>Stops renewing and returns the current receipt.</summary>
    public async Task<MessageReceipt> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return _receipt;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task RenewAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(_visibility / 2, _stop.Token);
                _receipt = await _queues.RenewAsync(_receipt, _visibility, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogWarning(ex, "Could not renew the visibility of message {MessageId}", _receipt.MessageId);
        }
    }
}
