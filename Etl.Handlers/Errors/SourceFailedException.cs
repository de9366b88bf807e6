namespace Fractal.Etl.Handlers;

/// <summary>The source answered in a way that retrying will not change (404, a bad query, a missing setting).</summary>
public sealed class SourceFailedException : EtlException
{
    public SourceFailedException(string message)
        : base(message)
    {
    }

    public SourceFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
