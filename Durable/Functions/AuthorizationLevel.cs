namespace Fractal.Durable.Functions;

/// <summary>Who may call an HTTP-triggered function, as in the Functions host.</summary>
public enum AuthorizationLevel
{
    /// <summary>Anyone: no key is asked for.</summary>
    Anonymous,

    /// <summary>Callers presenting the host key in <c>x-functions-key</c> or <c>?code=</c>.</summary>
    Function,

    /// <summary>Callers presenting the host key; reserved for administrative routes.</summary>
    Admin,
}
