"""Reference fixtures for compute-histogram, computed by NumPy and SciPy.

Regenerate (Debian's python3-scipy and python3-numpy, from the repository root):
    /usr/bin/python3 tests/reference/make_histogram.py
Writes tests/Domain.Tests/Fixtures/histogram.json. NaN is written as null.
"""

import json
import math
import os
from functools import partial

import numpy as np
from scipy import stats

OUT = os.path.join(os.path.dirname(__file__), '..', 'Domain.Tests', 'Fixtures', 'histogram.json')


def clean(value):
    value = float(value)
    return None if math.isnan(value) else value


def histogram(values, num_bins, bw_factor):
    """What Fractalis reports for one group; dist is null where SciPy cannot build the KDE (constant values)."""
    values = np.asarray(values, dtype=float)
    hist, bin_edges = np.histogram(values, bins=num_bins)

    def bandwidth(kde, factor):
        return np.power(kde.n, -1.0 / (kde.d + 4)) * factor

    if np.ptp(values) > 0:
        kde = stats.gaussian_kde(values, bw_method=partial(bandwidth, factor=bw_factor))
        dist = kde(np.linspace(np.min(values), np.max(values), num=200)).tolist()
    else:
        dist = None
    return {'hist': hist.tolist(), 'bin_edges': bin_edges.tolist(), 'mean': float(np.mean(values)),
            'median': float(np.median(values)), 'std': float(np.std(values)), 'dist': dist, 'n': int(len(values))}


def kernel_cases(rng):
    samples = [
        ('normal_100_bins10', rng.normal(5, 3, size=100), 10, 1.0),
        ('normal_100_bins7_bw05', rng.normal(5, 3, size=100), 7, 0.5),
        ('ties_bins4', rng.integers(0, 6, size=40).astype(float), 4, 1.0),
        ('edges_exact', np.arange(0.0, 11.0), 5, 1.0),
        ('two_values', np.array([1.0, 2.0]), 3, 2.0),
        ('constant', np.full(4, 7.0), 5, 1.0),
        ('tiny_scale', rng.normal(0, 1e-6, size=30) + 1.0, 6, 1.5),
        ('negative_skew', -rng.lognormal(0, 1, size=80), 12, 0.8),
    ]
    return [{'name': name, 'values': values.tolist(), 'num_bins': bins, 'bw_factor': bw,
             'expected': histogram(values, bins, bw)} for name, values, bins, bw in samples]


def analysis_case(rng):
    ids = [f'p{i:02d}' for i in range(50)]
    values = rng.normal(0, 1, size=50)
    values[[2, 30]] = math.nan
    subsets = [ids[:20], ids[15:40], ids[38:] + ids[:1]]
    id_filter = ids[1:]
    grade = {i: ('high' if k % 4 == 0 else 'low') for k, i in enumerate(ids)}
    site = {i: ('a' if k < 25 else None) for k, i in enumerate(ids)}
    num_bins, bw_factor = 8, 0.7
    groups = []
    kept = [i for i, v in zip(ids, values) if not math.isnan(v) and i in id_filter]
    category = {i: ' AND '.join(x for x in (grade[i], site[i]) if x) for i in ids}
    for cat in dict.fromkeys(category[i] for s in subsets for i in kept if i in s):
        for s, subset in enumerate(subsets):
            group = [float(values[ids.index(i)]) for i in kept if i in subset and category[i] == cat]
            if len(group) < 2:
                continue
            groups.append({'category': cat, 'subset': s, **histogram(group, num_bins, bw_factor)})
    return {
        'data': {'ids': ids, 'feature': 'score', 'values': [clean(v) for v in values]},
        'subsets': subsets, 'id_filter': id_filter, 'num_bins': num_bins, 'bw_factor': bw_factor,
        'categories': [{'feature': 'grade', 'ids': list(grade), 'labels': list(grade.values())},
                       {'feature': 'site', 'ids': list(site), 'labels': list(site.values())}],
        'dropped_ids': [i for i, v in zip(ids, values) if math.isnan(v) and i in id_filter],
        'expected': groups,
    }


def main():
    rng = np.random.default_rng(777)
    fixture = {'generator': 'tests/reference/make_histogram.py',
               'scipy': __import__('scipy').__version__, 'numpy': np.__version__,
               'kernels': kernel_cases(rng), 'analysis': analysis_case(rng)}
    with open(OUT, 'w', encoding='utf-8') as handle:
        json.dump(fixture, handle, indent=1, allow_nan=False)
        handle.write('\n')


if __name__ == '__main__':
    main()
