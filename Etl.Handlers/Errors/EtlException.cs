namespace Fractal.Etl.Handlers;

/// <summary>
/// A dataset failed to load for a reason that can be shown to the user as its <c>etl_message</c>.
/// Messages never carry tokens, connection strings or URLs with their query.
/// </summary>
public abstract class EtlException : Exception
{
    protected EtlException(string message)
        : base(message)
    {
    }

    protected EtlException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether retrying the same work may succeed (timeouts, 5xx); the activity's retry policy decides.</summary>
    public virtual bool IsTransient => false;
}
