using System.Text.Json;
using System.Text.Json.Serialization;
using Fractal.Domain.Statistics.Limma;

namespace Fractal.Domain.Tests.Statistics.Limma;

public sealed class LimmaSerializationTests
{
    private static readonly JsonSerializerOptions s_options = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Fact]
    public void ChunkSteps_ThroughJson_GiveTheSameStatistics()
    {
        var fixture = ReferenceFixture.Load("limma", "two_groups_missing");
        var model = new CellMeansModel(ReferenceFixture.Integers(fixture.GetProperty("groups")), ReferenceFixture.Strings(fixture.GetProperty("group_names")));
        var fit = LinearModel.Fit(model, ReferenceFixture.Rows(fixture.GetProperty("rows")));
        var prior = EmpiricalBayesPrior.Estimate([fit]);

        var fitCopy = JsonSerializer.Deserialize<LinearFit>(JsonSerializer.Serialize(fit, s_options), s_options)!;
        var priorCopy = JsonSerializer.Deserialize<EmpiricalBayesPrior>(JsonSerializer.Serialize(prior, s_options), s_options)!;

        var expected = ModeratedStatistics.Compute(model, fit, prior);
        var actual = ModeratedStatistics.Compute(model, fitCopy, priorCopy);
        Assert.Equal(expected.T, actual.T);
        Assert.Equal(expected.B, actual.B);
        Assert.Equal(expected.PValue, actual.PValue);
        Assert.Equal(fit.Problems, fitCopy.Problems);
    }
}
