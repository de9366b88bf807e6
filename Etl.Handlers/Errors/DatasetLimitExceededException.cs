namespace Fractal.Etl.Handlers;

/// <summary>A dataset grew past the rows or bytes allowed by settings; the caller deletes what was written.</summary>
public sealed class DatasetLimitExceededException : EtlException
{
    public DatasetLimitExceededException(string message)
        : base(message)
    {
    }
}
