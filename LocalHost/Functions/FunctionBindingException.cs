namespace Fractal.LocalHost.Functions;

/// <summary>A parameter's value in the invocation's binding data (a route or query value) cannot be read as the parameter's type.</summary>
public sealed class FunctionBindingException : Exception
{
    public FunctionBindingException()
    {
        ParameterName = string.Empty;
    }

    public FunctionBindingException(string message)
        : base(message)
    {
        ParameterName = string.Empty;
    }

    public FunctionBindingException(string message, Exception innerException)
        : base(message, innerException)
    {
        ParameterName = string.Empty;
    }

    /// <summary>Creates the exception for the parameter <paramref name="parameterName"/>.</summary>
    public FunctionBindingException(string parameterName, string message, Exception? innerException)
        : base(message, innerException)
    {
        ParameterName = parameterName;
    }

    /// <summary>The parameter (and binding-data key) at fault.</summary>
    public string ParameterName { get; }
}
