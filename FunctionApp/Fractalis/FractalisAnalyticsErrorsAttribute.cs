using Fractal.FunctionApp.Web;

namespace Fractal.FunctionApp.Fractalis;

/// <summary>Every error of the marked Fractalis routes is answered as Fractalis' analytics routes answer it: <c>{"error_msg": ...}</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
internal sealed class FractalisAnalyticsErrorsAttribute : HttpErrorShapeAttribute
{
    public override IResult Create(int statusCode, string detail, string? field) => FractalisErrors.Analytics(statusCode, detail);
}
