using Fractal.Durable.Backends.AzureStorage;

namespace Fractal.Durable.Tests.Backends;

public sealed class QueueTimeoutsTests
{
    [Theory]
    [InlineData(-5, 0)]
    [InlineData(0, 0)]
    [InlineData(0.2, 1)]
    [InlineData(2.5, 3)]
    public void Delay_Seconds_RoundsUpToWholeSeconds(double seconds, double expected) =>
        Assert.Equal(TimeSpan.FromSeconds(expected), QueueTimeouts.Delay(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0.5, 1)]
    [InlineData(30, 30)]
    public void Visibility_Seconds_IsAtLeastOneWholeSecond(double seconds, double expected) =>
        Assert.Equal(TimeSpan.FromSeconds(expected), QueueTimeouts.Visibility(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Delay_BeyondSevenDays_IsCappedBelowTheQueueLimit() =>
        Assert.True(QueueTimeouts.Delay(TimeSpan.FromDays(30)) < TimeSpan.FromDays(7));
}
