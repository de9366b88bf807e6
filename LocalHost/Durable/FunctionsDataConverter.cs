using Azure.Core.Serialization;
using Microsoft.DurableTask;

namespace Fractal.LocalHost.Durable;

/// <summary>
/// Serializes durable payloads (inputs, outputs, events, custom status) with the worker's <see cref="ObjectSerializer"/>,
/// as Worker.Extensions.DurableTask does, so payloads read the same locally and in Azure. Asked for a
/// <see cref="RawOrchestrationInput"/>, it keeps the JSON as it is.
/// </summary>
internal sealed class FunctionsDataConverter : DataConverter
{
    private readonly ObjectSerializer _serializer;

    public FunctionsDataConverter(ObjectSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        _serializer = serializer;
    }

    public override string? Serialize(object? value) => value is null ? null : _serializer.Serialize(value, value.GetType()).ToString();

    public override object? Deserialize(string? data, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        if (targetType == typeof(RawOrchestrationInput))
        {
            return new RawOrchestrationInput(data);
        }

        if (data is null)
        {
            return null;
        }

        return _serializer.Deserialize(BinaryData.FromString(data).ToStream(), targetType, CancellationToken.None);
    }
}
