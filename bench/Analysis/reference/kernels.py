"""Reference timings for bench/Analysis: NumPy, SciPy and scikit-learn on the harness' files.

Usage: kernels.py DATA_DIR RUNS. Prints "kernel tool seconds" per kernel: the fastest of RUNS
after one warm-up, timed around the kernel alone (loading the files is not timed).
"""
import sys
import time

import numpy as np
import scipy
import sklearn
from scipy import stats
from scipy.cluster.hierarchy import linkage
from sklearn.decomposition import PCA

directory, runs = sys.argv[1], int(sys.argv[2])
shapes = {line.split()[0]: [int(v) for v in line.split()[1:]] for line in open(f"{directory}/shapes.txt")}


def load(name, shape=None):
    values = np.fromfile(f"{directory}/{name}.f64", dtype="<f8")
    return values.reshape(shape) if shape else values


def best(kernel):
    kernel()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        kernel()
        times.append(time.perf_counter() - start)
    return min(times)


def bh(p):
    n = len(p)
    order = np.argsort(p)[::-1]
    ranked = np.minimum.accumulate(p[order] * n / np.arange(n, 0, -1))
    adjusted = np.empty(n)
    adjusted[order] = np.minimum(ranked, 1)
    return adjusted


x, y = load("pair_x"), load("pair_y")
pca = load("pca", shapes["pca"])
expression = load("expression", shapes["expression"])
groups = load("groups").astype(int)
cluster = load("cluster", shapes["cluster"])
a, b = expression[:, groups == 0], expression[:, groups == 1]

kernels = {
    "pearson": (f"scipy {scipy.__version__}", lambda: stats.pearsonr(x, y)),
    "spearman": (f"scipy {scipy.__version__}", lambda: stats.spearmanr(x, y)),
    "pca": (f"sklearn {sklearn.__version__}", lambda: PCA(whiten=False).fit_transform(pca)),
    "welch": (f"scipy {scipy.__version__}", lambda: bh(stats.ttest_ind(b, a, axis=1, equal_var=False).pvalue)),
    "hclust": (f"scipy {scipy.__version__}", lambda: linkage(cluster, method="average", metric="euclidean")),
}
for name, (tool, kernel) in kernels.items():
    print(f"{name} {tool.replace(' ', '-')} {best(kernel):.6f}", flush=True)
