using Fractal.Domain.Data;
using Fractal.Etl.Handlers;
using Fractal.FunctionApp.Data;
using Microsoft.DurableTask;
using Moq;

namespace Fractal.FunctionApp.Tests.Data;

/// <summary>The ETL orchestration's branching, replayed against a mocked <see cref="TaskOrchestrationContext"/>.</summary>
public sealed class EtlOrchestrationTests
{
    private static readonly EtlSource s_source = new("csv", null, null);
    private readonly Mock<TaskOrchestrationContext> _context = new(MockBehavior.Strict);
    private readonly List<(string Activity, object? Input)> _calls = [];
    private readonly List<EtlProgress> _progress = [];

    [Fact]
    public async Task RunAsync_DatasetPlannedInPartitions_ExtractsEachPartitionThenCombinesThePartsInPartitionOrder()
    {
        Given(Job("d1"));
        Plans(work => Planned(work, 3));
        Extracts(work => Part(rows: 10 + work.Partition!.Index));
        Combines(work => Part(rows: work.Parts!.Sum(part => part.RowCount)));

        var outcomes = await EtlOrchestration.RunAsync(_context.Object);

        Assert.Equal([0, 1, 2], Inputs(nameof(EtlActivities.ExtractPartition)).Select(work => work.Partition!.Index));
        var combine = Assert.Single(Inputs(nameof(EtlActivities.CombineParts)));
        Assert.Equal([10L, 11L, 12L], combine.Parts!.Select(part => part.RowCount));
        Assert.Equal(new EtlDatasetOutcome("d1", EtlState.Success, null, 33), Assert.Single(outcomes));
        Assert.DoesNotContain(_calls, call => call.Activity == nameof(EtlActivities.FailDataset));
    }

    [Fact]
    public async Task RunAsync_OnePartitionOfOneDatasetFails_ThatDatasetFailsWithItsErrorAndTheOthersSucceed()
    {
        Given(Job("d1", "d2", "d3"));
        Plans(work => Planned(work, 2));
        Extracts(work => work.DataId == "d2" && work.Partition!.Index == 1 ? EtlStepResult.Failed("column 'age': 'x' is not a number") : Part(rows: 5));
        Combines(work => Part(rows: work.Parts!.Sum(part => part.RowCount)));
        FailsDatasets();

        var outcomes = await EtlOrchestration.RunAsync(_context.Object);

        Assert.Equal(
            [
                new EtlDatasetOutcome("d1", EtlState.Success, null, 10),
                new EtlDatasetOutcome("d2", EtlState.Failure, "column 'age': 'x' is not a number", 0),
                new EtlDatasetOutcome("d3", EtlState.Success, null, 10),
            ],
            outcomes);
        Assert.Equal(["d1", "d3"], Inputs(nameof(EtlActivities.CombineParts)).Select(work => work.DataId).Order());
        var failure = Assert.IsType<EtlFailure>(Assert.Single(_calls, call => call.Activity == nameof(EtlActivities.FailDataset)).Input);
        Assert.Equal(("d2", "column 'age': 'x' is not a number"), (failure.Work.DataId, failure.Message));
        Assert.Equal(new EtlProgress(3, 3), _progress[^1]);
    }

    [Fact]
    public async Task RunAsync_SourceRefusesTheCredentials_FailsThatDatasetWithoutExtractingAnything()
    {
        Given(Job("d1"));
        Plans(_ => EtlStepResult.Failed("the source refused the credentials (401)"));
        FailsDatasets();

        var outcomes = await EtlOrchestration.RunAsync(_context.Object);

        Assert.Equal(new EtlDatasetOutcome("d1", EtlState.Failure, "the source refused the credentials (401)", 0), Assert.Single(outcomes));
        Assert.Equal([nameof(EtlActivities.PlanDataset), nameof(EtlActivities.FailDataset)], _calls.Select(call => call.Activity));
    }

    [Fact]
    public async Task RunAsync_ActivityFailsAfterItsRetries_FailsTheDatasetWithTheActivitysMessage()
    {
        Given(Job("d1", "d2"));
        Plans(work => work.DataId == "d1"
            ? throw new TaskFailedException(nameof(EtlActivities.PlanDataset), 1, new TaskFailureDetails("Fractal.Etl.Handlers.SourceTransientException", "the source timed out", null, null, null))
            : Planned(work, 1));
        Extracts(_ => Part(rows: 4));
        Combines(_ => Part(rows: 4));
        FailsDatasets();

        var outcomes = await EtlOrchestration.RunAsync(_context.Object);

        Assert.Equal(
            [new EtlDatasetOutcome("d1", EtlState.Failure, "the source timed out", 0), new EtlDatasetOutcome("d2", EtlState.Success, null, 4)],
            outcomes);
    }

    [Fact]
    public async Task RunAsync_UploadedSource_DeletesTheUploadAfterEveryDatasetEnded()
    {
        Given(Job("d1") with { Upload = "upload-1" });
        Plans(work => Planned(work, 1));
        Extracts(_ => Part(rows: 1));
        Combines(_ => Part(rows: 1));
        _context
            .Setup(c => c.CallActivityAsync(It.Is<TaskName>(name => name.Name == nameof(EtlActivities.DeleteUpload)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? input, TaskOptions? _) => _calls.Add((nameof(EtlActivities.DeleteUpload), input)))
            .Returns(Task.CompletedTask);

        await EtlOrchestration.RunAsync(_context.Object);

        Assert.Equal((nameof(EtlActivities.DeleteUpload), (object?)new EtlUpload("session-1", "upload-1")), _calls[^1]);
    }

    private static EtlJob Job(params string[] dataIds) =>
        new("session-1", s_source, [.. dataIds.Select(id => new EtlJobDataset(id, new Descriptor { Fields = ["age"], DataTypeName = "numerical" }))], SealedToken: null);

    private static EtlStepResult Planned(EtlWork work, int count) =>
        new() { Partitions = [.. Enumerable.Range(0, count).Select(index => new EtlPartition(work.Source, work.Dataset.Descriptor, index, count))] };

    private static EtlStepResult Part(long rows) => new() { Part = new DatasetPartSummary(rows, rows * 8, ["age"]) };

    private List<EtlWork> Inputs(string activity) => [.. _calls.Where(call => call.Activity == activity).Select(call => (EtlWork)call.Input!)];

    private void Given(EtlJob job)
    {
        _context.Setup(c => c.GetInput<EtlJob>()).Returns(job);
        _context.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback((object? status) => _progress.Add((EtlProgress)status!));
    }

    private void Plans(Func<EtlWork, EtlStepResult> result) => Step(nameof(EtlActivities.PlanDataset), result);

    private void Extracts(Func<EtlWork, EtlStepResult> result) => Step(nameof(EtlActivities.ExtractPartition), result);

    private void Combines(Func<EtlWork, EtlStepResult> result) => Step(nameof(EtlActivities.CombineParts), result);

    private void FailsDatasets() =>
        _context
            .Setup(c => c.CallActivityAsync(It.Is<TaskName>(name => name.Name == nameof(EtlActivities.FailDataset)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? input, TaskOptions? _) => _calls.Add((nameof(EtlActivities.FailDataset), input)))
            .Returns(Task.CompletedTask);

    /// <summary>The activity answers what <paramref name="result"/> gives for its work, or the <see cref="TaskFailedException"/> it throws.</summary>
    private void Step(string activity, Func<EtlWork, EtlStepResult> result) =>
        _context
            .Setup(c => c.CallActivityAsync<EtlStepResult>(It.Is<TaskName>(name => name.Name == activity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName _, object? input, TaskOptions? _) =>
            {
                _calls.Add((activity, input));
                try
                {
                    return Task.FromResult(result((EtlWork)input!));
                }
                catch (TaskFailedException failure)
                {
                    return Task.FromException<EtlStepResult>(failure);
                }
            });
}
