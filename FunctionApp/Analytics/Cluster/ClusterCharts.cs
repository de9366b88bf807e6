using Fractal.Domain.Analyses.Cluster;
using Fractal.Domain.Statistics.Clustering;
using Fractal.FunctionApp.Analytics.Charts;
using ScottPlot;

namespace Fractal.FunctionApp.Analytics.Cluster;

/// <summary>The size of each row and column cluster as bars, and, for hierarchical clustering, the rows' dendrogram.</summary>
internal static class ClusterCharts
{
    public static IReadOnlyList<NamedPlot> Draw(ClusterResult result)
    {
        var charts = new List<NamedPlot> { Sizes(result) };
        if (result.RowLinkage is { Count: > 0 } linkage)
        {
            charts.Add(Dendrogram(linkage, result.RowClusters.Count));
        }

        return charts;
    }

    private static NamedPlot Sizes(ClusterResult result)
    {
        var plot = ChartStyle.Create("Cluster sizes", "cluster", "members");
        AddSizes(plot, result.RowClusters, -0.2, ChartStyle.Color(0), "rows");
        AddSizes(plot, result.ColumnClusters, 0.2, ChartStyle.Color(1), "columns");
        var clusterCount = result.RowClusters.Concat(result.ColumnClusters).Select(c => c.Cluster).DefaultIfEmpty(0).Max() + 1;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, clusterCount).Select(c => new Tick(c, c.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend();
        return new NamedPlot("cluster_sizes", plot);
    }

    private static void AddSizes(Plot plot, IReadOnlyList<NamedCluster> clusters, double offset, Color color, string label)
    {
        var bars = clusters.GroupBy(c => c.Cluster).OrderBy(g => g.Key)
            .Select(g => new Bar { Position = g.Key + offset, Value = g.Count(), Size = 0.4, FillColor = color })
            .ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.LegendText = $"{label} ({clusters.Count})";
    }

    private static NamedPlot Dendrogram(IReadOnlyList<LinkageStep> linkage, int leafCount)
    {
        var plot = ChartStyle.Create("Row dendrogram", "row (leaf order)", "merge distance");
        var x = new double[leafCount + linkage.Count];
        var height = new double[leafCount + linkage.Count];
        var order = 0;
        foreach (var leaf in LeafOrder(linkage, leafCount, leafCount + linkage.Count - 1))
        {
            x[leaf] = order++;
        }

        var color = ChartStyle.Color(0);
        for (var i = 0; i < linkage.Count; i++)
        {
            var step = linkage[i];
            var node = leafCount + i;
            height[node] = step.Distance;
            x[node] = (x[step.Left] + x[step.Right]) / 2;
            var xs = new[] { x[step.Left], x[step.Left], x[step.Right], x[step.Right] };
            var ys = new[] { height[step.Left], step.Distance, step.Distance, height[step.Right] };
            var line = plot.Add.ScatterLine(xs, ys, color);
            line.LineWidth = 1;
            if (i == linkage.Count - 1)
            {
                line.LegendText = $"{leafCount} rows, {linkage.Count} merges";
            }
        }

        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend();
        return new NamedPlot("dendrogram", plot);
    }

    private static IEnumerable<int> LeafOrder(IReadOnlyList<LinkageStep> linkage, int leafCount, int root)
    {
        var stack = new Stack<int>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node < leafCount)
            {
                yield return node;
                continue;
            }

            stack.Push(linkage[node - leafCount].Right);
            stack.Push(linkage[node - leafCount].Left);
        }
    }
}
