#!/usr/bin/env python3
"""Golden fixtures for the Mapper area: KeplerMapper graphs with scikit-learn DBSCAN.

Run from the repository root with the peers venv:
    /work/.venv-peers/bin/python scripts/references/mapper_fixtures.py
Writes small JSON files under Tests/TDAKitTests/Fixtures/mapper/.

Each graph case stores the points, the lens exactly as KeplerMapper receives it, the cover and
DBSCAN parameters, and KeplerMapper's nodes ({id: members}) and links. The Swift tests build the
graph from the stored lens so that cube membership depends only on the cover arithmetic, and test
their own lens functions against the stored lens separately (with a tolerance).

DBSCAN compares distances with eps (inclusive); whether a pair at distance eps +- 1 ulp counts
depends on how the distance was rounded (sklearn's brute path uses the Gram-matrix formula).
The generator therefore checks that no pair distance lies within 1e-9 (relative) of eps, so the
fixtures test the core/border rules and not rounding noise.
"""
import json
import os

import kmapper
import numpy as np
import scipy
import sklearn
from kmapper import Cover, KeplerMapper
from sklearn.cluster import DBSCAN
from sklearn.datasets import make_blobs, make_circles
from sklearn.decomposition import PCA
from sklearn.neighbors import KernelDensity, NearestNeighbors
from scipy.spatial.distance import cdist

OUT = "Tests/TDAKitTests/Fixtures/mapper"
SOURCE = (
    f"scripts/references/mapper_fixtures.py; kmapper {kmapper.__version__}, "
    f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, scipy {scipy.__version__}"
)


def check_eps_margin(X, eps, metric="euclidean"):
    d = cdist(X, X, metric=metric)
    margin = np.min(np.abs(d - eps)) / eps
    assert margin > 1e-9, f"a pair distance is within {margin} of eps={eps}; pick another eps"


def relu_cloud(rng, n, dim, classes):
    """ReLU-like activations: class centres plus noise through a random linear map and ReLU."""
    labels = rng.integers(0, classes, size=n)
    centres = rng.normal(0, 2.0, size=(classes, dim))
    pre = centres[labels] + rng.normal(0, 0.6, size=(n, dim))
    mix = rng.normal(0, 1.0 / np.sqrt(dim), size=(dim, dim))
    return np.maximum(pre @ mix, 0.0), labels


def graph_case(name, X, lens, n_cubes, overlap, eps, min_samples, labels=None, min_intersection=1,
               metric="euclidean"):
    check_eps_margin(X, eps, metric)
    mapper = KeplerMapper(verbose=0)
    graph = mapper.map(
        lens, X,
        clusterer=DBSCAN(eps=eps, min_samples=min_samples, metric=metric),
        cover=Cover(n_cubes=n_cubes, perc_overlap=overlap),
        nerve=kmapper.GraphNerve(min_intersection=min_intersection),
    )
    nodes = {k: [int(i) for i in v] for k, v in graph["nodes"].items()}
    links = [[a, b] for a in graph["links"] for b in graph["links"][a]]
    case = {
        "source": SOURCE, "name": name,
        "points": X.tolist(), "lens": lens.tolist(),
        "intervals": n_cubes, "overlap": overlap, "eps": eps, "minSamples": min_samples,
        "minIntersection": min_intersection, "metric": metric,
        "nodes": nodes, "links": links,
    }
    if labels is not None:
        case["labels"] = [int(x) for x in labels]
    write(f"graph_{name}.json", case)
    print(f"{name}: {len(X)} points, {len(nodes)} nodes, {len(links)} links")


def write(fname, obj):
    with open(os.path.join(OUT, fname), "w") as f:
        json.dump(obj, f, separators=(",", ":"))


def graphs():
    rng = np.random.default_rng(7)
    # circles, lens = x coordinate: the classic two-cycle graph
    X, _ = make_circles(n_samples=300, noise=0.03, factor=0.5, random_state=1)
    graph_case("circles", X, X[:, :1].copy(), 8, 0.3, 0.1234, 3)
    # blobs in 3-d, l2norm lens, plus exact duplicate points
    X, y = make_blobs(n_samples=240, centers=4, n_features=3, cluster_std=0.7, random_state=3)
    X = np.vstack([X, X[:20]])
    y = np.concatenate([y, y[:20]])
    graph_case("blobs", X, np.linalg.norm(X, axis=1, keepdims=True), 10, 0.5, 0.8123, 5, labels=y)
    # ReLU activation cloud with labels, several cover and DBSCAN settings
    X, y = relu_cloud(rng, 400, 12, 5)
    lens = np.linalg.norm(X, axis=1, keepdims=True)
    graph_case("relu_a", X, lens, 8, 0.4, 1.1117, 4, labels=y)
    graph_case("relu_b", X, lens, 15, 0.25, 0.9013, 3, labels=y, min_intersection=2)
    graph_case("relu_c", X, lens, 5, 0.6, 1.4021, 6, labels=y)
    # two-dimensional lens (PCA), product cover
    lens2 = PCA(n_components=2).fit_transform(X)
    graph_case("relu_pca2", X, lens2, 4, 0.3, 1.2009, 4, labels=y)
    # points exactly on cube boundaries: lens in halves 0..20 with 4 cubes and 50% overlap puts
    # cube edges at -2.5, 7.5, 12.5, ... (exact in binary); duplicates of boundary rows too
    k = np.arange(41) * 0.5
    lens_b = np.concatenate([k, k[[15, 25, 15]]]).reshape(-1, 1)
    X_b = np.c_[lens_b[:, 0], np.zeros(len(lens_b))]
    graph_case("boundary", X_b, lens_b, 4, 0.5, 0.7071, 2)
    graph_case("boundary_tight", X_b, lens_b, 5, 0.2, 0.5001, 2)
    # a gap in the lens leaves empty cubes, which KeplerMapper drops before numbering
    X_g = np.r_[rng.normal(0, 0.3, size=(60, 2)), rng.normal(10, 0.3, size=(60, 2))]
    graph_case("gap", X_g, X_g[:, :1].copy(), 10, 0.2, 0.5017, 3)
    # zero overlap and a single cube
    graph_case("single", X_g, X_g[:, :1].copy(), 1, 0.0, 0.6003, 3)
    graph_case("nooverlap", X, lens, 6, 0.0, 1.1117, 4, labels=y)


def precomputed_case():
    """KeplerMapper with precomputed=True and DBSCAN(metric="precomputed") on a distance matrix."""
    rng = np.random.default_rng(17)
    X, y = relu_cloud(rng, 90, 8, 3)
    D = cdist(X, X)
    lens = D.mean(axis=1, keepdims=True)
    eps, min_samples = 1.0031, 3
    check_eps_margin(X, eps)
    graph = KeplerMapper(verbose=0).map(
        lens, D, precomputed=True,
        clusterer=DBSCAN(eps=eps, min_samples=min_samples, metric="precomputed"),
        cover=Cover(n_cubes=6, perc_overlap=0.3))
    nodes = {k: [int(i) for i in v] for k, v in graph["nodes"].items()}
    links = [[a, b] for a in graph["links"] for b in graph["links"][a]]
    write("graph_precomputed.json", {
        "source": SOURCE, "distances": D.tolist(), "lens": lens.tolist(), "intervals": 6,
        "overlap": 0.3, "eps": eps, "minSamples": min_samples, "nodes": nodes, "links": links})
    print(f"precomputed: {len(X)} points, {len(nodes)} nodes, {len(links)} links")


def dbscan_cases():
    """DBSCAN labels alone: border points reachable from two clusters, duplicates, noise."""
    rng = np.random.default_rng(11)
    cases = []
    X, _ = make_blobs(n_samples=150, centers=3, n_features=2, cluster_std=0.5, random_state=5)
    for eps, ms in [(0.3013, 4), (0.5021, 5), (0.2017, 2), (0.4011, 1)]:
        cases.append((X, eps, ms, "euclidean"))
    # a bridge whose middle point is a border point of two clusters
    line = np.array([[0, 0], [0.5, 0], [1, 0], [1.5, 0], [2.5, 0], [3.0, 0], [3.5, 0], [4, 0]], float)
    bridge = np.r_[line, [[2.0, 0.0]], line[:3], [[2.0, 0.0]]]
    cases.append((bridge, 0.5003, 3, "euclidean"))
    Y = np.maximum(rng.normal(0, 1, size=(120, 6)), 0)
    cases.append((Y, 0.9007, 4, "euclidean"))
    cases.append((Y, 1.5013, 4, "manhattan"))
    cases.append((Y, 0.7019, 3, "chebyshev"))
    out = []
    for X, eps, ms, metric in cases:
        check_eps_margin(X, eps, "cityblock" if metric == "manhattan" else metric)
        labels = DBSCAN(eps=eps, min_samples=ms, metric=metric).fit_predict(X)
        out.append({"points": X.tolist(), "eps": eps, "minSamples": ms, "metric": metric,
                    "labels": [int(v) for v in labels]})
    write("dbscan.json", {"source": SOURCE, "cases": out})
    print(f"dbscan: {len(out)} cases")


def lens_cases():
    """Lens values from numpy/scikit-learn on one ReLU cloud."""
    rng = np.random.default_rng(13)
    X, _ = relu_cloud(rng, 80, 6, 3)
    pca = PCA(n_components=2).fit_transform(X)
    D = cdist(X, X)
    nn = NearestNeighbors(n_neighbors=5).fit(X)
    bw = 0.8
    kde = KernelDensity(bandwidth=bw).fit(X).score_samples(X)
    out = {
        "source": SOURCE, "points": X.tolist(),
        "l2norm": np.linalg.norm(X, axis=1).tolist(),
        "mean": np.mean(X, axis=1).tolist(),
        "sum": np.sum(X, axis=1).tolist(),
        "coord2": X[:, 2].tolist(),
        "pca1": pca[:, 0].tolist(), "pca2": pca[:, 1].tolist(),
        # KeplerMapper's knn_distance_5: summed distances to the 5 nearest (self included)
        "knn5": np.sum(nn.kneighbors(X, n_neighbors=5)[0], axis=1).tolist(),
        # eccentricity with p = 1: mean distance to all points (Singh et al.)
        "eccentricity": D.mean(axis=1).tolist(),
        # Gaussian kernel density (normalised, as sklearn's KernelDensity)
        "densityBandwidth": bw, "density": np.exp(kde).tolist(),
        # rows wider than numpy's 8-term unroll and 128-term pairwise block
        "wide": [{"points": W.tolist(), "l2norm": np.linalg.norm(W, axis=1).tolist(),
                  "sum": np.sum(W, axis=1).tolist(), "mean": np.mean(W, axis=1).tolist()}
                 for W in (rng.normal(size=(4, d)) for d in (9, 64, 129, 300))],
    }
    write("lenses.json", out)
    print("lenses written")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    graphs()
    precomputed_case()
    dbscan_cases()
    lens_cases()
