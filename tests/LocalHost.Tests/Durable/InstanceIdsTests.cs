using Fractal.LocalHost.Durable;

namespace Fractal.LocalHost.Tests.Durable;

public sealed class InstanceIdsTests
{
    [Theory]
    [InlineData("abc-123_X")]
    [InlineData("a")]
    public void Validate_AcceptedId_DoesNotThrow(string instanceId)
    {
        InstanceIds.Validate(instanceId, "id");
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\nb")]
    public void Validate_ForbiddenCharacter_ThrowsNamingTheParameter(string instanceId)
    {
        var error = Assert.Throws<ArgumentException>(() => InstanceIds.Validate(instanceId, "id"));

        Assert.Equal("id", error.ParamName);
    }

    [Fact]
    public void Validate_LongerThanDurableAllows_Throws()
    {
        Assert.Throws<ArgumentException>(() => InstanceIds.Validate(new string('x', InstanceIds.MaxLength + 1), "id"));
    }
}
