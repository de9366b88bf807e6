using Microsoft.Extensions.Options;

namespace Fractal.FunctionApp.Settings;

/// <summary>
/// Settings are options: a feature's settings type names its app settings with <c>[ConfigurationKeyName]</c>, is bound
/// from the app settings (environment variables, <c>local.settings.json</c>'s <c>Values</c>) and checked when the host
/// starts, so that a wrong value stops start-up with a message naming the setting.
/// </summary>
public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TSettings"/> from <paramref name="configuration"/> and validates it on start. A value the
    /// binder cannot convert fails validation too (naming the setting), rather than throwing at first use.
    /// </summary>
    public static OptionsBuilder<TSettings> AddSettings<TSettings>(this IServiceCollection services, IConfiguration configuration)
        where TSettings : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddOptions<TSettings>().Configure(settings => Bind(configuration, settings)).ValidateOnStart();
    }

    /// <summary>Fails validation unless <paramref name="value"/> of the settings is at least 1, naming <paramref name="setting"/>.</summary>
    public static OptionsBuilder<TSettings> AtLeastOne<TSettings>(this OptionsBuilder<TSettings> builder, Func<TSettings, long> value, string setting)
        where TSettings : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Validate(settings => value(settings) >= 1, $"{setting} must be a whole number of at least 1.");
    }

    private static void Bind<TSettings>(IConfiguration configuration, TSettings settings)
        where TSettings : class
    {
        try
        {
            configuration.Bind(settings);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the setting ("… at 'FRACTAL_SQL_THREADS' to type 'System.Int32'").
            throw new OptionsValidationException(Options.DefaultName, typeof(TSettings), [ex.Message]);
        }
    }
}
