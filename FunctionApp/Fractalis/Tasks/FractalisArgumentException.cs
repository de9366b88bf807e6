namespace Fractal.FunctionApp.Fractalis.Tasks;

/// <summary>
/// An argument Fractal.js sent for an analysis cannot be translated: <see cref="Argument"/> names it as
/// Fractal.js does (such as <c>features</c> or <c>df</c>) and the message says why; answered as 400
/// <c>{"error_msg": message}</c>.
/// </summary>
public sealed class FractalisArgumentException : Exception
{
    public FractalisArgumentException()
    {
        Argument = string.Empty;
    }

    public FractalisArgumentException(string message)
        : base(message)
    {
        Argument = string.Empty;
    }

    public FractalisArgumentException(string message, Exception innerException)
        : base(message, innerException)
    {
        Argument = string.Empty;
    }

    /// <summary>An error naming the argument at fault.</summary>
    /// <param name="argument">The argument's name in Fractal.js' <c>args</c>.</param>
    /// <param name="message">What is wrong with it.</param>
    public FractalisArgumentException(string argument, string message)
        : base(message)
    {
        Argument = argument;
    }

    /// <summary>The argument at fault, as named in Fractal.js' <c>args</c>.</summary>
    public string Argument { get; }
}
