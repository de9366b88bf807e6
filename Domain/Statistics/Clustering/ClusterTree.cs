namespace Fractal.Domain.Statistics.Clustering;

/// <summary>Reading a linkage: SciPy's <c>cut_tree</c> and the dendrogram's leaf order (<c>leaves_list</c>).</summary>
public static class ClusterTree
{
    /// <summary>
    /// The cluster (0..k-1) of each observation when the tree is cut into <paramref name="clusterCount"/> clusters,
    /// numbered as SciPy's <c>cut_tree(Z, n_clusters=[k])</c> numbers them.
    /// </summary>
    public static int[] Cut(IReadOnlyList<LinkageStep> linkage, int clusterCount)
    {
        ArgumentNullException.ThrowIfNull(linkage);
        var n = linkage.Count + 1;
        if (clusterCount < 1 || clusterCount > n)
        {
            throw new ArgumentOutOfRangeException(nameof(clusterCount), clusterCount, $"The number of clusters must lie in 1..{n}.");
        }

        var group = new int[n];
        for (var i = 0; i < n; i++)
        {
            group[i] = i;
        }

        var merges = n - clusterCount;
        var nodes = OrderByHeight(linkage, n);
        for (var i = 0; i < merges; i++)
        {
            var leaves = Leaves(linkage, n, nodes[i]);
            var min = int.MaxValue;
            var max = int.MinValue;
            foreach (var leaf in leaves)
            {
                min = Math.Min(min, group[leaf]);
                max = Math.Max(max, group[leaf]);
            }

            foreach (var leaf in leaves)
            {
                group[leaf] = min;
            }

            for (var j = 0; j < n; j++)
            {
                if (group[j] > max)
                {
                    group[j]--;
                }
            }
        }

        return group;
    }

    /// <summary>The observations in the left-to-right order of the dendrogram's leaves.</summary>
    public static int[] LeafOrder(IReadOnlyList<LinkageStep> linkage)
    {
        ArgumentNullException.ThrowIfNull(linkage);
        var n = linkage.Count + 1;
        return n == 1 ? [0] : [.. Leaves(linkage, n, (2 * n) - 2)];
    }

    // SciPy's _order_cluster_tree: visit the tree breadth first (right child before left) and insert each
    // node before the nodes of equal height already placed.
    private static List<int> OrderByHeight(IReadOnlyList<LinkageStep> linkage, int n)
    {
        var ordered = new List<int>(n - 1);
        var queue = new Queue<int>();
        queue.Enqueue((2 * n) - 2);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (node < n)
            {
                continue;
            }

            var height = linkage[node - n].Distance;
            var position = 0;
            var high = ordered.Count;
            while (position < high)
            {
                var middle = (position + high) / 2;
                if (linkage[ordered[middle] - n].Distance < height)
                {
                    position = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            ordered.Insert(position, node);
            queue.Enqueue(linkage[node - n].Right);
            queue.Enqueue(linkage[node - n].Left);
        }

        return ordered;
    }

    // The leaves under a node, left subtree first.
    private static List<int> Leaves(IReadOnlyList<LinkageStep> linkage, int n, int node)
    {
        var leaves = new List<int>();
        var stack = new Stack<int>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current < n)
            {
                leaves.Add(current);
                continue;
            }

            stack.Push(linkage[current - n].Right);
            stack.Push(linkage[current - n].Left);
        }

        return leaves;
    }
}
