namespace Fractal.Etl.Handlers;

/// <summary>The data does not fit the descriptor: an unknown column, a value that is not a number, text that is not UTF-8.</summary>
public sealed class EtlDataException : EtlException
{
    public EtlDataException(string message, string? column = null)
        : base(message)
    {
        Column = column;
    }

    public EtlDataException(string message, string? column, Exception? innerException)
        : base(message, innerException)
    {
        Column = column;
    }

    /// <summary>The source column at fault, when one is.</summary>
    public string? Column { get; }
}
