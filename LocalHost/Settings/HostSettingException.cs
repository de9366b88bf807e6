namespace Fractal.LocalHost.Settings;

/// <summary>A setting has a value the host cannot use; the message names the setting.</summary>
public sealed class HostSettingException : Exception
{
    public HostSettingException()
    {
        Setting = string.Empty;
    }

    public HostSettingException(string message)
        : base(message)
    {
        Setting = string.Empty;
    }

    public HostSettingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Setting = string.Empty;
    }

    /// <summary>Creates the exception for <paramref name="setting"/>.</summary>
    public HostSettingException(string setting, string message, Exception? innerException = null)
        : base($"Setting '{setting}': {message}", innerException)
    {
        Setting = setting;
    }

    /// <summary>The setting at fault.</summary>
    public string Setting { get; }
}
