namespace Fractal.Domain.Statistics.Clustering;

/// <summary>
/// Agglomerative clustering as SciPy's <c>scipy.cluster.hierarchy.linkage</c> computes it, step for step so that
/// ties merge in the same order: a minimum spanning tree for <c>single</c>, the nearest-neighbour chain for
/// <c>complete</c>, <c>average</c>, <c>weighted</c> and <c>ward</c>, and the generic heap-based algorithm for
/// <c>centroid</c> and <c>median</c>.
/// </summary>
public static class HierarchicalClustering
{
    /// <summary>The linkage of <paramref name="observations"/> under <paramref name="metric"/>.</summary>
    public static LinkageStep[] Linkage(IReadOnlyList<double[]> observations, LinkageMethod method, DistanceMetric metric)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (method is LinkageMethod.Centroid or LinkageMethod.Median or LinkageMethod.Ward && metric != DistanceMetric.Euclidean)
        {
            throw new ArgumentException($"Method '{method.ToString().ToLowerInvariant()}' requires the euclidean metric.", nameof(metric));
        }

        return Linkage(PairwiseDistances.Condensed(observations, metric), observations.Count, method);
    }

    /// <summary>The linkage of <paramref name="n"/> observations from their condensed distances.</summary>
    public static LinkageStep[] Linkage(double[] condensed, int n, LinkageMethod method)
    {
        ArgumentNullException.ThrowIfNull(condensed);
        if (n < 2)
        {
            throw new ArgumentException("Clustering needs at least two observations.", nameof(n));
        }

        if (condensed.Length != (long)n * (n - 1) / 2)
        {
            throw new ArgumentException($"{n} observations have {(long)n * (n - 1) / 2} pairwise distances, not {condensed.Length}.", nameof(condensed));
        }

        foreach (var distance in condensed)
        {
            if (!double.IsFinite(distance))
            {
                throw new ArgumentException("The distances must all be finite (a constant or all-zero observation has no cosine or correlation distance).", nameof(condensed));
            }
        }

        return method switch
        {
            LinkageMethod.Single => Label(MinimumSpanningTree(condensed, n), n),
            LinkageMethod.Complete or LinkageMethod.Average or LinkageMethod.Weighted or LinkageMethod.Ward => Label(NearestNeighbourChain(condensed, n, method), n),
            LinkageMethod.Centroid or LinkageMethod.Median => GenericLinkage(condensed, n, method),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown linkage method."),
        };
    }

    private static LinkageStep[] MinimumSpanningTree(double[] distances, int n)
    {
        var rowStart = RowStarts(n);
        var steps = new LinkageStep[n - 1];
        var merged = new bool[n];
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        var x = 0;
        for (var k = 0; k < n - 1; k++)
        {
            var currentMin = double.PositiveInfinity;
            var y = -1;
            merged[x] = true;
            for (var i = 0; i < n; i++)
            {
                if (merged[i])
                {
                    continue;
                }

                var distance = distances[At(rowStart, x, i)];
                if (nearest[i] > distance)
                {
                    nearest[i] = distance;
                }

                if (nearest[i] < currentMin)
                {
                    y = i;
                    currentMin = nearest[i];
                }
            }

            steps[k] = new LinkageStep(x, y, currentMin, 0);
            x = y;
        }

        return SortByDistance(steps);
    }

    private static LinkageStep[] NearestNeighbourChain(double[] condensed, int n, LinkageMethod method)
    {
        var rowStart = RowStarts(n);
        var steps = new LinkageStep[n - 1];
        var d = (double[])condensed.Clone();
        var size = new int[n];
        Array.Fill(size, 1);
        var chain = new int[n];
        var chainLength = 0;
        for (var k = 0; k < n - 1; k++)
        {
            if (chainLength == 0)
            {
                chainLength = 1;
                for (var i = 0; i < n; i++)
                {
                    if (size[i] > 0)
                    {
                        chain[0] = i;
                        break;
                    }
                }
            }

            int x, y = -1;
            double currentMin;
            while (true)
            {
                x = chain[chainLength - 1];

                // Prefer the previous element of the chain on ties, so the chain cannot cycle.
                if (chainLength > 1)
                {
                    y = chain[chainLength - 2];
                    currentMin = d[At(rowStart, x, y)];
                }
                else
                {
                    currentMin = double.PositiveInfinity;
                }

                // Every live cluster i != x in ascending order: first those below x, then the row of x.
                for (var i = 0; i < x; i++)
                {
                    if (size[i] != 0)
                    {
                        var distance = d[rowStart[i] + x];
                        if (distance < currentMin)
                        {
                            currentMin = distance;
                            y = i;
                        }
                    }
                }

                var row = rowStart[x];
                for (var i = x + 1; i < n; i++)
                {
                    if (size[i] != 0)
                    {
                        var distance = d[row + i];
                        if (distance < currentMin)
                        {
                            currentMin = distance;
                            y = i;
                        }
                    }
                }

                if (chainLength > 1 && y == chain[chainLength - 2])
                {
                    break;
                }

                chain[chainLength++] = y;
            }

            chainLength -= 2;
            if (x > y)
            {
                (x, y) = (y, x);
            }

            var nx = size[x];
            var ny = size[y];
            steps[k] = new LinkageStep(x, y, currentMin, nx + ny);
            size[x] = 0;
            size[y] = nx + ny;
            UpdateDistances(method, d, rowStart, size, n, x, y, currentMin, nx, ny);
        }

        return SortByDistance(steps);
    }

    private static LinkageStep[] GenericLinkage(double[] condensed, int n, LinkageMethod method)
    {
        var rowStart = RowStarts(n);
        var steps = new LinkageStep[n - 1];
        var d = (double[])condensed.Clone();
        var size = new int[n];
        Array.Fill(size, 1);
        var clusterId = new int[n];
        for (var i = 0; i < n; i++)
        {
            clusterId[i] = i;
        }

        var neighbour = new int[n - 1];
        var minDistance = new double[n - 1];
        for (var x = 0; x < n - 1; x++)
        {
            (neighbour[x], minDistance[x]) = FindNearest(n, d, size, x, rowStart);
        }

        var heap = new IndexedMinHeap(minDistance);
        for (var k = 0; k < n - 1; k++)
        {
            int x = 0, y = 0;
            var distance = 0.0;
            for (var attempt = 0; attempt < n - k; attempt++)
            {
                (x, distance) = heap.Min;
                y = neighbour[x];
                if (distance == d[At(rowStart, x, y)])
                {
                    break;
                }

                (y, distance) = FindNearest(n, d, size, x, rowStart);
                neighbour[x] = y;
                minDistance[x] = distance;
                heap.Change(x, distance);
            }

            heap.RemoveMin();
            var idX = clusterId[x];
            var idY = clusterId[y];
            var nx = size[x];
            var ny = size[y];
            if (idX > idY)
            {
                (idX, idY) = (idY, idX);
            }

            steps[k] = new LinkageStep(idX, idY, distance, nx + ny);
            size[x] = 0;
            size[y] = nx + ny;
            clusterId[y] = n + k;
            UpdateDistances(method, d, rowStart, size, n, x, y, distance, nx, ny);

            // Neighbour candidates of x now point at y: a guess, checked when it reaches the top of the heap.
            for (var z = 0; z < x; z++)
            {
                if (size[z] > 0 && neighbour[z] == x)
                {
                    neighbour[z] = y;
                }
            }

            for (var z = 0; z < y; z++)
            {
                if (size[z] == 0)
                {
                    continue;
                }

                var candidate = d[rowStart[z] + y];
                if (candidate < minDistance[z])
                {
                    neighbour[z] = y;
                    minDistance[z] = candidate;
                    heap.Change(z, candidate);
                }
            }

            if (y < n - 1)
            {
                var (z, nearest) = FindNearest(n, d, size, y, rowStart);
                if (z != -1)
                {
                    neighbour[y] = z;
                    minDistance[y] = nearest;
                    heap.Change(y, nearest);
                }
            }
        }

        return steps;
    }

    private static (int Index, double Distance) FindNearest(int n, double[] d, int[] size, int x, int[] rowStart)
    {
        var currentMin = double.PositiveInfinity;
        var y = -1;
        var row = rowStart[x];
        for (var i = x + 1; i < n; i++)
        {
            if (size[i] == 0)
            {
                continue;
            }

            var distance = d[row + i];
            if (distance < currentMin)
            {
                currentMin = distance;
                y = i;
            }
        }

        return (y, currentMin);
    }

    // The distance from every live cluster i (other than y) to the merge of x into y, stored in y's place.
    // The method is dispatched once per merge, not once per cluster.
    private static void UpdateDistances(LinkageMethod method, double[] d, int[] rowStart, int[] size, int n, int x, int y, double dxy, int nx, int ny)
    {
        switch (method)
        {
            case LinkageMethod.Complete:
                for (var i = 0; i < n; i++)
                {
                    if (size[i] != 0 && i != y)
                    {
                        var iy = At(rowStart, i, y);
                        d[iy] = Math.Max(d[At(rowStart, i, x)], d[iy]);
                    }
                }

                break;
            case LinkageMethod.Average:
                var total = (double)(nx + ny);
                for (var i = 0; i < n; i++)
                {
                    if (size[i] != 0 && i != y)
                    {
                        var iy = At(rowStart, i, y);
                        d[iy] = ((nx * d[At(rowStart, i, x)]) + (ny * d[iy])) / total;
                    }
                }

                break;
            default:
                for (var i = 0; i < n; i++)
                {
                    var ni = size[i];
                    if (ni != 0 && i != y)
                    {
                        var iy = At(rowStart, i, y);
                        d[iy] = Update(method, d[At(rowStart, i, x)], d[iy], dxy, nx, ny, ni);
                    }
                }

                break;
        }
    }

    // rowStart[i] + j is the condensed index of the pair (i, j) for i < j.
    private static int[] RowStarts(int n)
    {
        var rowStart = new int[n];
        for (var i = 0; i < n; i++)
        {
            rowStart[i] = PairwiseDistances.Index(n, i, i + 1) - (i + 1);
        }

        return rowStart;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int At(int[] rowStart, int i, int j) => i < j ? rowStart[i] + j : rowStart[j] + i;

    // Lance–Williams updates in SciPy's form: the distance from cluster i to the merge of x and y.
    private static double Update(LinkageMethod method, double dxi, double dyi, double dxy, int nx, int ny, int ni) => method switch
    {
        LinkageMethod.Single => Math.Min(dxi, dyi),
        LinkageMethod.Complete => Math.Max(dxi, dyi),
        LinkageMethod.Average => ((nx * dxi) + (ny * dyi)) / (nx + ny),
        LinkageMethod.Weighted => 0.5 * (dxi + dyi),
        LinkageMethod.Centroid => Math.Sqrt(((nx * dxi * dxi) + (ny * dyi * dyi) - (nx * ny * dxy * dxy / (nx + ny))) / (nx + ny)),
        LinkageMethod.Median => Math.Sqrt((0.5 * ((dxi * dxi) + (dyi * dyi))) - (0.25 * dxy * dxy)),
        LinkageMethod.Ward => Ward(dxi, dyi, dxy, nx, ny, ni),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown linkage method."),
    };

    private static double Ward(double dxi, double dyi, double dxy, int nx, int ny, int ni)
    {
        var t = 1.0 / (nx + ny + ni);
        return Math.Sqrt(((ni + nx) * t * dxi * dxi) + ((ni + ny) * t * dyi * dyi) - (ni * t * dxy * dxy));
    }

    // numpy.argsort(kind="mergesort") on the distances: a stable sort.
    private static LinkageStep[] SortByDistance(LinkageStep[] steps) =>
        [.. steps.Select((step, index) => (step, index)).OrderBy(p => p.step.Distance).ThenBy(p => p.index).Select(p => p.step)];

    // SciPy's label(): rename the merged observations to the ids of the clusters they belong to.
    private static LinkageStep[] Label(LinkageStep[] steps, int n)
    {
        var parent = new int[(2 * n) - 1];
        var sizes = new int[(2 * n) - 1];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
            sizes[i] = 1;
        }

        var next = n;
        for (var i = 0; i < steps.Length; i++)
        {
            var xRoot = Find(parent, steps[i].Left);
            var yRoot = Find(parent, steps[i].Right);
            var size = sizes[xRoot] + sizes[yRoot];
            parent[xRoot] = next;
            parent[yRoot] = next;
            sizes[next] = size;
            next++;
            steps[i] = xRoot < yRoot
                ? new LinkageStep(xRoot, yRoot, steps[i].Distance, size)
                : new LinkageStep(yRoot, xRoot, steps[i].Distance, size);
        }

        return steps;
    }

    private static int Find(int[] parent, int x)
    {
        var root = x;
        while (parent[root] != root)
        {
            root = parent[root];
        }

        while (parent[x] != root)
        {
            var up = parent[x];
            parent[x] = root;
            x = up;
        }

        return root;
    }
}
