using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Fractal.LocalHost.Tests.Http;

/// <summary>A worker middleware that marks the response and turns the functions' exceptions into 418, as an app's problem-details middleware would.</summary>
public sealed class RecordingMiddleware : IFunctionsWorkerMiddleware
{
    public const string Header = "x-test-middleware";

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.GetHttpContext()!;
        http.Response.Headers[Header] = context.FunctionDefinition.Name;
        try
        {
            await next(context);
        }
        catch (InvalidOperationException ex) when (context.FunctionDefinition.Name == "HttpTest_Throws")
        {
            http.Response.StatusCode = StatusCodes.Status418ImATeapot;
            await http.Response.WriteAsync(ex.Message);
        }
    }
}
