using Fractal.FunctionApp.Analytics;
using Fractal.FunctionApp.Analytics.Sql;
using Microsoft.DurableTask;

namespace Fractal.FunctionApp.Tests.Analytics;

public sealed class AnalysisFailedExceptionTests
{
    private static readonly string s_wrapper = typeof(AnalysisFailedException).FullName!;

    [Fact]
    public void From_ActivityExceptionWrappingAnother_NamesTheExceptionTheActivityThrew()
    {
        var cancelled = new TaskFailureDetails(typeof(OperationCanceledException).FullName!, "The operation was canceled.", null, null, null);
        var activity = new TaskFailureDetails(typeof(SqlLimitExceededException).FullName!, "over the time limit of 5 s", null, cancelled, null);

        var failure = AnalysisFailedException.From(new TaskFailedException("FinishAnalysis", 1, activity));

        Assert.Equal("SqlLimitExceededException: over the time limit of 5 s", failure.Message);
    }

    [Fact]
    public void From_FailedSubOrchestration_NamesTheActivityAtTheRoot()
    {
        var activity = new TaskFailureDetails("Fractal.FunctionApp.Analytics.AnalysisArgumentException", "no values", null, null, null);
        var child = new TaskFailureDetails(typeof(TaskFailedException).FullName!, "Task 'Plan' (#0) failed", null, activity, null);

        var failure = AnalysisFailedException.From(new TaskFailedException("Child", 2, child));

        Assert.Equal("AnalysisArgumentException: no values", failure.Message);
    }

    [Fact]
    public void Describe_FailureDetailsOfTheOrchestration_AnswersItsMessage()
    {
        var details = new TaskFailureDetails(s_wrapper, "AnalysisArgumentException: no values", null, null, null);

        Assert.Equal("AnalysisArgumentException: no values", AnalysisFailedException.Describe(details));
    }

    [Fact]
    public void Describe_OnlyTheFailuresText_AnswersWhatTheWrapperSays()
    {
        var details = new TaskFailureDetails("Exception", $"{s_wrapper}: AnalysisArgumentException: no values", null, null, null);

        Assert.Equal("AnalysisArgumentException: no values", AnalysisFailedException.Describe(details));
    }

    [Fact]
    public void Describe_AnotherFailure_AnswersItsShortTypeAndMessage()
    {
        var details = new TaskFailureDetails(typeof(NotSupportedException).FullName!, "not here", null, null, null);

        Assert.Equal("NotSupportedException: not here", AnalysisFailedException.Describe(details));
    }
}
