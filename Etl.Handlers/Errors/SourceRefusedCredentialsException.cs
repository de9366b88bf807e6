namespace Fractal.Etl.Handlers;

/// <summary>The source answered 401 or 403 (or refused a login): retrying with the same token cannot help.</summary>
public sealed class SourceRefusedCredentialsException : EtlException
{
    /// <summary>The message every refusal carries.</summary>
    public const string RefusedMessage = "source refused the credentials";

    public SourceRefusedCredentialsException()
        : base(RefusedMessage)
    {
    }

    public SourceRefusedCredentialsException(Exception? innerException)
        : base(RefusedMessage, innerException)
    {
    }
}
