namespace Fractal.Durable.Client;

/// <summary>The check-status payload: where a client follows, signals and ends an instance.</summary>
public sealed record HttpManagementPayload(
    string Id,
    string StatusQueryGetUri,
    string SendEventPostUri,
    string TerminatePostUri,
    string PurgeHistoryDeleteUri,
    string SuspendPostUri,
    string ResumePostUri);
