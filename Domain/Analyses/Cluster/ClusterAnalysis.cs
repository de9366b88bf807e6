using Fractal.Domain.Analyses.Heatmap;
using Fractal.Domain.Statistics;
using Fractal.Domain.Statistics.Clustering;

namespace Fractal.Domain.Analyses.Cluster;

/// <summary>
/// <c>compute-cluster</c>, as Fractalis computes it: missing values filled with their row's median, then rows and
/// columns clustered apart, by SciPy's <c>linkage</c> + <c>cut_tree</c> (<c>hclust</c>) or by <see cref="KMeans"/>
/// (<c>kmeans</c>, reproducible for a seed), and each side sorted by cluster size with the biggest cluster relabelled 0.
/// </summary>
public static class ClusterAnalysis
{
    public const string TaskName = "compute-cluster";

    /// <summary>The algorithms: <c>hclust</c> and <c>kmeans</c>.</summary>
    public static IReadOnlyList<string> Algorithms { get; } = ["hclust", "kmeans"];

    /// <summary>The catalog entry.</summary>
    public static AnalysisSchema Schema { get; } = new()
    {
        TaskName = TaskName,
        Description = "Hierarchical (SciPy linkage + cut_tree) or k-means clustering of the rows and the columns of a matrix, such as a heatmap's.",
        Parameters =
        [
            new() { Name = "data", Kind = ParameterKind.Options, Required = true, Description = "The matrix: rows of named values, missing values allowed (filled with the row's median)." },
            new() { Name = "cluster_algo", Kind = ParameterKind.Text, Required = true, AllowedValues = Algorithms, Description = "hclust or kmeans." },
            new() { Name = "options", Kind = ParameterKind.Options, Required = true, Description = "hclust: method (" + string.Join(", ", ClusteringNames.Methods) + "), metric (" + string.Join(", ", ClusteringNames.Metrics) + "), n_row_clusters, n_col_clusters; kmeans: n_row_centroids, n_col_centroids, seed." },
        ],
    };

    /// <summary>Runs the analysis.</summary>
    /// <exception cref="AnalysisArgumentException">A bad algorithm, option or matrix, naming the argument (such as <c>options.metric</c>).</exception>
    public static ClusterResult Run(ClusterArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(arguments.Options);
        var rows = FillWithRowMedians(arguments);
        var columns = JaggedMatrix.Transpose(rows, arguments.ColumnNames.Count);
        var options = arguments.Options;
        switch (arguments.Algorithm)
        {
            case "hclust":
                {
                    var (method, metric) = Linkage(options);
                    var rowCount = Count(options.RowClusters, "options.n_row_clusters", rows.Length);
                    var columnCount = Count(options.ColumnClusters, "options.n_col_clusters", columns.Length);
                    var rowLinkage = Link(rows, method, metric, "rows");
                    var columnLinkage = Link(columns, method, metric, "columns");
                    return new ClusterResult
                    {
                        RowClusters = SortBySize(arguments.RowNames, ClusterTree.Cut(rowLinkage, rowCount)),
                        ColumnClusters = SortBySize(arguments.ColumnNames, ClusterTree.Cut(columnLinkage, columnCount)),
                        RowLinkage = rowLinkage,
                        ColumnLinkage = columnLinkage,
                    };
                }

            case "kmeans":
                {
                    var rowCount = Count(options.RowCentroids, "options.n_row_centroids", rows.Length);
                    var columnCount = Count(options.ColumnCentroids, "options.n_col_centroids", columns.Length);
                    var seed = options.Seed ?? 0;
                    return new ClusterResult
                    {
                        RowClusters = SortBySize(arguments.RowNames, KMeans.Cluster(rows, rowCount, seed)),
                        ColumnClusters = SortBySize(arguments.ColumnNames, KMeans.Cluster(columns, columnCount, seed)),
                    };
                }

            default:
                throw new AnalysisArgumentException("cluster_algo", $"'{arguments.Algorithm}' is not a clustering algorithm; use one of {string.Join(", ", Algorithms)}.");
        }
    }

    /// <summary>
    /// The linkage <c>hclust</c> uses, from <c>options.method</c> and <c>options.metric</c>; <c>kmeans</c> reads
    /// neither, so only <c>hclust</c> checks them.
    /// </summary>
    /// <exception cref="AnalysisArgumentException">An unknown method or metric, or a method that needs the euclidean metric without it.</exception>
    public static (LinkageMethod Method, DistanceMetric Metric) Linkage(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!ClusteringNames.TryParseMethod(options.Method, out var method))
        {
            throw new AnalysisArgumentException("options.method", $"'{options.Method}' is not a linkage method; use one of {string.Join(", ", ClusteringNames.Methods)}.");
        }

        if (!ClusteringNames.TryParseMetric(options.Metric, out var metric))
        {
            throw new AnalysisArgumentException("options.metric", $"'{options.Metric}' is not a metric; use one of {string.Join(", ", ClusteringNames.Metrics)}.");
        }

        return method is LinkageMethod.Centroid or LinkageMethod.Median or LinkageMethod.Ward && metric != DistanceMetric.Euclidean
            ? throw new AnalysisArgumentException("options.metric", $"Method '{options.Method}' requires the euclidean metric.")
            : (method, metric);
    }

    /// <summary>
    /// Fractalis' ordering: sort the (name, cluster) pairs by the size of their cluster, then by the cluster label,
    /// both descending (equal pairs keep their order), and relabel the clusters 0, 1, … in that order.
    /// </summary>
    public static IReadOnlyList<NamedCluster> SortBySize(IReadOnlyList<string> names, IReadOnlyList<int> clusters)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(clusters);
        var sizes = new Dictionary<int, int>();
        foreach (var cluster in clusters)
        {
            sizes[cluster] = sizes.GetValueOrDefault(cluster) + 1;
        }

        var order = Enumerable.Range(0, names.Count)
            .OrderByDescending(i => sizes[clusters[i]])
            .ThenByDescending(i => clusters[i])
            .ToArray();
        var result = new NamedCluster[order.Length];
        var label = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (i > 0 && clusters[order[i]] != clusters[order[i - 1]])
            {
                label++;
            }

            result[i] = new NamedCluster(names[order[i]], label);
        }

        return result;
    }

    private static double[][] FillWithRowMedians(ClusterArguments arguments)
    {
        if (arguments.Values.Count != arguments.RowNames.Count)
        {
            throw new AnalysisArgumentException("data", $"The matrix has {arguments.Values.Count} rows but {arguments.RowNames.Count} row names.");
        }

        if (arguments.Values.Count < 2 || arguments.ColumnNames.Count < 2)
        {
            throw new AnalysisArgumentException("data", "Clustering needs a matrix of at least 2 rows and 2 columns.");
        }

        var rows = new double[arguments.Values.Count][];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = arguments.Values[r];
            if (row.Length != arguments.ColumnNames.Count)
            {
                throw new AnalysisArgumentException("data", $"Row '{arguments.RowNames[r]}' has {row.Length} values for {arguments.ColumnNames.Count} columns.");
            }

            var median = RowStatistics.Median(row);
            if (double.IsNaN(median))
            {
                throw new AnalysisArgumentException("data", $"Row '{arguments.RowNames[r]}' has no values, so no median to fill it with.");
            }

            rows[r] = new double[row.Length];
            for (var c = 0; c < row.Length; c++)
            {
                rows[r][c] = double.IsNaN(row[c]) ? median : row[c];
            }
        }

        return rows;
    }

    private static LinkageStep[] Link(double[][] observations, LinkageMethod method, DistanceMetric metric, string side)
    {
        try
        {
            return HierarchicalClustering.Linkage(observations, method, metric);
        }
        catch (ArgumentException error) when (error is not AnalysisArgumentException)
        {
            throw new AnalysisArgumentException("data", $"The {side} cannot be clustered: {error.Message}");
        }
    }

    private static int Count(int? value, string argument, int observations)
    {
        if (value is not { } count)
        {
            throw new AnalysisArgumentException(argument, $"'{argument}' is required.");
        }

        if (count < 1 || count > observations)
        {
            throw new AnalysisArgumentException(argument, $"'{argument}' must lie in 1..{observations}; it is {count}.");
        }

        return count;
    }
}
