namespace Fractal.AzureConnections;

/// <summary>A connection setting that cannot be used; the message names it and says what it must be.</summary>
public sealed class StorageConnectionException : InvalidOperationException
{
    public StorageConnectionException()
    {
        Setting = string.Empty;
    }

    public StorageConnectionException(string message)
        : base(message)
    {
        Setting = string.Empty;
    }

    public StorageConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Setting = string.Empty;
    }

    /// <summary>Creates the exception for <paramref name="setting"/>, which <paramref name="problem"/>.</summary>
    public StorageConnectionException(string setting, string problem, Exception? innerException = null)
        : base($"The setting '{setting}' {problem}", innerException)
    {
        Setting = setting;
    }

    /// <summary>The setting at fault.</summary>
    public string Setting { get; }
}
