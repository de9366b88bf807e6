using System.Text.Json;
using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers.Tests.Support;

internal static class Requests
{
    public static EtlRequest Parse(string json) => JsonSerializer.Deserialize<EtlRequest>(json)!;

    public static JsonElement Options(object options) => JsonSerializer.SerializeToElement(options);

    public static Descriptor Numerical(string field) => new() { Field = field, DataTypeName = "numerical" };

    public static Descriptor Categorical(string field) => new() { Field = field, DataTypeName = "categorical" };

    public static Descriptor Array(string prefix) => new() { FieldPrefix = prefix, DataTypeName = "numerical_array" };

    public static Descriptor Survival(string time, string @event) => new() { TimeField = time, EventField = @event, DataTypeName = "time_to_event" };

    public static EtlSource Source(string handler, object options, string? server = null) => new(handler, server, Options(options));
}
