namespace Fractal.Etl.Handlers;

/// <summary>The source timed out, was unreachable or answered a server error: the activity may retry.</summary>
public sealed class SourceTransientException : EtlException
{
    public SourceTransientException(string message)
        : base(message)
    {
    }

    public SourceTransientException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public override bool IsTransient => true;
}
