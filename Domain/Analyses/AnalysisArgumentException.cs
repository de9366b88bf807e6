namespace Fractal.Domain.Analyses;

/// <summary>
/// An analysis argument is invalid: <see cref="Argument"/> names it as the request does (such as
/// <c>subsets</c> or <c>method</c>), so the HTTP layer can answer 400 naming the field.
/// </summary>
public sealed class AnalysisArgumentException : ArgumentException
{
    public AnalysisArgumentException()
    {
        Argument = string.Empty;
    }

    public AnalysisArgumentException(string message)
        : base(message)
    {
        Argument = string.Empty;
    }

    public AnalysisArgumentException(string message, Exception innerException)
        : base(message, innerException)
    {
        Argument = string.Empty;
    }

    /// <summary>An error naming the request argument at fault.</summary>
    /// <param name="argument">The argument's name in <c>args</c>.</param>
    /// <param name="message">Why it is invalid.</param>
    public AnalysisArgumentException(string argument, string message)
        : base(message)
    {
        Argument = argument;
    }

    /// <summary>The request argument at fault, as named in <c>args</c>.</summary>
    public string Argument { get; }
}
