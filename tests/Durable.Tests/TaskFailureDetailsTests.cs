namespace Fractal.Durable.Tests;

public sealed class TaskFailureDetailsTests
{
    [Fact]
    public void FromException_TaskFailedException_KeepsTheTasksFailureAsInner()
    {
        var activity = new TaskFailureDetails("System.ArgumentException", "bad x");
        var failed = new TaskFailedException("Compute", 3, activity);

        var details = TaskFailureDetails.FromException(failed);

        Assert.Equal(typeof(TaskFailedException).FullName, details.ErrorType);
        Assert.Equal(activity, details.InnerFailure);
    }

    [Fact]
    public void GetRootCause_NestedFailures_ReturnsTheInnermost()
    {
        var error = new InvalidOperationException("outer", new FormatException("inner"));

        var root = TaskFailureDetails.FromException(error).GetRootCause();

        Assert.Equal(typeof(FormatException).FullName, root.ErrorType);
        Assert.Equal("inner", root.ErrorMessage);
    }

    [Fact]
    public void Serialize_NestedFailure_RoundTrips()
    {
        var details = TaskFailureDetails.FromException(new TaskFailedException("A", 1, new TaskFailureDetails("E", "m")));

        var copy = System.Text.Json.JsonSerializer.Deserialize<TaskFailureDetails>(System.Text.Json.JsonSerializer.Serialize(details));

        Assert.Equal(details.InnerFailure, copy!.InnerFailure);
    }
}
