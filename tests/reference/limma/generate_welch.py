#!/usr/bin/python3
# Regenerate (from the repository root): /usr/bin/python3 tests/reference/limma/generate_welch.py
#
# Writes tests/Domain.Tests/Fixtures/limma/welch.json, the reference for the volcano plot's Welch ranking:
# per feature scipy.stats.ttest_ind(second, first, equal_var=False) on the non-missing values, the
# difference of means (logFC).
import json
import os

import numpy as np
from scipy import stats

OUT = os.path.join("tests", "Domain.Tests", "Fixtures", "limma", "welch.json")


def clean(x):
    return float(x) if np.isfinite(x) else None


def main():
    rng = np.random.default_rng(11)
    first, second = 6, 7
    data = rng.normal(5.0, 1.0, size=(60, first + second))
    data[:8, first:] += rng.normal(2.0, 0.5, size=(8, 1))
    data[8:12, :first] *= 3.0
    data[rng.integers(0, 60, 40), rng.integers(0, first + second, 40)] = np.nan
    data[12, :] = np.round(data[12, :])
    rows, logfc, t, p = [], [], [], []
    for row in data:
        a = row[:first][~np.isnan(row[:first])]
        b = row[first:][~np.isnan(row[first:])]
        result = stats.ttest_ind(b, a, equal_var=False)
        rows.append([clean(x) for x in row])
        logfc.append(clean(b.mean() - a.mean()))
        t.append(clean(result.statistic))
        p.append(clean(result.pvalue))
    with open(OUT, "w") as f:
        json.dump({"groups": [0] * first + [1] * second, "rows": rows, "logFC": logfc, "t": t, "P.Value": p}, f, indent=0)


if __name__ == "__main__":
    main()
