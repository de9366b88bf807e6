"""Reference fixtures for compute-pca, computed by scikit-learn.

Regenerate (Debian's python3-sklearn and python3-numpy, from the repository root):
    /usr/bin/python3 tests/reference/make_pca.py
Writes tests/Domain.Tests/Fixtures/pca.json. NaN is written as null.

Each case: an ids x features matrix with missing values; scikit-learn's SimpleImputer(strategy="median")
then PCA(whiten=...). The sign of each component is then fixed as Fractal fixes it (and as
scikit-learn >= 1.5 does): the entry of largest magnitude of each row of components_ is positive.
Scores, loadings (-components.T * sqrt(explained_variance_)) and whitened scores flip with it.
"""

import json
import math
import os
import warnings

import numpy as np
from sklearn.decomposition import PCA
from sklearn.impute import SimpleImputer

OUT = os.path.join(os.path.dirname(__file__), '..', 'Domain.Tests', 'Fixtures', 'pca.json')


def clean(value):
    value = float(value)
    return None if math.isnan(value) else value


def reference(matrix, whiten):
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        imputed = SimpleImputer(strategy='median').fit_transform(matrix)
        pca = PCA(whiten=whiten, svd_solver='full')
        scores = pca.fit_transform(imputed)
    components = pca.components_.copy()
    for j in range(components.shape[0]):
        k = int(np.argmax(np.abs(components[j])))
        if components[j, k] < 0:
            components[j] *= -1
            scores[:, j] *= -1
    loadings = -components.T * np.sqrt(pca.explained_variance_)
    return {'scores': scores.tolist(), 'loadings': loadings.tolist(),
            'variance_ratios': pca.explained_variance_ratio_.tolist(),
            'explained_variance': pca.explained_variance_.tolist()}


def cases(rng):
    latent = rng.normal(size=(40, 2))
    wide = latent @ rng.normal(size=(2, 7)) + 0.3 * rng.normal(size=(40, 7))
    wide[rng.random(wide.shape) < 0.1] = math.nan
    small = rng.normal(size=(6, 4)) * [1, 2, 3, 4]
    small[0, 1] = math.nan
    small[3, 1] = math.nan
    constant = rng.normal(size=(12, 4))
    constant[:, 2] = 5.0
    few_ids = rng.normal(size=(5, 3)) * [3, 2, 1]
    samples = [('wide_missing', wide), ('small_missing', small), ('constant_feature', constant), ('few_ids', few_ids)]
    out = []
    for name, matrix in samples:
        for whiten in (False, True):
            out.append({'name': f'{name}/{"whiten" if whiten else "plain"}', 'whiten': whiten,
                        'ids': [f'i{r:02d}' for r in range(matrix.shape[0])],
                        'features': [f'f{c}' for c in range(matrix.shape[1])],
                        'matrix': [[clean(v) for v in row] for row in matrix],
                        'expected': reference(matrix, whiten)})
    return out


def main():
    rng = np.random.default_rng(99)
    fixture = {'generator': 'tests/reference/make_pca.py',
               'sklearn': __import__('sklearn').__version__, 'numpy': np.__version__,
               'cases': cases(rng)}
    with open(OUT, 'w', encoding='utf-8') as handle:
        json.dump(fixture, handle, indent=1, allow_nan=False)
        handle.write('\n')


if __name__ == '__main__':
    main()
