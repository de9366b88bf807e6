using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Boxplot;
using Fractal.Domain.Analyses.Cluster;
using Fractal.Domain.Analyses.Correlation;
using Fractal.Domain.Analyses.Heatmap;
using Fractal.Domain.Analyses.Histogram;
using Fractal.Domain.Analyses.Pca;
using Fractal.Domain.Analyses.Sql;
using Fractal.Domain.Analyses.Survival;
using Fractal.Domain.Analyses.Volcano;
using Fractal.Domain.Data;

namespace Fractal.FunctionApp.Tests.Analytics;

/// <summary>Every analysis (and each method that takes its own path) over the demo cohort.</summary>
internal static class AnalysisCases
{
    private static readonly string[] s_someGenes = ["g_0003", "g_0010", "g_0042", "g_0100", "g_0150"];

    public static TheoryData<string> Names { get; } =
    [
        "correlation-spearman", "boxplot-log2", "histogram", "pca", "heatmap-limma", "heatmap-variance", "heatmap-filtered",
        "volcano-limma", "volcano-limma-three-subsets", "volcano-welch", "cluster-hclust", "cluster-kmeans", "survival-km", "survival-na",
        "sql",
    ];

    private const string SqlCohortQuery =
        "SELECT c.value AS cohort, count(*) AS n, count(a.value) AS with_age, min(a.value) AS youngest, max(a.value) AS oldest "
        + "FROM age a JOIN cohort c USING (id) GROUP BY 1 ORDER BY 1";

    public static AnalysisCase Get(string name, DemoAnalyticsFixture f)
    {
        var ids = f.DataIds;
        return name switch
        {
            "correlation-spearman" => new(CorrelationAnalysis.TaskName,
                new { x = ids["age"], y = ids["bmi"], method = "spearman", subsets = f.Halves, categories = new[] { ids["sex"] } },
                async () => CorrelationAnalysis.Run(new(await f.TableAsync("age"), await f.TableAsync("bmi"), CorrelationMethod.Spearman, new AnalysisScope(null, f.Halves, [await f.TableAsync("sex")]))),
                ["scatter"]),
            "boxplot-log2" => new(BoxplotAnalysis.TaskName,
                new { variables = new[] { ids["age"], ids["bmi"] }, transformation = "log2", categories = new[] { ids["cohort"] }, subsets = f.Halves },
                async () => BoxplotAnalysis.Run(new([await f.TableAsync("age"), await f.TableAsync("bmi")], BoxplotTransformation.Log2, new AnalysisScope(null, f.Halves, [await f.TableAsync("cohort")]))),
                ["boxplot"]),
            "histogram" => new(HistogramAnalysis.TaskName,
                new { data = ids["bmi"], num_bins = 12, bw_factor = 1.5, categories = new[] { ids["sex"] } },
                async () => HistogramAnalysis.Run(new(await f.TableAsync("bmi"), 12, 1.5, new AnalysisScope(null, null, [await f.TableAsync("sex")]))),
                ["histogram"]),
            "pca" => new(PcaAnalysis.TaskName,
                new { features = new[] { ids["genes"], ids["age"] }, categories = new[] { ids["cohort"] }, whiten = true },
                async () => PcaAnalysis.Run(new([await f.TableAsync("genes"), await f.TableAsync("age")], true, new AnalysisScope(null, null, [await f.TableAsync("cohort")]))),
                ["pca_scores", "pca_loadings"]),
            "heatmap-limma" => new(HeatmapAnalysis.TaskName,
                new { numerical_arrays = new[] { ids["genes"] }, ranking_method = "limma", max_rows = 30, subsets = f.Halves },
                async () => HeatmapAnalysis.Run(new([await f.TableAsync("genes")], "limma", 30, new AnalysisScope(null, f.Halves, null))),
                ["heatmap"]),
            "heatmap-filtered" => new(HeatmapAnalysis.TaskName,
                new { numerical_arrays = new object[] { new { id = ids["genes"], filters = new { feature = s_someGenes } } }, ranking_method = "mean", max_rows = 50, categories = new[] { new { id = ids["cohort"], filters = new { feature = new[] { "A", "B" } } } } },
                async () => HeatmapAnalysis.Run(new([(await f.TableAsync("genes")).KeepOnly(s_someGenes)], "mean", 50, new AnalysisScope(null, null, [(await f.TableAsync("cohort")).KeepOnly(["A", "B"])]))),
                ["heatmap"]),
            "heatmap-variance" => new(HeatmapAnalysis.TaskName,
                new { numerical_arrays = new[] { ids["genes"] }, ranking_method = "variance", max_rows = 20, id_filter = f.Halves[0] },
                async () => HeatmapAnalysis.Run(new([await f.TableAsync("genes")], "variance", 20, new AnalysisScope(f.Halves[0], null, null))),
                ["heatmap"]),
            "volcano-limma" => new(VolcanoAnalysis.TaskName,
                new { numerical_arrays = new[] { ids["genes"] }, ranking_method = "limma", subsets = f.Halves },
                async () => VolcanoAnalysis.Run(new([await f.TableAsync("genes")], "limma", new AnalysisScope(null, f.Halves, null))),
                ["volcano"]),
            "volcano-limma-three-subsets" => new(VolcanoAnalysis.TaskName,
                new { numerical_arrays = new[] { ids["genes"] }, ranking_method = "limma", subsets = f.Thirds },
                async () => VolcanoAnalysis.Run(new([await f.TableAsync("genes")], "limma", new AnalysisScope(null, f.Thirds, null))),
                ["volcano"]),
            "volcano-welch" => new(VolcanoAnalysis.TaskName,
                new { numerical_arrays = new[] { ids["genes"] }, ranking_method = "welch", subsets = f.Halves },
                async () => VolcanoAnalysis.Run(new([await f.TableAsync("genes")], "welch", new AnalysisScope(null, f.Halves, null))),
                ["volcano"]),
            "cluster-hclust" => new(ClusterAnalysis.TaskName,
                new { data = ids["genes"], cluster_algo = "hclust", options = new { method = "average", metric = "correlation", n_row_clusters = 4, n_col_clusters = 3 } },
                async () => ClusterAnalysis.Run(ClusterArguments.FromDataset(await f.TableAsync("genes"), "hclust", new ClusterOptions { Method = "average", Metric = "correlation", RowClusters = 4, ColumnClusters = 3 })),
                ["cluster_sizes", "dendrogram"]),
            "cluster-kmeans" => new(ClusterAnalysis.TaskName,
                new { data = ids["genes"], cluster_algo = "kmeans", options = new { n_row_centroids = 3, n_col_centroids = 2, seed = 5 } },
                async () => ClusterAnalysis.Run(ClusterArguments.FromDataset(await f.TableAsync("genes"), "kmeans", new ClusterOptions { RowCentroids = 3, ColumnCentroids = 2, Seed = 5 })),
                ["cluster_sizes"]),
            "survival-km" => new(SurvivalAnalysis.TaskName,
                new { durations = ids["os"], estimator = "KaplanMeier", categories = new[] { ids["cohort"] } },
                async () => SurvivalAnalysis.Run(new(await f.TableAsync("os"), null, SurvivalEstimator.KaplanMeier, new AnalysisScope(null, null, [await f.TableAsync("cohort")]))),
                ["survival"]),
            "survival-na" => new(SurvivalAnalysis.TaskName,
                new { durations = ids["os_months"], event_observed = ids["os_event"], estimator = "NelsonAalen", subsets = f.Halves },
                async () => SurvivalAnalysis.Run(new(await f.TableAsync("os_months"), await f.TableAsync("os_event"), SurvivalEstimator.NelsonAalen, new AnalysisScope(null, f.Halves, null))),
                ["survival"]),
            "sql" => new(SqlAnalysis.TaskName,
                new { query = SqlCohortQuery, tables = new Dictionary<string, string> { ["age"] = ids["age"], ["cohort"] = ids["cohort"] } },
                async () => SqlCohortExpected(await f.TableAsync("age"), await f.TableAsync("cohort")),
                ["sql"]),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such case."),
        };
    }

    /// <summary>What <see cref="SqlCohortQuery"/> returns, computed with LINQ over the same tables (DuckDB sorts NULL last).</summary>
    private static SqlResult SqlCohortExpected(DatasetTable age, DatasetTable cohort)
    {
        var ageOf = age.Ids.Select((id, row) => (id, row)).ToDictionary(p => p.id, p => age.Numbers[p.row], StringComparer.Ordinal);
        var rows = cohort.Ids.Select((id, row) => (Id: id, Cohort: cohort.Labels[row]))
            .Where(p => ageOf.ContainsKey(p.Id))
            .GroupBy(p => p.Cohort)
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var ages = g.Select(p => ageOf[p.Id]).Where(v => !double.IsNaN(v)).ToList();
                return (IReadOnlyList<object?>)[g.Key, (long)g.Count(), (long)ages.Count, ages.Count > 0 ? ages.Min() : null, ages.Count > 0 ? ages.Max() : null];
            })
            .ToList();
        return new SqlResult
        {
            Columns =
            [
                new("cohort", "VARCHAR", SqlValueKind.Text), new("n", "BIGINT", SqlValueKind.Number), new("with_age", "BIGINT", SqlValueKind.Number),
                new("youngest", "DOUBLE", SqlValueKind.Number), new("oldest", "DOUBLE", SqlValueKind.Number),
            ],
            Rows = rows,
        };
    }
}
