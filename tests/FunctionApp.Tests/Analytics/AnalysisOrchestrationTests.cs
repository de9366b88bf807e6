using System.Text.Json;
using Fractal.FunctionApp.Analytics;
using Fractal.FunctionApp.Analytics.Definitions;
using Microsoft.DurableTask;
using Moq;

namespace Fractal.FunctionApp.Tests.Analytics;

/// <summary>The analysis orchestration's branching, replayed against a mocked <see cref="TaskOrchestrationContext"/>.</summary>
public sealed class AnalysisOrchestrationTests
{
    private const string InstanceId = "analysis-1";
    private static readonly AnalysisOutput s_output = new() { TaskName = "compute-anything", ResultUrl = "results/analysis-1/result.json", Charts = [] };
    private readonly Mock<TaskOrchestrationContext> _context = new(MockBehavior.Strict);
    private readonly List<(string Activity, object? Input)> _calls = [];

    [Fact]
    public async Task RunAsync_Groups_ComputesEachGroupThenCombinesThePartsInPlanOrder()
    {
        Given(Job(AnalysisFanOut.Groups));
        Returns(nameof(AnalysisActivities.PlanAnalysisGroups), new GroupPlan("plan", ["g0", "g1", "g2"]));
        ReturnsPerInput<GroupWork>(nameof(AnalysisActivities.ComputeAnalysisGroup), work => Part(work.GroupBlob));
        Returns(nameof(AnalysisActivities.FinishAnalysis), s_output);

        var output = await AnalysisOrchestration.RunAsync(_context.Object);

        var finish = Assert.IsType<FinishWork>(_calls.Single(c => c.Activity == nameof(AnalysisActivities.FinishAnalysis)).Input);
        Assert.Same(s_output, output);
        Assert.Equal(["g0", "g1", "g2"], _calls.Where(c => c.Activity == nameof(AnalysisActivities.ComputeAnalysisGroup)).Select(c => ((GroupWork)c.Input!).GroupBlob));
        Assert.Equal(["g0", "g1", "g2"], finish.Parts.Select(part => part.GetString()));
        Assert.Equal("plan", finish.PlanBlob);
        Assert.Equal(InstanceId, finish.InstanceId);
    }

    [Fact]
    public async Task RunAsync_MoreGroupsThanTheFanOutAllows_FailsNamingTheSettingBeforeComputingAny()
    {
        Given(Job(AnalysisFanOut.Groups) with { MaxFanOut = 2 });
        Returns(nameof(AnalysisActivities.PlanAnalysisGroups), new GroupPlan("plan", ["g0", "g1", "g2"]));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AnalysisOrchestration.RunAsync(_context.Object));

        Assert.Contains(AnalysisSettings.MaxFanOutSetting, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_calls, c => c.Activity == nameof(AnalysisActivities.ComputeAnalysisGroup));
    }

    [Fact]
    public async Task RunAsync_OneGroupFails_FailsWithThatGroupsErrorAndFinishesNothing()
    {
        Given(Job(AnalysisFanOut.Groups));
        Returns(nameof(AnalysisActivities.PlanAnalysisGroups), new GroupPlan("plan", ["g0", "g1"]));
        ReturnsPerInput<GroupWork>(nameof(AnalysisActivities.ComputeAnalysisGroup), work => work.GroupBlob == "g1"
            ? throw new TaskFailedException(nameof(AnalysisActivities.ComputeAnalysisGroup), 2, new TaskFailureDetails("Fractal.Domain.Analyses.AnalysisArgumentException", "too few values", null, null, null))
            : Part(work.GroupBlob));

        var error = await Assert.ThrowsAsync<AnalysisFailedException>(() => AnalysisOrchestration.RunAsync(_context.Object));

        Assert.Equal("AnalysisArgumentException: too few values", error.Message);
        Assert.DoesNotContain(_calls, c => c.Activity == nameof(AnalysisActivities.FinishAnalysis));
    }

    [Fact]
    public async Task RunAsync_RefusedJob_FailsWithTheRefusalAndCallsNoActivity()
    {
        Given(Job(AnalysisFanOut.Groups) with { Refusal = "NotImplementedError: DESeq2 is not computed; use limma." });

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => AnalysisOrchestration.RunAsync(_context.Object));

        Assert.Equal("NotImplementedError: DESeq2 is not computed; use limma.", error.Message);
        Assert.Empty(_calls);
    }

    [Fact]
    public async Task RunAsync_Whole_OnlyFinishes()
    {
        Given(Job(AnalysisFanOut.Whole));
        Returns(nameof(AnalysisActivities.FinishAnalysis), s_output);

        await AnalysisOrchestration.RunAsync(_context.Object);

        var call = Assert.Single(_calls);
        Assert.Equal(nameof(AnalysisActivities.FinishAnalysis), call.Activity);
        Assert.Empty(Assert.IsType<FinishWork>(call.Input).Parts);
    }

    [Fact]
    public async Task RunAsync_LimmaMatrix_FitsEachChunkThenOnePriorThenModeratesEachChunkWithItsFit()
    {
        Given(Job(AnalysisFanOut.FeatureChunks) with { ChunkSize = 2 });
        Returns(nameof(AnalysisActivities.MeasureFeatureMatrix), new MatrixShape(5, "limma", [0, 1], ["s1", "s2"]));
        ReturnsPerInput<ChunkWork>(nameof(AnalysisActivities.FitLinearModels), chunk => Part($"fit{chunk.Start}"));
        ReturnsPerInput<JsonElement[]>(nameof(AnalysisActivities.EstimateLimmaPrior), _ => Part("prior"));
        ReturnsPerInput<ChunkWork>(nameof(AnalysisActivities.ModerateLimmaChunk), chunk => Part($"moderated{chunk.Start}:{chunk.Fit?.GetString()}:{chunk.Prior?.GetString()}"));
        Returns(nameof(AnalysisActivities.FinishAnalysis), s_output);

        await AnalysisOrchestration.RunAsync(_context.Object);

        var fits = Inputs<ChunkWork>(nameof(AnalysisActivities.FitLinearModels));
        var finish = Assert.Single(Inputs<FinishWork>(nameof(AnalysisActivities.FinishAnalysis)));
        Assert.Equal([(0, 2), (2, 2), (4, 1)], fits.Select(chunk => (chunk.Start, chunk.Count)));
        Assert.Equal(["fit0", "fit2", "fit4"], Assert.Single(Inputs<JsonElement[]>(nameof(AnalysisActivities.EstimateLimmaPrior))).Select(fit => fit.GetString()));
        Assert.Equal(["moderated0:fit0:prior", "moderated2:fit2:prior", "moderated4:fit4:prior"], finish.Parts.Select(part => part.GetString()));
        Assert.Equal("limma", finish.Shape!.Method);
    }

    [Fact]
    public async Task RunAsync_MoreFeaturesThanTheFanOutAtThisChunkSize_MakesLargerChunksNotMore()
    {
        Given(Job(AnalysisFanOut.FeatureChunks) with { ChunkSize = 1, MaxFanOut = 3 });
        Returns(nameof(AnalysisActivities.MeasureFeatureMatrix), new MatrixShape(10, "welch", [0, 1], ["s1", "s2"]));
        ReturnsPerInput<ChunkWork>(nameof(AnalysisActivities.WelchChunk), chunk => Part($"welch{chunk.Start}"));
        Returns(nameof(AnalysisActivities.FinishAnalysis), s_output);

        await AnalysisOrchestration.RunAsync(_context.Object);

        Assert.Equal([(0, 4), (4, 4), (8, 2)], Inputs<ChunkWork>(nameof(AnalysisActivities.WelchChunk)).Select(chunk => (chunk.Start, chunk.Count)));
    }

    [Fact]
    public async Task RunAsync_MatrixRankedWithoutPerFeatureStatistics_FinishesWithTheShapeAndNoParts()
    {
        Given(Job(AnalysisFanOut.FeatureChunks));
        Returns(nameof(AnalysisActivities.MeasureFeatureMatrix), new MatrixShape(50, "mean", [], []));
        Returns(nameof(AnalysisActivities.FinishAnalysis), s_output);

        await AnalysisOrchestration.RunAsync(_context.Object);

        var finish = Assert.Single(Inputs<FinishWork>(nameof(AnalysisActivities.FinishAnalysis)));
        Assert.Equal(2, _calls.Count);
        Assert.Empty(finish.Parts);
        Assert.Equal("mean", finish.Shape!.Method);
    }

    private static AnalysisJob Job(AnalysisFanOut fanOut) => new("session-1", "compute-anything", null, ArgsBlob: "results/analysis-1/args.json", FanOut: fanOut);

    private static JsonElement Part(string text) => JsonSerializer.SerializeToElement(text);

    private List<T> Inputs<T>(string activity) => [.. _calls.Where(c => c.Activity == activity).Select(c => (T)c.Input!)];

    private void Given(AnalysisJob job)
    {
        _context.Setup(c => c.GetInput<AnalysisJob>()).Returns(job);
        _context.SetupGet(c => c.InstanceId).Returns(InstanceId);
    }

    private void Returns<TResult>(string activity, TResult result) => ReturnsPerInput<object, TResult>(activity, _ => result);

    private void ReturnsPerInput<TInput>(string activity, Func<TInput, JsonElement> result) => ReturnsPerInput<TInput, JsonElement>(activity, result);

    /// <summary>The activity answers what <paramref name="result"/> gives for its input, or the <see cref="TaskFailedException"/> it throws.</summary>
    private void ReturnsPerInput<TInput, TResult>(string activity, Func<TInput, TResult> result) =>
        _context
            .Setup(c => c.CallActivityAsync<TResult>(It.Is<TaskName>(name => name.Name == activity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName _, object? input, TaskOptions? _) =>
            {
                _calls.Add((activity, input));
                try
                {
                    return Task.FromResult(result((TInput)input!));
                }
                catch (TaskFailedException failure)
                {
                    return Task.FromException<TResult>(failure);
                }
            });
}
