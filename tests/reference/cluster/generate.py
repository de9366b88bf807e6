#!/usr/bin/python3
# Regenerate (from the repository root): /usr/bin/python3 tests/reference/cluster/generate.py
#
# Writes SciPy reference fixtures to tests/Domain.Tests/Fixtures/cluster/: for each input matrix the
# condensed distances of scipy.spatial.distance.pdist per metric, and per (method, metric) the linkage
# matrix of scipy.cluster.hierarchy.linkage, leaves_list, and cut_tree for every number of clusters.
# compute_cluster.json holds the compute-cluster cases: the input (null = missing), the options and the
# row_clusters / col_clusters that Fractalis' cluster task returns (row medians fill missing values,
# linkage + cut_tree, then sorted by cluster size, the biggest relabelled 0).
import json
import os
from collections import Counter

import numpy as np
from scipy.cluster import hierarchy
from scipy.spatial.distance import pdist

OUT = os.path.join("tests", "Domain.Tests", "Fixtures", "cluster")
METRICS = ["euclidean", "sqeuclidean", "cityblock", "chebyshev", "cosine", "correlation", "canberra", "braycurtis"]
METHODS = ["single", "complete", "average", "weighted", "centroid", "median", "ward"]
EUCLIDEAN_ONLY = {"centroid", "median", "ward"}


def clean(value):
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value


def to_list(array):
    return [[clean(float(x)) for x in row] for row in np.asarray(array, dtype=float)]


def linkage_case(name, data):
    result = {"name": name, "data": to_list(data), "pdist": {}, "linkages": []}
    for metric in METRICS:
        result["pdist"][metric] = [clean(float(x)) for x in pdist(data, metric=metric)]
    n = data.shape[0]
    for method in METHODS:
        for metric in METRICS:
            if method in EUCLIDEAN_ONLY and metric != "euclidean":
                continue
            if not np.all(np.isfinite(pdist(data, metric=metric))):
                # SciPy refuses non-finite distances (e.g. the correlation of a constant row): so must we.
                result["linkages"].append({"method": method, "metric": metric, "error": True})
                continue
            z = hierarchy.linkage(data, method=method, metric=metric)
            # One k per call, as Fractalis calls it (a list of k that includes n leaves that column zero).
            cuts = [hierarchy.cut_tree(z, n_clusters=[k])[:, 0] for k in range(1, n + 1)]
            result["linkages"].append({
                "method": method,
                "metric": metric,
                "z": to_list(z),
                "leaves": [int(x) for x in hierarchy.leaves_list(z)],
                "cuts": [[int(x) for x in cut] for cut in cuts],
            })
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(result, f, indent=0)


def fractalis_order(names, cluster):
    count = Counter(cluster)
    pairs = sorted(zip(names, cluster), key=lambda x: (count[x[1]], x[1]), reverse=True)
    labels, c = [], 0
    for i, (_, label) in enumerate(pairs):
        if i > 0 and label != pairs[i - 1][1]:
            c += 1
        labels.append(c)
    return [[name, label] for (name, _), label in zip(pairs, labels)]


def compute_cluster_case(name, data, row_names, col_names, method, metric, n_rows, n_cols):
    filled = data.copy()
    medians = np.nanmedian(data, axis=1)
    for i in range(filled.shape[0]):
        filled[i, np.isnan(filled[i])] = medians[i]
    rows = [int(x[0]) for x in hierarchy.cut_tree(hierarchy.linkage(filled, method=method, metric=metric), n_clusters=[n_rows])]
    cols = [int(x[0]) for x in hierarchy.cut_tree(hierarchy.linkage(filled.T, method=method, metric=metric), n_clusters=[n_cols])]
    return {
        "name": name,
        "data": to_list(data),
        "row_names": row_names,
        "col_names": col_names,
        "options": {"method": method, "metric": metric, "n_row_clusters": n_rows, "n_col_clusters": n_cols},
        "row_clusters": fractalis_order(row_names, rows),
        "col_clusters": fractalis_order(col_names, cols),
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20261123)

    linkage_case("random_12x5", rng.normal(size=(12, 5)))

    ties = rng.integers(0, 4, size=(14, 3)).astype(float)
    ties[5] = ties[2]
    ties[9] = ties[2]
    linkage_case("ties_14x3", ties + 1.0)

    blobs = np.vstack([rng.normal(loc, 0.5, size=(10, 4)) for loc in (0.0, 3.0, 6.0)])
    linkage_case("blobs_30x4", blobs)

    cases = []
    data = np.vstack([rng.normal(0, 1, size=(6, 8)), rng.normal(4, 1, size=(4, 8))])
    data[1, 3] = np.nan
    data[7, 0] = np.nan
    rows = ["g{}".format(i) for i in range(data.shape[0])]
    cols = ["p{}".format(j) for j in range(data.shape[1])]
    cases.append(compute_cluster_case("average_euclidean_missing", data, rows, cols, "average", "euclidean", 2, 3))
    cases.append(compute_cluster_case("ward_euclidean", data, rows, cols, "ward", "euclidean", 3, 2))
    cases.append(compute_cluster_case("complete_correlation", data, rows, cols, "complete", "correlation", 4, 4))
    cases.append(compute_cluster_case("single_cityblock_ties", ties, ["r{}".format(i) for i in range(14)], ["a", "b", "c"], "single", "cityblock", 3, 2))
    with open(os.path.join(OUT, "compute_cluster.json"), "w") as f:
        json.dump({"cases": cases}, f, indent=0)


if __name__ == "__main__":
    main()
