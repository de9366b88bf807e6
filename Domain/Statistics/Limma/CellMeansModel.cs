namespace Fractal.Domain.Statistics.Limma;

/// <summary>
/// A cell-means design (one coefficient per group, no intercept: <c>model.matrix(~ 0 + group)</c>) and
/// every pairwise contrast between its groups, in the order Fractalis asks limma for them:
/// for <c>i</c> from the last group down, for <c>j</c> below <c>i</c>, <c>group i - group j</c>.
/// </summary>
public sealed class CellMeansModel
{
    private readonly int[] _groupOfColumn;
    private readonly int[] _groupSizes;

    /// <param name="groupOfColumn">The group (0-based) of each sample column.</param>
    /// <param name="groupNames">The name of each group, such as <c>s1</c>; at least two, each with a sample.</param>
    public CellMeansModel(IReadOnlyList<int> groupOfColumn, IReadOnlyList<string> groupNames)
    {
        ArgumentNullException.ThrowIfNull(groupOfColumn);
        ArgumentNullException.ThrowIfNull(groupNames);
        if (groupNames.Count < 2)
        {
            throw new ArgumentException("limma compares groups: at least two are needed.", nameof(groupNames));
        }

        _groupOfColumn = [.. groupOfColumn];
        _groupSizes = new int[groupNames.Count];
        foreach (var group in _groupOfColumn)
        {
            if (group < 0 || group >= groupNames.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(groupOfColumn), group, $"A column's group must lie in 0..{groupNames.Count - 1}.");
            }

            _groupSizes[group]++;
        }

        for (var g = 0; g < _groupSizes.Length; g++)
        {
            if (_groupSizes[g] == 0)
            {
                throw new ArgumentException($"Group '{groupNames[g]}' has no samples.", nameof(groupOfColumn));
            }
        }

        GroupNames = [.. groupNames];
        var contrasts = new List<Contrast>();
        for (var i = groupNames.Count - 1; i >= 0; i--)
        {
            for (var j = 0; j < i; j++)
            {
                contrasts.Add(new Contrast(i, j, $"{groupNames[i]}-{groupNames[j]}"));
            }
        }

        Contrasts = contrasts;
        ContrastCorrelationInverse = ComputeContrastCorrelationInverse(out var rank);
        ContrastRank = rank;
    }

    /// <summary>The group names, in group order.</summary>
    public IReadOnlyList<string> GroupNames { get; }

    public int GroupCount => _groupSizes.Length;

    public int ColumnCount => _groupOfColumn.Length;

    /// <summary>The pairwise contrasts, in limma's column order.</summary>
    public IReadOnlyList<Contrast> Contrasts { get; }

    /// <summary>The numerator degrees of freedom of the moderated F-statistic (the rank of the contrasts' correlation).</summary>
    public int ContrastRank { get; }

    /// <summary>The group of sample column <paramref name="column"/>.</summary>
    public int GroupOf(int column) => _groupOfColumn[column];

    /// <summary>The number of sample columns in <paramref name="group"/>.</summary>
    public int GroupSize(int group) => _groupSizes[group];

    /// <summary>
    /// The pseudo-inverse of the contrasts' correlation matrix over its leading eigenvalues, divided by the rank:
    /// <c>F = t' M t</c> is limma's moderated F (<c>classifyTestsF(fstat.only = TRUE)</c>). Row-major.
    /// </summary>
    internal double[] ContrastCorrelationInverse { get; }

    private double[] ComputeContrastCorrelationInverse(out int rank)
    {
        var count = Contrasts.Count;
        var covariance = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(count, count);
        for (var a = 0; a < count; a++)
        {
            for (var b = 0; b < count; b++)
            {
                covariance[a, b] = ContrastCovariance(Contrasts[a], Contrasts[b]);
            }
        }

        var correlation = covariance.Clone();
        for (var a = 0; a < count; a++)
        {
            for (var b = 0; b < count; b++)
            {
                correlation[a, b] = covariance[a, b] / Math.Sqrt(covariance[a, a] * covariance[b, b]);
            }
        }

        var evd = correlation.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        var values = evd.EigenValues;
        var largest = 0.0;
        for (var i = 0; i < count; i++)
        {
            largest = Math.Max(largest, values[i].Real);
        }

        rank = 0;
        var inverse = new double[count * count];
        for (var k = 0; k < count; k++)
        {
            var lambda = values[k].Real;
            if (lambda / largest <= 1e-8)
            {
                continue;
            }

            rank++;
            for (var a = 0; a < count; a++)
            {
                for (var b = 0; b < count; b++)
                {
                    inverse[(a * count) + b] += evd.EigenVectors[a, k] * evd.EigenVectors[b, k] / lambda;
                }
            }
        }

        for (var i = 0; i < inverse.Length; i++)
        {
            inverse[i] /= rank;
        }

        return inverse;
    }

    // Cov(beta_i - beta_j, beta_k - beta_l) under the full design, where Var(beta_g) = 1 / n_g.
    private double ContrastCovariance(Contrast first, Contrast second)
    {
        var sum = 0.0;
        for (var g = 0; g < _groupSizes.Length; g++)
        {
            sum += Weight(first, g) * Weight(second, g) / _groupSizes[g];
        }

        return sum;
    }

    private static double Weight(Contrast contrast, int group) =>
        group == contrast.Minuend ? 1.0 : group == contrast.Subtrahend ? -1.0 : 0.0;
}
