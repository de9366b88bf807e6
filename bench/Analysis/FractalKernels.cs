using Fractal.Domain.Analyses.Volcano;
using Fractal.Domain.Statistics.Clustering;
using Fractal.Domain.Statistics.Correlation;
using Fractal.Domain.Statistics.DESeq2;
using Fractal.Domain.Statistics.Limma;
using Fractal.Domain.Statistics.MultipleTesting;
using Fractal.Domain.Statistics.Pca;
using Fractal.Domain.Statistics.Survival;
using MathNet.Numerics.LinearAlgebra;

namespace Fractal.Bench.Analysis;

/// <summary>The Domain's kernels on the harness' data, each as the reference tools run it.</summary>
internal static class FractalKernels
{
    public static IReadOnlyList<(string Name, Func<object> Run)> All(BenchData data)
    {
        var pca = Matrix<double>.Build.DenseOfRowArrays(data.PcaRows);
        var model = new CellMeansModel(data.GroupOfSample, ["s1", "s2"]);
        var groups = Enumerable.Range(0, 3).Select(g =>
        {
            var members = Enumerable.Range(0, data.Times.Length).Where(i => data.SurvivalGroups[i] == g).ToArray();
            return ((IReadOnlyList<double>)[.. members.Select(i => data.Times[i])], (IReadOnlyList<bool>)[.. members.Select(i => data.Events[i])]);
        }).ToList();
        return
        [
            ("pearson", () => PearsonCorrelation.Compute(data.PairX, data.PairY)),
            ("spearman", () => SpearmanCorrelation.Compute(data.PairX, data.PairY)),
            ("pca", () => PrincipalComponents.Fit(pca, whiten: false)),
            ("limma", () => LimmaPipeline.TopTable(model, data.Expression)),
            ("welch", () => BenjaminiHochberg.Adjust(WelchTTest.Compute(data.Expression, data.GroupOfSample).PValue)),
            ("deseq2", () => DESeq2Pipeline.Run(data.Counts, data.GroupOfCountSample)),
            ("hclust", () => HierarchicalClustering.Linkage(data.ClusterRows, LinkageMethod.Average, DistanceMetric.Euclidean)),
            ("kaplan_meier_logrank", () => (groups.Select(g => KaplanMeier.Fit(g.Item1, g.Item2)).ToList(), LogRankTest.Compute(groups))),
        ];
    }
}
