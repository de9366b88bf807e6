using Fractal.Domain.Data;
using Microsoft.Extensions.Options;

namespace Fractal.Etl.Handlers;

/// <summary>
/// The registered handlers by name, of which only those allow-listed in <c>FRACTAL_ETL_HANDLERS</c>
/// (<see cref="EtlSettings.Handlers"/>; <c>*</c> allows all) run. <see cref="Validate"/> checks a whole request up front.
/// </summary>
public sealed class EtlHandlerRegistry
{
    private readonly Dictionary<string, IEtlHandler> _handlers = new(StringComparer.Ordinal);
    private readonly IOptions<EtlSettings> _settings;
    private readonly Lazy<IReadOnlyList<string>> _allowed;

    /// <summary>
    /// Reads the settings only when first asked (not while being built), so that building the registry during another
    /// feature's start-up check never reports <c>FRACTAL_ETL_*</c> problems in that feature's name.
    /// </summary>
    public EtlHandlerRegistry(IEnumerable<IEtlHandler> handlers, IOptions<EtlSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var handler in handlers)
        {
            _handlers.Add(handler.Name, handler);
        }

        _settings = settings;
        Registered = [.. _handlers.Keys.Order(StringComparer.Ordinal)];
        _allowed = new Lazy<IReadOnlyList<string>>(() =>
        {
            var allowList = Settings.AllowList();
            return allowList.Contains(EtlSettings.EveryHandler) ? Registered : [.. Registered.Where(allowList.Contains)];
        });
    }

    /// <summary>Every registered handler's name, allowed or not.</summary>
    public IReadOnlyList<string> Registered { get; }

    /// <summary>The handlers that are both registered and allow-listed, by name.</summary>
    public IReadOnlyList<string> Allowed => _allowed.Value;

    private EtlSettings Settings => _settings.Value;

    /// <summary>The handlers that may run, in the order of <see cref="Allowed"/>.</summary>
    public IReadOnlyList<IEtlHandler> AllowedHandlers => [.. Allowed.Select(name => _handlers[name])];

    /// <summary>The allowed handler of that name, or null.</summary>
    public IEtlHandler? Find(string? name) =>
        name is not null && Allowed.Contains(name) && _handlers.TryGetValue(name, out var handler) ? handler : null;

    /// <summary>The allowed handler of that name; throws for any other.</summary>
    public IEtlHandler Get(string name) =>
        Find(name) ?? throw new InvalidOperationException($"The handler '{name}' is not available.");

    /// <summary>
    /// Plans one descriptor's partitions with its handler, holding them to <see cref="EtlSettings.MaxPartitions"/>.
    /// </summary>
    /// <exception cref="EtlDataException">The handler planned more partitions than allowed.</exception>
    public async Task<IReadOnlyList<EtlPartition>> PlanAsync(EtlSource source, Descriptor descriptor, EtlExtractContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var partitions = await Get(source.Handler).PlanAsync(source, descriptor, context, cancellationToken);
        return partitions.Count <= Settings.MaxPartitions
            ? partitions
            : throw new EtlDataException(
                $"the source was split into {partitions.Count} partitions; at most {Settings.MaxPartitions} are allowed per descriptor ({EtlSettings.MaxPartitionsSetting})");
    }

    /// <summary>
    /// Every problem with the request, each naming its field: the handler (unknown or not allowed,
    /// listing the allowed ones), the descriptors (none, or each one's shape), a loopback or link-local
    /// <c>server</c> unless settings allow it, then the handler's own checks.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(EtlRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        var handler = Find(request.Handler);
        if (handler is null)
        {
            var allowed = Allowed.Count == 0 ? "none is allowed on this server" : $"use one of {string.Join(", ", Allowed)}";
            errors.Add(new FieldError("handler", $"'{request.Handler}' is not an available handler; {allowed}."));
        }

        if (request.Descriptors is null || request.Descriptors.Count == 0)
        {
            errors.Add(new FieldError("descriptors", "At least one descriptor is required."));
        }
        else
        {
            for (var i = 0; i < request.Descriptors.Count; i++)
            {
                var descriptor = request.Descriptors[i];
                if (descriptor is null)
                {
                    errors.Add(new FieldError($"descriptors[{i}]", "A descriptor must be an object."));
                    continue;
                }

                errors.AddRange(descriptor.Validate($"descriptors[{i}]"));
            }
        }

        errors.AddRange(EtlOptions.CheckIsObject(request.Options));
        if (SourceHttp.CheckUrl(request.Server) is null && SourceHttp.CheckUrl(request.Server, Settings) is { } local)
        {
            errors.Add(new FieldError("server", local));
        }

        if (handler is not null && errors.Count == 0)
        {
            errors.AddRange(handler.Validate(request));
        }

        if (handler is not null && errors.Count == 0 && handler.RequestedPartitions(request) is { } asked && asked.Count > Settings.MaxPartitions)
        {
            errors.Add(new FieldError(
                $"options.{asked.Option}",
                $"'options.{asked.Option}' asks for {asked.Count} partitions; at most {Settings.MaxPartitions} are allowed per descriptor ({EtlSettings.MaxPartitionsSetting})."));
        }

        return errors;
    }
}
