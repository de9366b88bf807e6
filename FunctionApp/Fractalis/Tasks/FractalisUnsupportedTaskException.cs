namespace Fractal.FunctionApp.Fractalis.Tasks;

/// <summary>
/// Fractal.js asked for a variant of a task that Fractal does not compute (such as a volcano plot ranked by
/// DESeq2): the task is accepted and then ends in FAILURE with <c>"{ErrorType}: {Message}"</c>, as Fractalis
/// reports a task that raised.
/// </summary>
public sealed class FractalisUnsupportedTaskException : Exception
{
    /// <summary>The error type used when none is given, as Python names an unimplemented method.</summary>
    public const string DefaultErrorType = "NotImplementedError";

    public FractalisUnsupportedTaskException()
    {
        ErrorType = DefaultErrorType;
    }

    public FractalisUnsupportedTaskException(string message)
        : base(message)
    {
        ErrorType = DefaultErrorType;
    }

    public FractalisUnsupportedTaskException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorType = DefaultErrorType;
    }

    /// <summary>An unsupported variant of a task.</summary>
    /// <param name="errorType">The error type reported before the message, such as <c>NotImplementedError</c>.</param>
    /// <param name="message">What is not supported, and what is.</param>
    public FractalisUnsupportedTaskException(string errorType, string message)
        : base(message)
    {
        ErrorType = errorType;
    }

    /// <summary>The error type reported before the message.</summary>
    public string ErrorType { get; }
}
