
namespace Fractal.FunctionApp.Web;

/// <summary>
/// Marks a function, or every function of a class, whose contract answers errors in a shape of its own
/// instead of RFC 7807 problem details: every error the host answers for it (a thrown
/// <see cref="HttpProblemException"/>, a bad route value, an oversized body, an unexpected failure) is
/// written by <see cref="Create"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public abstract class HttpErrorShapeAttribute : Attribute
{
    /// <summary>The answer for an error with <paramref name="statusCode"/>, what went wrong and the request field at fault, if any.</summary>
    public abstract IResult Create(int statusCode, string detail, string? field);
}
