using Fractal.LocalHost.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Fractal.LocalHost.Durable;

/// <summary>Supplies the task hub's <see cref="DurableTaskClient"/> to <c>[DurableClient]</c> parameters.</summary>
internal sealed class DurableClientBinder : IFunctionInputBinder
{
    private readonly DurableTaskClient _client;

    public DurableClientBinder(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    public bool CanBind(FunctionParameterDescriptor parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.Binding is DurableClientAttribute && parameter.ParameterType.IsAssignableFrom(typeof(LocalDurableTaskClient));
    }

    public ValueTask<object?> BindAsync(FunctionParameterDescriptor parameter, FunctionContext context) => ValueTask.FromResult<object?>(_client);
}
