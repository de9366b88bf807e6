using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Boxplot;
using Fractal.Domain.Analyses.Cluster;
using Fractal.Domain.Analyses.Correlation;
using Fractal.Domain.Analyses.Heatmap;
using Fractal.Domain.Analyses.Histogram;
using Fractal.Domain.Analyses.Pca;
using Fractal.Domain.Analyses.Survival;
using Fractal.Domain.Analyses.Volcano;
using Fractal.Domain.Data;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>
/// Each Fractal.js chart over HTTP, as the browser runs it: its <c>args</c> with <c>"$…$"</c> references (whole
/// datasets and filtered ones), the polling loop until SUCCESS, <c>JSON.parse</c> of the result and of the fields
/// Fractalis sends as JSON strings, and the fields the chart reads; every number equals the Domain's on the same data.
/// </summary>
public sealed class ChartContractTests : IClassFixture<ChartContractFixture>
{
    private static readonly string[] s_someGenes = [.. Enumerable.Range(1, 30).Select(i => $"g_{i:0000}")];
    private readonly ChartContractFixture _fixture;

    public ChartContractTests(ChartContractFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task GetVersion_AnswersTheFractalisApiLevel()
    {
        using var response = await _fixture.Client.GetAsync(new Uri("/api/fractalis/misc/version", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("1.4.0", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["version"]!.GetValue<string>());
    }

    [Fact]
    public void GetData_AfterTheLoads_ListsEveryDatasetWithItsType()
    {
        var types = _fixture.DataStates.ToDictionary(s => s!["label"]!.GetValue<string>(), s => s!["data_type"]!.GetValue<string>());

        Assert.Equal("numerical", types["age"]);
        Assert.Equal("categorical", types["sex"]);
        Assert.Equal("numerical_array", types["genes"]);
        Assert.All(_fixture.DataStates, s => Assert.Equal("SUCCESS", s!["etl_state"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Correlation_WithAFilteredReference_GivesWhatTheChartReads()
    {
        var result = await _fixture.ResultAsync(CorrelationAnalysis.TaskName, new
        {
            x = _fixture.Reference("age"),
            y = _fixture.Reference("bmi", "bmi"),
            id_filter = Array.Empty<string>(),
            method = "pearson",
            subsets = _fixture.Halves,
            categories = new[] { _fixture.Reference("sex") },
        });
        var expected = CorrelationAnalysis.Run(new(
            await _fixture.TableAsync("age"), await _fixture.TableAsync("bmi"), CorrelationMethod.Pearson,
            new AnalysisScope(null, _fixture.Halves, [await _fixture.TableAsync("sex")])));

        var data = Nested(result, "data").AsArray();
        Assert.Equal(expected.Coefficient, result["coef"]!.GetValue<double>());
        Assert.Equal(expected.PValue, result["p_value"]!.GetValue<double>());
        Assert.Equal("age", result["x_label"]!.GetValue<string>());
        Assert.All(data, point => Assert.Equal(JsonValueKind.Number, point!["value_x"]!.GetValueKind()));
        Assert.Contains(data, point => point!["subset"]!.GetValue<int>() == 1);
        AssertSame(CorrelationAnalysis.TaskName, expected, result, "data");
    }

    [Fact]
    public async Task Boxplot_FeaturesAndTransformation_GivesStatisticsAndAnova()
    {
        var result = await _fixture.ResultAsync(BoxplotAnalysis.TaskName, new
        {
            features = new[] { _fixture.Reference("age"), _fixture.Reference("bmi") },
            categories = new[] { _fixture.Reference("cohort") },
            id_filter = Array.Empty<string>(),
            transformation = "log2(x)",
            subsets = _fixture.Halves,
        });
        var expected = BoxplotAnalysis.Run(new(
            [await _fixture.TableAsync("age"), await _fixture.TableAsync("bmi")], BoxplotTransformation.Log2,
            new AnalysisScope(null, _fixture.Halves, [await _fixture.TableAsync("cohort")])));

        var statistics = result["statistics"]!.AsObject();
        Assert.Contains("age//B//s2", statistics.Select(pair => pair.Key));
        Assert.All(statistics, pair => Assert.Equal(100, pair.Value!["kde"]!.AsArray().Count));
        Assert.Equal(JsonValueKind.Number, result["anova"]!["f_value"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Number, result["anova"]!["p_value"]!.GetValueKind());
        Assert.All(Nested(result, "data").AsArray(), point => Assert.Equal(JsonValueKind.String, point!["feature"]!.GetValueKind()));
        AssertSame(BoxplotAnalysis.TaskName, expected, result, "data");
    }

    [Fact]
    public async Task Histogram_GivesStatsByCategoryAndSubset()
    {
        var result = await _fixture.ResultAsync(HistogramAnalysis.TaskName, new
        {
            bw_factor = 0.5,
            num_bins = 10,
            id_filter = Array.Empty<string>(),
            subsets = Array.Empty<string[]>(),
            data = _fixture.Reference("bmi"),
            categories = new[] { _fixture.Reference("sex") },
        });
        var expected = HistogramAnalysis.Run(new(
            await _fixture.TableAsync("bmi"), 10, 0.5, new AnalysisScope(null, null, [await _fixture.TableAsync("sex")])));

        Assert.Equal("bmi", result["label"]!.GetValue<string>());
        foreach (var category in result["categories"]!.AsArray().Select(c => c!.GetValue<string>()))
        {
            var group = result["stats"]![category]!["0"]!;
            Assert.Equal(10, group["hist"]!.AsArray().Count);
            Assert.Equal(11, group["bin_edges"]!.AsArray().Count);
            Assert.NotEmpty(group["dist"]!.AsArray());
        }

        AssertSame(HistogramAnalysis.TaskName, expected, result, "data");
    }

    [Fact]
    public async Task Pca_WithAFilteredArray_GivesColumnsPerComponent()
    {
        var genes = s_someGenes[..10];
        var result = await _fixture.ResultAsync(PcaAnalysis.TaskName, new
        {
            features = new[] { _fixture.Reference("genes", genes), _fixture.Reference("age") },
            categories = new[] { _fixture.Reference("cohort") },
            whiten = false,
            id_filter = Array.Empty<string>(),
            subsets = Array.Empty<string[]>(),
        });
        var expected = PcaAnalysis.Run(new(
            [await _fixture.TableAsync("genes", genes), await _fixture.TableAsync("age")], false,
            new AnalysisScope(null, null, [await _fixture.TableAsync("cohort")])));

        Assert.Equal(11, result["variance_ratios"]!.AsArray().Count);
        Assert.Equal([.. genes, "age"], result["loadings"]!["feature"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(500, result["data"]!["0"]!.AsArray().Count);
        Assert.Equal(500, result["data"]!["id"]!.AsArray().Count);
        AssertSame(PcaAnalysis.TaskName, expected, result);
    }

    [Fact]
    public async Task HeatmapThenCluster_TheZScoresClusterAsTheDomainClustersThem()
    {
        var heatmap = await _fixture.ResultAsync(HeatmapAnalysis.TaskName, new
        {
            numerical_arrays = new[] { _fixture.Reference("genes", s_someGenes) },
            numericals = Array.Empty<string>(),
            categoricals = Array.Empty<string>(),
            ranking_method = "mean",
            @params = new { },
            id_filter = Array.Empty<string>(),
            max_rows = 20,
            subsets = _fixture.Halves,
        });
        var expectedHeatmap = HeatmapAnalysis.Run(new([await _fixture.TableAsync("genes", s_someGenes)], "mean", 20, new AnalysisScope(null, _fixture.Halves, null)));
        AssertSame(HeatmapAnalysis.TaskName, expectedHeatmap, heatmap);
        Assert.Equal(20, heatmap["stats"]!["mean"]!.AsArray().Count);

        var cluster = await _fixture.ResultAsync(ClusterAnalysis.TaskName, new
        {
            df = DfAsTheHeatmapChartBuildsIt(heatmap),
            cluster_algo = "hclust",
            options = new { method = "average", metric = "euclidean", n_row_clusters = 3, n_col_clusters = 2, n_row_centroids = 5, n_col_centroids = 5 },
        });
        var zScores = DatasetTable.FromNumbers(
            DataType.NumericalArray,
            [.. expectedHeatmap.Data.Select(c => c.Id)],
            [.. expectedHeatmap.Data.Select(c => c.Feature)],
            [.. expectedHeatmap.Data.Select(c => c.ZScore)]);
        var expected = ClusterAnalysis.Run(ClusterArguments.FromDataset(zScores, "hclust", new ClusterOptions { Method = "average", Metric = "euclidean", RowClusters = 3, ColumnClusters = 2 }));

        Assert.Equal(20, cluster["row_clusters"]!.AsArray().Count);
        Assert.Equal(500, cluster["col_clusters"]!.AsArray().Count);
        AssertSame(ClusterAnalysis.TaskName, expected, cluster);
    }

    [Fact]
    public async Task Heatmap_RankedByPValue_IsLimmaWithItsColumns()
    {
        var result = await _fixture.ResultAsync(HeatmapAnalysis.TaskName, new
        {
            numerical_arrays = new[] { _fixture.Reference("genes") },
            numericals = Array.Empty<string>(),
            categoricals = Array.Empty<string>(),
            ranking_method = "P.Value",
            @params = new { },
            id_filter = Array.Empty<string>(),
            max_rows = 15,
            subsets = _fixture.Halves,
        });
        var expected = HeatmapAnalysis.Run(new([await _fixture.TableAsync("genes")], "limma", 15, new AnalysisScope(null, _fixture.Halves, null)));

        var pValues = result["stats"]!["P.Value"]!.AsArray().Select(p => p!.GetValue<double>()).ToList();
        Assert.Equal(15, pValues.Count);
        Assert.Equal(pValues.Order(), pValues);
        AssertSame(HeatmapAnalysis.TaskName, expected, result);
    }

    [Fact]
    public async Task Heatmap_RankedByLogFC_IsLimmaWithLargestFoldChangesFirst()
    {
        var result = await _fixture.ResultAsync(HeatmapAnalysis.TaskName, new
        {
            numerical_arrays = new[] { _fixture.Reference("genes") },
            numericals = Array.Empty<string>(),
            categoricals = Array.Empty<string>(),
            ranking_method = "logFC",
            @params = new { },
            id_filter = Array.Empty<string>(),
            max_rows = 15,
            subsets = _fixture.Halves,
        });
        var expected = HeatmapAnalysis.Run(new([await _fixture.TableAsync("genes")], "limma", 15, new AnalysisScope(null, _fixture.Halves, null), "logFC"));

        var sizes = result["stats"]!["logFC"]!.AsArray().Select(v => Math.Abs(v!.GetValue<double>())).ToList();
        Assert.Equal(15, sizes.Count);
        Assert.Equal(sizes.OrderDescending(), sizes);
        AssertSame(HeatmapAnalysis.TaskName, expected, result);
    }

    [Fact]
    public async Task Heatmap_RankedByFWithTwoSubsets_IsAcceptedThenFailsNamingTheColumns()
    {
        var (_, status) = await _fixture.RunAsync(HeatmapAnalysis.TaskName, new
        {
            numerical_arrays = new[] { _fixture.Reference("genes") },
            ranking_method = "F",
            max_rows = 15,
            subsets = _fixture.Halves,
        });

        Assert.Equal("FAILURE", status["state"]!.GetValue<string>());
        Assert.Contains("logFC", status["result"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Volcano_Limma_GivesTheTopTableAsColumns()
    {
        var result = await _fixture.ResultAsync(VolcanoAnalysis.TaskName, new
        {
            numerical_arrays = new[] { _fixture.Reference("genes") },
            id_filter = Array.Empty<string>(),
            @params = new { min_total_row_count = 10 },
            ranking_method = "limma",
            subsets = _fixture.Halves,
        });
        var expected = VolcanoAnalysis.Run(new([await _fixture.TableAsync("genes")], "limma", new AnalysisScope(null, _fixture.Halves, null)));

        var stats = result["stats"]!.AsObject();
        Assert.Equal(["feature", "logFC", "AveExpr", "t", "P.Value", "adj.P.Val", "B"], stats.Select(pair => pair.Key));
        Assert.All(stats, pair => Assert.Equal(expected.Statistics.Count, pair.Value!.AsArray().Count));
        AssertSame(VolcanoAnalysis.TaskName, expected, result);
    }

    [Fact]
    public async Task Volcano_LimmaThreeSubsets_GivesTheFTestTopTableAsColumns()
    {
        var result = await _fixture.ResultAsync(VolcanoAnalysis.TaskName, new
        {
            numerical_arrays = new[] { _fixture.Reference("genes") },
            id_filter = Array.Empty<string>(),
            @params = new { min_total_row_count = 10 },
            ranking_method = "limma",
            subsets = _fixture.Thirds,
        });
        var expected = VolcanoAnalysis.Run(new([await _fixture.TableAsync("genes")], "limma", new AnalysisScope(null, _fixture.Thirds, null)));

        var stats = result["stats"]!.AsObject();
        Assert.Equal(["feature", "group3.group1", "group3.group2", "group2.group1", "AveExpr", "F", "P.Value", "adj.P.Val"], stats.Select(pair => pair.Key));
        Assert.All(stats, pair => Assert.Equal(expected.Statistics.Count, pair.Value!.AsArray().Count));
        AssertSame(VolcanoAnalysis.TaskName, expected, result);
    }

    [Fact]
    public async Task Volcano_DESeq2_GivesTheResultsTableAsColumns()
    {
        var result = await _fixture.ResultAsync(VolcanoAnalysis.TaskName, new
        {
            numerical_arrays = new[] { _fixture.Reference("counts") },
            id_filter = Array.Empty<string>(),
            @params = new { min_total_row_count = 10 },
            ranking_method = "DESeq2",
            subsets = _fixture.Halves,
        });
        var expected = VolcanoAnalysis.Run(new([await _fixture.TableAsync("counts")], VolcanoAnalysis.DESeq2Method, new AnalysisScope(null, _fixture.Halves, null), MinTotalRowCount: 10));

        var stats = result["stats"]!.AsObject();
        Assert.Equal(["feature", "baseMean", "log2FoldChange", "lfcSE", "stat", "pvalue", "padj"], stats.Select(pair => pair.Key));
        Assert.All(stats, pair => Assert.Equal(expected.Statistics.Count, pair.Value!.AsArray().Count));
        AssertSame(VolcanoAnalysis.TaskName, expected, result);
    }

    [Fact]
    public async Task Volcano_DESeq2OnExpression_FailsNamingCounts()
    {
        var (_, status) = await _fixture.RunAsync(VolcanoAnalysis.TaskName, new
        {
            numerical_arrays = new[] { _fixture.Reference("genes") },
            id_filter = Array.Empty<string>(),
            @params = new { min_total_row_count = 10 },
            ranking_method = "DESeq2",
            subsets = _fixture.Halves,
        });

        Assert.Equal("FAILURE", status["state"]!.GetValue<string>());
        Assert.Contains("counts", status["result"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Survival_KaplanMeier_GivesCurvesByCategoryAndSubset()
    {
        var result = await _fixture.ResultAsync(SurvivalAnalysis.TaskName, new
        {
            durations = new[] { _fixture.Reference("os_months") },
            categories = new[] { _fixture.Reference("cohort") },
            event_observed = new[] { _fixture.Reference("os_event") },
            estimator = "KaplanMeier",
            id_filter = Array.Empty<string>(),
            subsets = Array.Empty<string[]>(),
        });
        var expected = SurvivalAnalysis.Run(new(
            await _fixture.TableAsync("os_months"), await _fixture.TableAsync("os_event"), SurvivalEstimator.KaplanMeier,
            new AnalysisScope(null, null, [await _fixture.TableAsync("cohort")])));

        Assert.Equal("os_months", result["label"]!.GetValue<string>());
        Assert.Equal(["A", "B", "C"], result["categories"]!.AsArray().Select(c => c!.GetValue<string>()).Order(StringComparer.Ordinal));
        foreach (var category in new[] { "A", "B", "C" })
        {
            var curve = result["stats"]![category]!["0"]!;
            Assert.Equal(0, curve["timeline"]![0]!.GetValue<double>());
            Assert.Equal(1, curve["estimate"]![0]!.GetValue<double>());
            var count = curve["timeline"]!.AsArray().Count;
            Assert.Equal(count, curve["estimate"]!.AsArray().Count);
            Assert.Equal(count, curve["ci_lower"]!.AsArray().Count);
            Assert.Equal(count, curve["ci_upper"]!.AsArray().Count);
        }

        AssertSame(SurvivalAnalysis.TaskName, expected, result);
    }

    [Fact]
    public async Task GetAnalytics_FromAnotherBrowser_Answers404()
    {
        var (taskId, _) = await _fixture.RunAsync(HistogramAnalysis.TaskName, new { data = _fixture.Reference("age"), num_bins = 5, bw_factor = 1.0 });
        using var stranger = new HttpClient { BaseAddress = _fixture.Client.BaseAddress };

        using var response = await stranger.GetAsync(new Uri($"/api/fractalis/analytics/{taskId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DeleteAnalytics_AsFractalJsCancels_Answers200()
    {
        var (taskId, _) = await _fixture.RunAsync(HistogramAnalysis.TaskName, new { data = _fixture.Reference("bmi"), num_bins = 5, bw_factor = 1.0 });

        using var response = await _fixture.Client.DeleteAsync(new Uri($"/api/fractalis/analytics/{taskId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Heatmap.vue's <c>clusterArgs</c>: <c>df[id][feature] = zscore</c> from the heatmap's data columns.</summary>
    private static JsonObject DfAsTheHeatmapChartBuildsIt(JsonObject heatmap)
    {
        var data = heatmap["data"]!;
        var ids = data["id"]!.AsArray();
        var features = data["feature"]!.AsArray();
        var zScores = data["zscore"]!.AsArray();
        var df = new JsonObject();
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i]!.GetValue<string>();
            if (df[id] is not JsonObject column)
            {
                column = [];
                df[id] = column;
            }

            column[features[i]!.GetValue<string>()] = zScores[i]?.DeepClone();
        }

        return df;
    }

    private static JsonNode Nested(JsonObject result, string name)
    {
        Assert.Equal(JsonValueKind.String, result[name]!.GetValueKind());
        return JsonNode.Parse(result[name]!.GetValue<string>())!;
    }

    /// <summary>The HTTP result is the Domain result, translated: the same JSON, nested strings compared as parsed.</summary>
    private static void AssertSame<T>(string taskName, T expected, JsonObject actual, params string[] nested)
    {
        var translated = FractalisResult.Parse(taskName, FractalisResult.Native(expected), []);
        foreach (var name in nested)
        {
            translated[name] = Nested(translated, name);
            actual = actual.DeepClone().AsObject();
            actual[name] = Nested(actual, name);
        }

        Assert.True(JsonNode.DeepEquals(translated, actual), $"{taskName}: the HTTP result differs from the Domain's, translated.");
    }
}
