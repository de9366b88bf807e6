using Fractal.FunctionApp.Analytics;
using Microsoft.DurableTask.Client;

namespace Fractal.FunctionApp.Tests.Analytics;

public sealed class AnalysisRunsTests
{
    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Completed, true)]
    [InlineData(OrchestrationRuntimeStatus.Failed, true)]
    [InlineData(OrchestrationRuntimeStatus.Terminated, true)]
    [InlineData(OrchestrationRuntimeStatus.Pending, false)]
    [InlineData(OrchestrationRuntimeStatus.Running, false)]
    [InlineData(OrchestrationRuntimeStatus.Suspended, false)]
    public void HasEnded_Status_TrueOnlyForStatusesTheEngineCanPurge(OrchestrationRuntimeStatus status, bool ended) =>
        Assert.Equal(ended, AnalysisRuns.HasEnded(status));
}
