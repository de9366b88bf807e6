using Fractal.Durable.Functions;
using Microsoft.AspNetCore.Http;

namespace Fractal.Durable.Tests.Hosting;

/// <summary>Errors as <c>{"message": ...}</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class MessageErrorsAttribute : HttpErrorShapeAttribute
{
    public override IResult Create(int statusCode, string detail, string? field) =>
        Results.Json(new { message = detail }, statusCode: statusCode);
}
