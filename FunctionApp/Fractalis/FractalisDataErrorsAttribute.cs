using Fractal.FunctionApp.Web;

namespace Fractal.FunctionApp.Fractalis;

/// <summary>Every error of the marked Fractalis routes is answered as Fractalis' data routes answer it: <c>{"error": ...}</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
internal sealed class FractalisDataErrorsAttribute : HttpErrorShapeAttribute
{
    public override IResult Create(int statusCode, string detail, string? field) => FractalisErrors.Data(statusCode, detail);
}
