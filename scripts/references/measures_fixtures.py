#!/usr/bin/env python3
"""Golden fixtures for the generalization measures of `nn-train measures` (Tests/TDAKitTests/Network).

Run from the repository root in a venv with numpy and scikit-learn:
    python3 -m venv /tmp/venv-m && /tmp/venv-m/bin/pip install numpy scikit-learn
    /tmp/venv-m/bin/python scripts/references/measures_fixtures.py
Writes Tests/TDAKitTests/Fixtures/network/davies_bouldin.json (scikit-learn's davies_bouldin_score)
and percentile.json (numpy.percentile, default linear method). Deterministic (fixed seeds).

The Swift side clusters float32 representations, so every point is rounded to float32 here and
written as the exact double it equals; scikit-learn then scores exactly the points Swift reads.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import davies_bouldin_score

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "TDAKitTests", "Fixtures", "network")
SOURCE = f"scripts/references/measures_fixtures.py; scikit-learn {sklearn.__version__}, numpy {np.__version__}"


def float32(x):
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def blobs(rng, centres, sizes, spread):
    points = np.concatenate([c + rng.normal(0, spread, size=(n, len(c))) for c, n in zip(centres, sizes)])
    labels = np.concatenate([[k] * n for k, n in enumerate(sizes)])
    return points, labels


def case(name, points, labels):
    points = float32(points)
    labels = np.asarray(labels, dtype=int)
    return {"name": name, "points": points.tolist(), "labels": labels.tolist(),
            "score": float(davies_bouldin_score(points, labels))}


def davies_bouldin_cases():
    rng = np.random.default_rng(7)
    cases = []
    # Three separated classes in 4-D (a clean penultimate layer).
    points, labels = blobs(rng, [np.zeros(4), np.full(4, 3.0), np.array([3.0, -3.0, 0.0, 1.0])], [12, 9, 15], 0.7)
    cases.append(case("three_separated_4d", points, labels))
    # Four overlapping classes in 2-D, unequal sizes, labels not 0..k-1 and shuffled.
    points, labels = blobs(rng, [np.zeros(2), np.array([1.0, 0.5]), np.array([-1.0, 1.0]), np.array([0.5, -1.5])],
                           [10, 6, 14, 8], 1.0)
    order = rng.permutation(len(labels))
    cases.append(case("four_overlapping_2d", points[order], np.array([2, 5, 7, 11])[labels[order]]))
    # Two classes with the same centroid (0, 0): sklearn counts that distance as infinite.
    symmetric = [[1, 0], [-1, 0], [0, 2], [0, -2], [0.5, 0.5], [-0.5, -0.5], [4, 4], [5, 4], [4, 5]]
    cases.append(case("coincident_centroids", symmetric, [0, 0, 1, 1, 0, 0, 2, 2, 2]))
    # ReLU-like activations: many exact zeros, 8-D, five classes.
    points, labels = blobs(rng, [rng.normal(0, 2, size=8) for _ in range(5)], [20, 20, 20, 20, 20], 1.0)
    cases.append(case("relu_like_8d", np.maximum(points, 0), labels))
    return cases


def percentile_cases():
    rng = np.random.default_rng(11)
    cases = []
    qs = [0, 10, 25, 50, 90, 100]
    for n in [1, 2, 5, 10, 37, 200]:
        values = rng.normal(0, 3, size=n)
        if n >= 10:
            values[: n // 5] = values[0]  # ties
        cases.append({"values": values.tolist(), "q": qs, "percentiles": [float(np.percentile(values, q)) for q in qs]})
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, payload in [("davies_bouldin.json", {"cases": davies_bouldin_cases()}),
                          ("percentile.json", {"cases": percentile_cases()})]:
        with open(os.path.join(OUT, name), "w") as f:
            json.dump({"source": SOURCE, **payload}, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
