"""Reference fixtures for compute-boxplot, computed by NumPy and SciPy.

Regenerate (Debian's python3-scipy and python3-numpy, from the repository root):
    /usr/bin/python3 tests/reference/make_boxplot.py
Writes tests/Domain.Tests/Fixtures/boxplot.json. NaN is written as null.
"""

import json
import math
import os
import warnings

import numpy as np
from scipy import stats

OUT = os.path.join(os.path.dirname(__file__), '..', 'Domain.Tests', 'Fixtures', 'boxplot.json')
TRANSFORMS = {'identity': lambda v: v, 'log2': np.log2, 'log10': np.log10,
              'pow2': lambda v: np.power(2.0, v), 'pow10': lambda v: np.power(10.0, v)}


def clean(value):
    value = float(value)
    return None if math.isnan(value) else value


def box(values):
    """Quartiles (NumPy linear), Tukey whiskers, outliers and the Scott-bandwidth KDE from l_wsk to u_wsk."""
    values = np.asarray(values, dtype=float)
    l_qrt, median, u_qrt = (float(np.percentile(values, q)) for q in (25, 50, 75))
    iqr = u_qrt - l_qrt
    l_wsk = float(min(v for v in values if v >= l_qrt - 1.5 * iqr))
    u_wsk = float(max(v for v in values if v <= u_qrt + 1.5 * iqr))
    outliers = sorted(float(v) for v in values if v < l_wsk or v > u_wsk)
    if len(values) >= 2 and np.ptp(values) > 0:
        kde = stats.gaussian_kde(values)(np.linspace(l_wsk, u_wsk, num=100)).tolist()
    else:
        kde = None  # SciPy cannot build a KDE on a constant sample (singular covariance)
    return {'l_qrt': l_qrt, 'median': median, 'u_qrt': u_qrt, 'l_wsk': l_wsk, 'u_wsk': u_wsk,
            'outliers': outliers, 'n': int(len(values)), 'kde': kde}


def anova(groups):
    if len(groups) < 2:
        return {'f_value': None, 'p_value': None}
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        f_value, p_value = stats.f_oneway(*groups)
    return {'f_value': clean(f_value) if not math.isinf(f_value) else 'Infinity', 'p_value': clean(p_value)}


def kernel_cases(rng):
    samples = {
        'normal_50': rng.normal(10, 2, size=50),
        'with_outliers': np.r_[rng.normal(0, 1, size=30), [8.0, 9.5, -7.0]],
        'ties': rng.integers(0, 4, size=21).astype(float),
        'two_values': np.array([1.0, 3.0]),
        'three_values': np.array([5.0, 1.0, 2.0]),
        'even_count': np.arange(1.0, 11.0) ** 1.5,
        'constant': np.full(5, 2.5),
        'skewed_200': rng.lognormal(0, 1, size=200),
    }
    return [{'name': name, 'values': values.tolist(), 'expected': box(values)} for name, values in samples.items()]


def anova_cases(rng):
    cases = {
        'three_groups': [rng.normal(0, 1, 12), rng.normal(0.5, 1, 15), rng.normal(1, 1, 9)],
        'two_groups_no_effect': [rng.normal(0, 1, 20), rng.normal(0, 1, 20)],
        'strong_effect': [rng.normal(0, 0.1, 10), rng.normal(5, 0.1, 10), rng.normal(10, 0.1, 10), rng.normal(2, 0.1, 5)],
        'constant_groups': [np.full(3, 1.0), np.full(4, 2.0)],
        'all_same': [np.full(3, 1.0), np.full(4, 1.0)],
    }
    return [{'name': name, 'groups': [g.tolist() for g in groups], 'expected': anova(groups)} for name, groups in cases.items()]


def analysis_cases(rng):
    ids = [f'p{i:02d}' for i in range(60)]
    a = rng.normal(3, 2, size=60)
    b = rng.lognormal(1, 0.5, size=60)
    a[[4, 9]] = math.nan
    b[[11]] = math.nan
    subsets = [ids[:25], ids[20:45], ids[40:]]
    id_filter = ids[:58]
    sex = {i: ('f' if k % 3 else 'm') for k, i in enumerate(ids) if k != 7}
    variables = {'a': a, 'b': b}
    cases = []
    for transformation in ('identity', 'log2', 'log10', 'pow2', 'pow10'):
        statistics, groups = [], []
        dropped_missing, dropped_transform = 0, 0
        for feature, values in variables.items():
            kept = {}
            for i, v in zip(ids, values):
                if i not in id_filter:
                    continue
                if math.isnan(v):
                    dropped_missing += 1
                    continue
                if transformation.startswith('log') and v <= 0:
                    dropped_transform += 1
                    continue
                kept[i] = float(TRANSFORMS[transformation](v))
            for s, subset in enumerate(subsets):
                for category in ('f', 'm'):
                    group = [kept[i] for i in ids if i in kept and i in id_filter and i in subset and sex.get(i) == category]
                    if len(group) < 2:
                        continue
                    groups.append(group)
                    statistics.append({'label': f'{feature}//{category}//s{s + 1}', **box(group)})
        cases.append({'name': transformation, 'transformation': transformation,
                      'expected': {'statistics': statistics, 'anova': anova(groups),
                                   'dropped_missing': dropped_missing, 'dropped_by_transformation': dropped_transform}})
    return {
        'variables': [{'ids': ids, 'feature': name, 'values': [clean(v) for v in values]} for name, values in variables.items()],
        'subsets': subsets, 'id_filter': id_filter,
        'categories': [{'feature': 'sex', 'ids': list(sex), 'labels': list(sex.values())}],
        'cases': cases,
    }


def main():
    rng = np.random.default_rng(4242)
    fixture = {'generator': 'tests/reference/make_boxplot.py',
               'scipy': __import__('scipy').__version__, 'numpy': np.__version__,
               'kernels': kernel_cases(rng), 'anova': anova_cases(rng), 'analysis': analysis_cases(rng)}
    with open(OUT, 'w', encoding='utf-8') as handle:
        json.dump(fixture, handle, indent=1, allow_nan=False)
        handle.write('\n')


if __name__ == '__main__':
    main()
