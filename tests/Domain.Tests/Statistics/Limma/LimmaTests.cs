using System.Text.Json;
using Fractal.Domain.Statistics.Limma;

namespace Fractal.Domain.Tests.Statistics.Limma;

public sealed class LimmaTests
{
    public static TheoryData<string> Cases => [.. LimmaFixtures.Names];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Estimate_ReferenceCase_MatchesEBayesPrior(string name)
    {
        var (fixture, model, rows) = Load(name);

        var prior = EmpiricalBayesPrior.Estimate([LinearModel.Fit(model, rows)]);

        Tolerance.AssertClose(ReferenceFixture.Number(fixture.GetProperty("df_prior")), prior.DfPrior, Tolerance.Statistics, "df.prior");
        Tolerance.AssertClose(ReferenceFixture.Number(fixture.GetProperty("s2_prior")), prior.S2Prior, Tolerance.Statistics, "s2.prior");
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("var_prior")), prior.VarPrior, Tolerance.Statistics, "var.prior");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_ReferenceCase_MatchesContrastsFitCoefficients(string name)
    {
        var (fixture, model, rows) = Load(name);

        var fit = LinearModel.Fit(model, rows);

        Assert.Equal(ReferenceFixture.Strings(fixture.GetProperty("contrasts")), model.Contrasts.Select(c => c.Name));
        var expected = ReferenceFixture.Flatten(ReferenceFixture.Rows(fixture.GetProperty("coefficients")));
        Tolerance.AssertAllClose(expected, fit.Coefficients, Tolerance.Values, "coefficients");
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("AveExpr")), fit.AveExpr, Tolerance.Values, "AveExpr");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_ReferenceCase_MatchesModeratedTAndLogOdds(string name)
    {
        var (fixture, model, rows) = Load(name);
        var fit = LinearModel.Fit(model, rows);

        var statistics = ModeratedStatistics.Compute(model, fit, EmpiricalBayesPrior.Estimate([fit]));

        Tolerance.AssertAllClose(Matrix(fixture, "t"), statistics.T, Tolerance.Statistics, "t", 1e-9);
        Tolerance.AssertAllClose(Matrix(fixture, "p_value"), statistics.PValue, Tolerance.Statistics, "p.value", 1e-15);
        Tolerance.AssertAllClose(Matrix(fixture, "lods"), statistics.B, Tolerance.Statistics, "lods", 1e-9);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("F")), statistics.F, Tolerance.Statistics, "F", 1e-9);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("F_p_value")), statistics.FPValue, Tolerance.Statistics, "F.p.value", 1e-15);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TopTable_ReferenceCase_MatchesTopTable(string name)
    {
        var (fixture, model, rows) = Load(name);

        var table = LimmaPipeline.TopTable(model, rows);

        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("AveExpr")), table.AveExpr, Tolerance.Values, "AveExpr");
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("P.Value")), table.PValue, Tolerance.Statistics, "P.Value", 1e-15);
        Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("adj.P.Val")), table.AdjPValue, Tolerance.Statistics, "adj.P.Val", 1e-15);
        if (table.IsPairwise)
        {
            Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("logFC")), table.LogFC, Tolerance.Values, "logFC");
            Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("table_t")), table.T, Tolerance.Statistics, "t", 1e-9);
            Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("B")), table.B, Tolerance.Statistics, "B", 1e-9);
        }
        else
        {
            Tolerance.AssertAllClose(ReferenceFixture.Numbers(fixture.GetProperty("F")), table.F, Tolerance.Statistics, "F", 1e-9);
        }
    }

    [Theory]
    [InlineData("many_features_missing", 7)]
    [InlineData("three_groups", 4)]
    public void Assemble_FeaturesInChunks_EqualsOneShot(string name, int chunkCount)
    {
        var (_, model, rows) = Load(name);
        var oneShot = LimmaPipeline.TopTable(model, rows);

        var chunks = Split(rows, chunkCount);
        var fits = chunks.Select(chunk => LinearModel.Fit(model, chunk)).ToArray();
        var prior = EmpiricalBayesPrior.Estimate(fits);
        var chunked = LimmaTable.Assemble(model, [.. fits.Select(fit => ModeratedStatistics.Compute(model, fit, prior))]);

        Assert.Equal(oneShot.LogFC, chunked.LogFC);
        Assert.Equal(oneShot.T, chunked.T);
        Assert.Equal(oneShot.B, chunked.B);
        Assert.Equal(oneShot.F, chunked.F);
        Assert.Equal(oneShot.PValue, chunked.PValue);
        Assert.Equal(oneShot.AdjPValue, chunked.AdjPValue);
    }

    [Fact]
    public void Fit_RowAllMissing_ReportsNoValues()
    {
        var model = new CellMeansModel([0, 0, 1, 1], ["s1", "s2"]);

        var fit = LinearModel.Fit(model, [[1, 2, 3, 4], [double.NaN, double.NaN, double.NaN, double.NaN]]);

        Assert.Null(fit.Problems[0]);
        Assert.Equal("no values", fit.Problems[1]);
        Assert.True(double.IsNaN(fit.Coefficients[1]));
    }

    [Fact]
    public void Fit_GroupAllMissing_ReportsTheGroup()
    {
        var model = new CellMeansModel([0, 0, 1, 1], ["s1", "s2"]);

        var fit = LinearModel.Fit(model, [[1, 2, double.NaN, double.NaN]]);

        Assert.Equal("no values in s2", fit.Problems[0]);
    }

    [Fact]
    public void Estimate_OneSamplePerGroup_ThrowsNoResidualDf()
    {
        var model = new CellMeansModel([0, 1], ["s1", "s2"]);
        var fit = LinearModel.Fit(model, [[1, 2], [3, 5]]);

        var error = Assert.Throws<ArgumentException>(() => EmpiricalBayesPrior.Estimate([fit]));

        Assert.Contains("No residual degrees of freedom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CellMeansModel_EmptyGroup_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CellMeansModel([0, 0, 2], ["s1", "s2", "s3"]));
    }

    [Fact]
    public void CellMeansModel_OneGroup_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CellMeansModel([0, 0], ["s1"]));
    }

    private static (JsonElement Fixture, CellMeansModel Model, double[][] Rows) Load(string name)
    {
        var fixture = ReferenceFixture.Load("limma", name);
        var model = new CellMeansModel(
            ReferenceFixture.Integers(fixture.GetProperty("groups")),
            ReferenceFixture.Strings(fixture.GetProperty("group_names")));
        return (fixture, model, ReferenceFixture.Rows(fixture.GetProperty("rows")));
    }

    private static double[] Matrix(JsonElement fixture, string property) =>
        ReferenceFixture.Flatten(ReferenceFixture.Rows(fixture.GetProperty(property)));

    private static List<double[][]> Split(double[][] rows, int chunkCount)
    {
        var size = (rows.Length + chunkCount - 1) / chunkCount;
        return [.. rows.Chunk(size)];
    }
}
