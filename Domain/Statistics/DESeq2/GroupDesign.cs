namespace Fractal.Domain.Statistics.DESeq2;

/// <summary>
/// The model matrix of DESeq2's design <c>~ condition</c> for a factor whose levels are the groups 0 … k−1, as R's
/// treatment contrasts build it: an intercept, then one indicator column per group after the first. The last
/// coefficient is the one <c>results()</c> reports: group k−1 against group 0.
/// </summary>
internal sealed class GroupDesign
{
    public GroupDesign(IReadOnlyList<int> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Groups = [.. groups];
        GroupCount = Groups.Length == 0 ? 0 : Groups.Max() + 1;
        GroupSizes = new int[GroupCount];
        foreach (var group in Groups)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(group);
            GroupSizes[group]++;
        }

        if (GroupCount < 2 || GroupSizes.Any(size => size == 0))
        {
            throw new ArgumentException("The design needs two or more groups, each with a sample.", nameof(groups));
        }

        Columns = GroupCount;
        X = new double[Samples][];
        for (var j = 0; j < Samples; j++)
        {
            X[j] = new double[Columns];
            X[j][0] = 1;
            if (Groups[j] > 0)
            {
                X[j][Groups[j]] = 1;
            }
        }
    }

    /// <summary>The group of each sample.</summary>
    public int[] Groups { get; }

    public int GroupCount { get; }

    public int[] GroupSizes { get; }

    public int Samples => Groups.Length;

    /// <summary>The number of coefficients, p.</summary>
    public int Columns { get; }

    /// <summary>The model matrix, sample × coefficient.</summary>
    public double[][] X { get; }

    /// <summary>The residual degrees of freedom, m − p.</summary>
    public int ResidualDegreesOfFreedom => Samples - Columns;

    /// <summary>Whether the sample's group has <paramref name="n"/> or more samples (DESeq2's <c>nOrMoreInCell</c>).</summary>
    public bool InGroupOfAtLeast(int sample, int n) => GroupSizes[Groups[sample]] >= n;

    /// <summary>
    /// The least-squares fit of <paramref name="row"/> on the design (DESeq2's <c>linearModelMu</c>): for groups,
    /// each sample's group mean.
    /// </summary>
    public double[] GroupMeans(double[] row)
    {
        var means = MeanOfEachGroup(row);
        var fitted = new double[Samples];
        for (var j = 0; j < Samples; j++)
        {
            fitted[j] = means[Groups[j]];
        }

        return fitted;
    }

    /// <summary>The coefficients of the least-squares fit of <paramref name="row"/>: the first group's mean, then each group's difference from it.</summary>
    public double[] LeastSquaresCoefficients(double[] row)
    {
        var means = MeanOfEachGroup(row);
        var beta = new double[Columns];
        beta[0] = means[0];
        for (var g = 1; g < GroupCount; g++)
        {
            beta[g] = means[g] - means[0];
        }

        return beta;
    }

    /// <summary>X′ diag(<paramref name="w"/>) X, p × p.</summary>
    public double[,] CrossProduct(double[] w)
    {
        var product = new double[Columns, Columns];
        for (var j = 0; j < Samples; j++)
        {
            var row = X[j];
            for (var a = 0; a < Columns; a++)
            {
                if (row[a] == 0)
                {
                    continue;
                }

                for (var b = 0; b < Columns; b++)
                {
                    product[a, b] += row[a] * row[b] * w[j];
                }
            }
        }

        return product;
    }

    private double[] MeanOfEachGroup(double[] row)
    {
        var sums = new double[GroupCount];
        for (var j = 0; j < Samples; j++)
        {
            sums[Groups[j]] += row[j];
        }

        for (var g = 0; g < GroupCount; g++)
        {
            sums[g] /= GroupSizes[g];
        }

        return sums;
    }
}
