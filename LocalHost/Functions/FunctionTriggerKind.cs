namespace Fractal.LocalHost.Functions;

/// <summary>What starts a function, as read from its trigger attribute.</summary>
public enum FunctionTriggerKind
{
    /// <summary><c>[HttpTrigger]</c>: an HTTP request.</summary>
    Http,

    /// <summary><c>[OrchestrationTrigger]</c>: a Durable orchestrator.</summary>
    Orchestration,

    /// <summary><c>[ActivityTrigger]</c>: a Durable activity.</summary>
    Activity,

    /// <summary><c>[EntityTrigger]</c>: a Durable entity.</summary>
    Entity,

    /// <summary>Any other trigger (queues, timers, RabbitMQ...): its attribute is kept for whoever serves it.</summary>
    Other,
}
