"""Golden fixture for tda-plot's --pca projection: scikit-learn PCA(2, svd_solver="full").

scikit-learn >= 1.5 flips each component so its largest loading is positive
(svd_flip with u_based_decision=False), the same rule as PrincipalComponents.swift,
so components and projections compare without sign ambiguity.

Run: /work/.venv-peers/bin/python scripts/references/plot_fixtures.py
"""
import json
from pathlib import Path

import numpy as np
import sklearn
from sklearn.decomposition import PCA

OUT = Path(__file__).resolve().parents[2] / "Tests/TDAKitTests/Fixtures/plot/pca.json"

rng = np.random.default_rng(20261126)
# An anisotropic cloud (axis scales 3, 2, 1, 0.5, 0.2) turned by a random rotation and shifted,
# so the two leading components are well separated from each other and from the rest.
rotation, _ = np.linalg.qr(rng.standard_normal((5, 5)))
points = rng.standard_normal((40, 5)) * np.array([3.0, 2.0, 1.0, 0.5, 0.2]) @ rotation + np.array([1.0, -2.0, 0.5, 3.0, 0.0])
pca = PCA(n_components=2, svd_solver="full").fit(points)
fixture = {
    "source": f"scripts/references/plot_fixtures.py, scikit-learn {sklearn.__version__}, numpy {np.__version__}",
    "points": points.tolist(),
    "components": pca.components_.tolist(),
    "explained_variance_ratio": pca.explained_variance_ratio_.tolist(),
    "projection": pca.transform(points).tolist(),
}
OUT.write_text(json.dumps(fixture) + "\n")
print(f"wrote {OUT}")
