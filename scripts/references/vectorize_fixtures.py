"""Golden fixtures for Tests/TDAKitTests/Vectorize (perslay-vec library).

Run with the peers venv: /work/.venv-peers/bin/python scripts/references/vectorize_fixtures.py
Writes small JSON files to Tests/TDAKitTests/Fixtures/vectorize/. Deterministic (fixed seeds).
Each case gives the Swift `name:key=value` spec and the reference library call that matches it.
"""
import json
import math
import os
import sys
from importlib.metadata import version

import numpy as np
import gudhi
import gudhi.representations as rep

sys.path.insert(0, os.path.dirname(__file__))
from regression_fixtures import Xoshiro256StarStar  # noqa: E402  (the shared RNG transcription)

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "TDAKitTests", "Fixtures", "vectorize")
SOURCE = f"scripts/references/vectorize_fixtures.py; numpy {np.__version__}, gudhi {gudhi.__version__}"


def write(name, payload):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump({"source": SOURCE, **payload}, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")


def random_diagram(rs, n, scale=1.0):
    births = rs.uniform(0, scale, size=n)
    return np.column_stack([births, births + rs.exponential(0.4 * scale, size=n)])


def diagrams():
    rs = np.random.RandomState(2024)
    return [
        random_diagram(rs, 12),
        random_diagram(rs, 30, 2.0),
        np.array([[0.2, 0.5], [0.2, 0.5], [0.2, 0.5], [0.1, 0.9]]),  # duplicate points
        np.array([[0.3, 1.1]]),  # a single point
        np.zeros((0, 2)),  # empty
        np.array([[0.4, 0.4], [0.0, 0.7], [0.25, 0.6]]),  # a point on the diagonal
    ]


def stats_values(d, top, augment, ballester):
    b, de = d[:, 0], d[:, 1]
    life, mid = de - b, (b + de) / 2

    def mean(x):
        return float(np.mean(x)) if len(x) else 0.0

    def sd(x):
        return float(np.std(x)) if len(x) else 0.0  # numpy population SD (ddof=0)

    if ballester:
        base = [sd(b), sd(de), mean(b), mean(de)]
    else:
        total = life.sum()
        p = life[life > 0] / total if total > 0 else np.zeros(0)
        entropy = float(-np.sum(p * np.log(p)))
        base = [float(len(d))] + [f(x) for x in (b, de, life, mid) for f in (mean, sd)] + [entropy]
    tops = sorted(life, reverse=True)[:top]
    base += [float(v) for v in tops] + [0.0] * (top - len(tops))
    out = list(base)
    for a in augment:
        out += [v * v for v in base] if a == "square" else [math.log1p(v) for v in base]
    return out


def finite_or_none(values):
    arr = np.asarray(values, dtype=float)
    return None if not np.all(np.isfinite(arr)) else [float(v) for v in arr.ravel()]


def representation_cases(ds):
    pers = lambda x: x[1]  # gudhi's image weight sees (birth, persistence)
    cases = [
        ("landscape:num_landscapes=3:resolution=15:sample_range=0,2.5", rep.Landscape(3, 15, [0, 2.5])),
        ("landscape:num_landscapes=4:resolution=9", rep.Landscape(4, 9)),
        ("landscape:num_landscapes=2:resolution=7:keep_endpoints=true", rep.Landscape(2, 7, keep_endpoints=True)),
        ("silhouette:resolution=11:sample_range=0,2", rep.Silhouette(resolution=11, sample_range=[0, 2])),
        ("silhouette:weight=power:power=2:resolution=10",
         rep.Silhouette(weight=lambda x: abs(x[1] - x[0]) ** 2, resolution=10)),
        ("betti:resolution=13:sample_range=0,2", rep.BettiCurve(13, [0, 2])),
        ("betti:resolution=8", rep.BettiCurve(8)),
        ("image:bandwidth=0.3:resolution=5,4:im_range=0,2,0,1.5",
         rep.PersistenceImage(0.3, resolution=[5, 4], im_range=[0, 2, 0, 1.5])),
        ("image:bandwidth=0.2:weight=linear:resolution=4,6", rep.PersistenceImage(0.2, weight=pers, resolution=[4, 6])),
        ("image:bandwidth=0.5:weight=power:constant=2:power=1.5:resolution=3,3:im_range=0,nan,0,nan",
         rep.PersistenceImage(0.5, weight=lambda x: 2 * abs(x[1]) ** 1.5, resolution=[3, 3],
                              im_range=[0, np.nan, 0, np.nan])),
        ("entropy", rep.Entropy()),
        ("entropy:mode=vector:resolution=12", rep.Entropy(mode="vector", resolution=12)),
        ("entropy:mode=vector:normalized=false:resolution=9:sample_range=0,2",
         rep.Entropy(mode="vector", normalized=False, resolution=9, sample_range=[0, 2])),
        ("polynomial:polynomial_type=R:threshold=6", rep.ComplexPolynomial("R", 6)),
        ("polynomial:polynomial_type=S:threshold=5", rep.ComplexPolynomial("S", 5)),
        ("polynomial:polynomial_type=T:threshold=40", rep.ComplexPolynomial("T", 40)),
    ]
    out = []
    for spec, transformer in cases:
        values = transformer.fit_transform(ds)
        if np.iscomplexobj(values):
            values = np.stack([values.real, values.imag], axis=-1).reshape(len(ds), -1)
        out.append({"spec": spec, "values": [finite_or_none(v) for v in values]})
    return out


def distance_fixture(ds):
    """Bottleneck (gudhi, exact: e=0), Wasserstein (gudhi.wasserstein on POT's exact emd) and
    sliced Wasserstein (gudhi.representations.metrics) between all pairs of the diagrams."""
    from gudhi.wasserstein import wasserstein_distance
    from gudhi.representations.metrics import _sliced_wasserstein_distance

    pairs = []
    for i in range(len(ds)):
        for j in range(i, len(ds)):
            a, b = ds[i], ds[j]
            entry = {"a": i, "b": j, "bottleneck": gudhi.bottleneck_distance(a, b, e=0),
                     "sliced10": float(_sliced_wasserstein_distance(a, b, 10)),
                     "sliced3": float(_sliced_wasserstein_distance(a, b, 3))}
            for order, internal in [(1, np.inf), (2, np.inf), (1, 2), (2, 2), (3, 1)]:
                key = f"wasserstein_{order}_{'inf' if internal == np.inf else internal}"
                entry[key] = float(wasserstein_distance(a, b, order=order, internal_p=internal))
            pairs.append(entry)
    return pairs


def perslay_reference(d, phi, weight, op, k=1):
    """PersLay with fixed parameters, transcribing gudhi.tensorflow.perslay's Gaussian and tent phis,
    power and grid weights and permutation ops in numpy (TensorFlow is not installed); `line` and
    `exponential` follow the formulas in PersLay.swift. Top-k pads with 0 (gudhi pads with -1e10)."""
    b, de = d[:, 0], d[:, 1]
    kind = phi[0]
    if kind in ("gaussian", "exponential"):
        _, size, bnds, sigma = phi
        coords = [np.arange(size[i]) * ((bnds[2 * i + 1] - bnds[2 * i]) / size[i]) + bnds[2 * i] for i in range(2)]
        X, Y = np.meshgrid(*coords)  # 'xy' indexing: rows follow y, as tf.meshgrid
        dx = b[:, None, None] - X[None]
        dy = (de - b)[:, None, None] - Y[None]
        if kind == "gaussian":
            vals = np.exp(-(dx ** 2 + dy ** 2) / (2 * sigma ** 2)) / (2 * np.pi * sigma ** 2)
        else:
            vals = np.exp(-np.sqrt(dx ** 2 + dy ** 2) / sigma)
        vals = vals.reshape(len(d), -1)
    elif kind == "tent":
        samples = np.linspace(phi[1], phi[2], phi[3])
        vals = np.maximum(0.5 * (de - b)[:, None] - np.abs(samples[None] - 0.5 * (de + b)[:, None]), 0)
    else:
        q = phi[1]
        th = np.arange(q) * np.pi / q
        vals = b[:, None] * np.cos(th)[None] + de[:, None] * np.sin(th)[None]
    if weight[0] == "power":
        w = weight[1] * np.abs(de - b) ** weight[2]
    elif weight[0] == "grid":
        _, grid, bnds = weight
        ids = [np.clip((grid.shape[i] * ((d[:, i] - bnds[2 * i]) / (bnds[2 * i + 1] - bnds[2 * i]))).astype(int),
                       0, grid.shape[i] - 1) for i in range(2)]
        w = grid[ids[0], ids[1]]
    else:
        w = np.ones(len(d))
    vals = vals * w[:, None]
    width = vals.shape[1]
    if len(d) == 0:
        return [0.0] * (width * (k if op == "topk" else 1))
    if op == "sum":
        return list(vals.sum(0))
    if op == "mean":
        return list(vals.mean(0))
    if op == "max":
        return list(vals.max(0))
    top = -np.sort(-vals, axis=0)[:k]
    top = np.vstack([top, np.zeros((k - len(top), width))])
    return list(top.T.ravel())


def perslay_cases(ds):
    grid = np.arange(6.0).reshape(2, 3) / 5
    cases = [
        ("perslay", ("gaussian", [10, 10], [0, 1, 0, 1], 0.1), ("constant",), "sum"),
        ("perslay:phi=gaussian:image_size=4,3:image_bnds=0,2,0,1.5:variance=0.3:weight=power:constant=2:power=1.5:op=mean",
         ("gaussian", [4, 3], [0, 2, 0, 1.5], 0.3), ("power", 2, 1.5), "mean"),
        ("perslay:phi=exponential:image_size=3,3:image_bnds=0,1,0,1:variance=0.5:op=max",
         ("exponential", [3, 3], [0, 1, 0, 1], 0.5), ("constant",), "max"),
        ("perslay:phi=tent:sample_range=0,2:resolution=6:weight=linear:op=topk:k=3",
         ("tent", 0, 2, 6), ("power", 1, 1), "topk", 3),
        ("perslay:phi=line:num_lines=4:weight=grid:grid_size=2,3:grid_bnds=0,1,0,2:grid=0,0.2,0.4,0.6,0.8,1:op=sum",
         ("line", 4), ("grid", grid, [0, 1, 0, 2]), "sum"),
    ]
    out = []
    for spec, phi, weight, op, *k in cases:
        out.append({"spec": spec, "values": [[float(v) for v in perslay_reference(d, phi, weight, op, *k)] for d in ds]})
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    ds = diagrams()
    stats = []
    for spec, top, augment, ballester in [("stats", 0, [], False), ("stats:top=3:augment=square,log", 3,
                                          ["square", "log"], False), ("stats:set=ballester:augment=square", 0,
                                          ["square"], True), ("stats:set=ballester:top=2:augment=log,square", 2,
                                          ["log", "square"], True)]:
        stats.append({"spec": spec, "values": [stats_values(d, top, augment, ballester) for d in ds]})
    # Bootstrap as Ballester et al.: R resamples with replacement, mean of means; indices drawn
    # resample by resample with the shared xoshiro256** transcription.
    rs = np.random.RandomState(3)
    vectors = rs.normal(size=(5, 3))
    g = Xoshiro256StarStar(seed=42)
    means = [vectors[[g.next_int(5) for _ in range(5)]].mean(axis=0) for _ in range(7)]
    rs2 = np.random.RandomState(99)
    more = [random_diagram(rs2, 25), np.round(random_diagram(rs2, 20), 1)]  # rounded: ties in costs
    write("distances.json", {"diagrams": [d.tolist() for d in ds + more], "pairs": distance_fixture(ds + more),
                             "versions": f"POT {version('POT')}"})
    write("representations.json", {
        "diagrams": [d.tolist() for d in ds],
        "cases": stats + representation_cases(ds) + perslay_cases(ds),
        "bootstrap": {"vectors": vectors.tolist(), "seed": 42, "resamples": 7,
                      "result": list(np.mean(means, axis=0))},
    })


if __name__ == "__main__":
    main()
