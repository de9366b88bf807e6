"""Reference fixtures for compute-correlation, computed by SciPy and NumPy.

Regenerate (Debian's python3-scipy and python3-numpy, from the repository root):
    /usr/bin/python3 tests/reference/make_correlation.py
Writes tests/Domain.Tests/Fixtures/correlation.json. NaN is written as null.
"""

import json
import math
import os
import warnings

import numpy as np
from scipy import stats

OUT = os.path.join(os.path.dirname(__file__), '..', 'Domain.Tests', 'Fixtures', 'correlation.json')
METHODS = {'pearson': stats.pearsonr, 'spearman': stats.spearmanr, 'kendall': stats.kendalltau}


def clean(value):
    value = float(value)
    return None if math.isnan(value) else value


def reference(x, y, method):
    """The statistics Fractalis reports for one group; slope/intercept NaN when x is constant."""
    n = len(x)
    if n < 2:
        return {'coef': None, 'p_value': None, 'slope': None, 'intercept': None, 'n': n}
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        coef, p_value = METHODS[method](x, y)
    if len(set(x)) == 1:
        slope, intercept = math.nan, math.nan
    else:
        slope, intercept = np.polyfit(x, y, deg=1)
    return {'coef': clean(coef), 'p_value': clean(p_value), 'slope': clean(slope),
            'intercept': clean(intercept), 'n': n}


def kernel_cases(rng):
    samples = {
        'normal_30': (rng.normal(size=30), None),
        'normal_200': (rng.normal(size=200), None),
        'ties_25': (rng.integers(0, 5, size=25).astype(float), rng.integers(0, 4, size=25).astype(float)),
        'ties_60': (rng.integers(0, 8, size=60).astype(float), None),
        'no_ties_40': (rng.permutation(40).astype(float), None),
        'perfect_10': (np.arange(10.0), np.arange(10.0) * 2 + 1),
        'reversed_12': (np.arange(12.0), -np.arange(12.0)),
        'two_points': (np.array([1.0, 2.0]), np.array([3.0, 1.0])),
        'three_points': (np.array([1.0, 2.0, 4.0]), np.array([3.0, 1.0, 2.0])),
        'one_point': (np.array([1.0]), np.array([2.0])),
        'constant_x': (np.full(6, 3.0), np.arange(6.0)),
        'constant_y': (np.arange(6.0), np.full(6, 3.0)),
        'large_values': (rng.normal(size=50) * 1e6 + 1e7, None),
    }
    cases = []
    for name, (x, y) in samples.items():
        if y is None:
            y = 0.6 * x + rng.normal(size=len(x)) * np.std(x)
            if name.startswith('ties'):
                y = np.round(y)
        for method in METHODS:
            cases.append({'name': f'{name}/{method}', 'method': method, 'x': x.tolist(), 'y': y.tolist(),
                          'expected': reference(list(x), list(y), method)})
    return cases


def analysis_case(rng):
    ids = [f'p{i:02d}' for i in range(40)]
    x = rng.normal(size=40)
    y = 0.5 * x + rng.normal(size=40)
    x[[3, 17]] = math.nan
    y[[5]] = math.nan
    x_ids = ids[:38]          # p38, p39 have no x at all
    y_ids = ids[2:]           # p00, p01 have no y at all
    subsets = [ids[:20], ids[15:35], ids[30:] + ['unknown']]
    id_filter = ids[:36]
    sex = {i: ('f' if k % 2 else 'm') for k, i in enumerate(ids) if k % 7}
    site = {i: ('lux' if k < 20 else 'bonn') for k, i in enumerate(ids)}
    site[ids[9]] = None

    joined = [(i, x[ids.index(i)], y[ids.index(i)]) for i in x_ids if i in y_ids]
    kept = [(i, a, b) for i, a, b in joined if not (math.isnan(a) or math.isnan(b)) and i in id_filter]
    rows = [(i, a, b, s) for s, subset in enumerate(subsets) for i, a, b in kept if i in subset]
    unique = {}
    for i, a, b, _ in rows:
        unique.setdefault(i, (a, b))
    result = {}
    for method in METHODS:
        overall = reference([v[0] for v in unique.values()], [v[1] for v in unique.values()], method)
        per_subset = [reference([a for _, a, _, s in rows if s == k], [b for _, _, b, s in rows if s == k], method)
                      for k in range(len(subsets))]
        result[method] = {'overall': overall, 'subsets': per_subset}
    return {
        'x': {'ids': x_ids, 'feature': 'age', 'values': [clean(x[ids.index(i)]) for i in x_ids]},
        'y': {'ids': y_ids, 'feature': 'bmi', 'values': [clean(y[ids.index(i)]) for i in y_ids]},
        'subsets': subsets,
        'id_filter': id_filter,
        'categories': [
            {'feature': 'sex', 'ids': list(sex), 'labels': list(sex.values())},
            {'feature': 'site', 'ids': list(site), 'labels': list(site.values())},
        ],
        'dropped_ids': sorted(i for i, a, b in joined if math.isnan(a) or math.isnan(b)),
        'point_count': len(rows),
        'expected': result,
    }


def main():
    rng = np.random.default_rng(20261123)
    fixture = {'generator': 'tests/reference/make_correlation.py',
               'scipy': __import__('scipy').__version__, 'numpy': np.__version__,
               'kernels': kernel_cases(rng), 'analysis': analysis_case(rng)}
    with open(OUT, 'w', encoding='utf-8') as handle:
        json.dump(fixture, handle, indent=1, allow_nan=False)
        handle.write('\n')


if __name__ == '__main__':
    main()
