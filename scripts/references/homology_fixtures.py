#!/usr/bin/env python3
"""Golden fixtures for TDAKit's Vietoris–Rips engine (ph-rips), made with ripser.py.

Run with the peers' venv:  /work/.venv-peers/bin/python scripts/references/homology_fixtures.py
Writes Tests/TDAKitTests/Fixtures/homology/*.json (deterministic seeds).

ripser.py always receives a distance matrix (distance_matrix=True) computed here in float64:
- euclidean / manhattan / chebyshev by plain Python loops in coordinate order, so the Swift
  side (same loop) reproduces every distance bit for bit; only the points are stored;
- cosine / correlation / abs-correlation with numpy (BLAS summation order cannot be
  reproduced), so the condensed matrix is stored next to the points;
- precomputed matrices (ties, integers) are stored as given.
ripser.py rounds the matrix to float32 (value_t = float), so its diagrams are float32 values.
"""
import json
import math
import os
import sys

import numpy as np
import ripser

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "TDAKitTests", "Fixtures", "homology")
SOURCE = (f"scripts/references/homology_fixtures.py; ripser {ripser.__version__}, numpy {np.__version__}, "
          f"python {sys.version.split()[0]}")


def pairwise_loop(points, metric):
    n = len(points)
    out = []
    for i in range(1, n):
        for j in range(i):
            x, y = points[i], points[j]
            if metric == "euclidean":
                s = 0.0
                for a, b in zip(x, y):
                    t = a - b
                    s += t * t
                out.append(math.sqrt(s))
            elif metric == "manhattan":
                s = 0.0
                for a, b in zip(x, y):
                    s += abs(a - b)
                out.append(s)
            elif metric == "chebyshev":
                out.append(max(abs(a - b) for a, b in zip(x, y)))
    return out


def numpy_metric(points, metric):
    x = np.asarray(points, dtype=np.float64)
    if metric != "cosine":
        x = x - x.mean(axis=1, keepdims=True)
    norms = np.linalg.norm(x, axis=1)
    unit = np.divide(x, norms[:, None], out=np.zeros_like(x), where=norms[:, None] > 0)
    sim = unit @ unit.T
    if metric == "abs-correlation":
        d = np.maximum(1 - np.abs(sim), 0)
    else:
        d = np.clip(1 - sim, 0, 2)
    n = len(points)
    return [float(d[i, j]) for i in range(1, n) for j in range(i)]


def square(condensed, n):
    m = np.zeros((n, n))
    k = 0
    for i in range(1, n):
        for j in range(i):
            m[i, j] = m[j, i] = condensed[k]
            k += 1
    return m


def case(name, maxdim, coeff=2, threshold=None, points=None, metric="euclidean", distances=None):
    stored_distances = distances is not None or metric in ("cosine", "correlation", "abs-correlation")
    if distances is None:
        distances = numpy_metric(points, metric) if stored_distances else pairwise_loop(points, metric)
    n = len(points) if points is not None else int(round((1 + math.sqrt(1 + 8 * len(distances))) / 2))
    thresh = np.inf if threshold is None else threshold
    result = ripser.ripser(square(distances, n), maxdim=maxdim, thresh=thresh, coeff=coeff, distance_matrix=True)
    diagrams = [[[float(b), None if math.isinf(d) else float(d)] for b, d in dgm.tolist()] for dgm in result["dgms"]]
    entry = {"name": name, "maxdim": maxdim, "coeff": coeff, "threshold": threshold, "metric": metric,
             "diagrams": diagrams}
    if points is not None:
        entry["points"] = [[float(v) for v in row] for row in points]
    if stored_distances:
        entry["distances"] = distances
    return entry


def circle(rng, n, noise):
    t = rng.uniform(0, 2 * np.pi, n)
    return np.c_[np.cos(t), np.sin(t)] + noise * rng.normal(size=(n, 2))


def sphere(rng, n, noise):
    x = rng.normal(size=(n, 3))
    return x / np.linalg.norm(x, axis=1, keepdims=True) + noise * rng.normal(size=(n, 3))


def torus(rng, n, noise, R=2.0, r=1.0):
    u, v = rng.uniform(0, 2 * np.pi, (2, n))
    p = np.c_[(R + r * np.cos(v)) * np.cos(u), (R + r * np.cos(v)) * np.sin(u), r * np.sin(v)]
    return p + noise * rng.normal(size=(n, 3))


def projective_plane(rng, n):
    """Veronese image of the sphere: RP² in R⁶, whose H1 and H2 depend on the coefficients."""
    s = sphere(rng, n, 0.0)
    x, y, z = s.T
    return np.c_[x * x, y * y, z * z, math.sqrt(2) * x * y, math.sqrt(2) * x * z, math.sqrt(2) * y * z]


def activations(rng, rows, cols, signals):
    """Neuron-like rows: ReLU of a few shared signals plus noise, so correlations are structured."""
    base = rng.normal(size=(signals, cols))
    mix = rng.normal(size=(rows, signals)) * (rng.uniform(size=(rows, signals)) < 0.4)
    out = np.maximum(mix @ base + 0.3 * rng.normal(size=(rows, cols)), 0)
    out[0] = 0.5  # a constant row: distance 1 to everything under abs-correlation
    return out


def write(file, cases):
    path = os.path.join(OUT, file)
    with open(path, "w") as f:
        json.dump({"source": SOURCE, "cases": cases}, f, separators=(",", ":"))
    print(f"{file}: {len(cases)} cases, {os.path.getsize(path)} bytes")


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20261126)
    clouds = [
        case("uniform R^2, maxdim 1", 1, points=rng.uniform(size=(60, 2))),
        case("uniform R^3, maxdim 2", 2, points=rng.uniform(size=(45, 3))),
        case("gaussian R^4, maxdim 3", 3, points=rng.normal(size=(22, 4))),
        case("uniform R^6, maxdim 2", 2, points=rng.uniform(size=(35, 6))),
        case("gaussian R^10, maxdim 2", 2, points=rng.normal(size=(35, 10))),
        case("gaussian R^5 manhattan, maxdim 1", 1, points=rng.normal(size=(40, 5)), metric="manhattan"),
        case("uniform R^4 chebyshev, maxdim 2", 2, points=rng.uniform(size=(30, 4)), metric="chebyshev"),
        case("noisy circle, maxdim 1", 1, points=circle(rng, 60, 0.05)),
        case("noisy sphere, maxdim 2", 2, points=sphere(rng, 50, 0.05)),
        case("noisy torus, maxdim 2", 2, points=torus(rng, 60, 0.05)),
        case("duplicate points, maxdim 1", 1, points=np.repeat(rng.uniform(size=(15, 2)), 2, axis=0)),
    ]
    write("clouds.json", clouds)

    ties = rng.integers(1, 6, size=(28, 28)).astype(float)
    ties = np.tril(ties, -1) + np.tril(ties, -1).T
    grid = np.array([[i, j] for i in range(6) for j in range(6)], dtype=float)
    rp2 = projective_plane(rng, 45)
    special = [
        case("integer distances with ties, maxdim 2", 2,
             distances=[float(ties[i, j]) for i in range(1, 28) for j in range(i)]),
        case("integer grid (ties), maxdim 2", 2, points=grid),
        case("circle under threshold 0.6", 1, threshold=0.6, points=circle(rng, 50, 0.05)),
        case("uniform R^3 under threshold 0.35, maxdim 2", 2, threshold=0.35, points=rng.uniform(size=(45, 3))),
        case("torus, coefficients Z/3", 2, coeff=3, points=torus(rng, 50, 0.05)),
        case("projective plane, Z/2", 2, coeff=2, points=rp2),
        case("projective plane, Z/3", 2, coeff=3, points=rp2),
        case("uniform R^3, Z/5, maxdim 2", 2, coeff=5, points=rng.uniform(size=(35, 3))),
    ]
    write("special.json", special)

    acts = activations(rng, 40, 120, 6)
    correlations = [
        case("abs-correlation of activations, maxdim 1", 1, points=acts, metric="abs-correlation"),
        case("abs-correlation of activations, maxdim 2", 2, points=activations(rng, 30, 80, 5), metric="abs-correlation"),
        case("correlation of activations, maxdim 1", 1, points=activations(rng, 35, 60, 4)[1:], metric="correlation"),
        case("cosine of activations, maxdim 1", 1, points=activations(rng, 35, 60, 4), metric="cosine"),
    ]
    write("correlations.json", correlations)


if __name__ == "__main__":
    main()
