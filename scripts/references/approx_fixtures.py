#!/usr/bin/env python3
"""Golden fixture for ph-rips --approx: gudhi's sparse Rips complex.

Run:  python3 -m venv /tmp/venv-ap && /tmp/venv-ap/bin/pip install gudhi numpy
      /tmp/venv-ap/bin/python scripts/references/approx_fixtures.py
Writes Tests/TDAKitTests/Fixtures/homology/approx.json (deterministic seeds).

Each case is gudhi.RipsComplex(points=P, sparse=eps).create_simplex_tree(max_dimension=2), then
persistence over Z/2 (float64 filtration values, Euclidean distances). gudhi starts its greedy
order at a random point (Sparse_rips_complex -> choose_n_farthest_points_metric); ph-rips starts
at point 0, as ripser.py. So the script looks for a gudhi.random seed whose first draw picks
point 0 (choose_n_farthest_points with nb_points=1 makes that draw alone), sets it again and
builds the complex. Stored: the points, eps, the seed, the finite bars of H0 and H1 and the
number of infinite bars per dimension.
"""
import json
import math
import os
import sys

import gudhi
import gudhi.random
import gudhi.subsampling
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "TDAKitTests", "Fixtures", "homology", "approx.json")
SOURCE = (f"scripts/references/approx_fixtures.py; gudhi {gudhi.__version__}, numpy {np.__version__}, "
          f"python {sys.version.split()[0]}")


def seed_starting_at_zero(points):
    for seed in range(100000):
        gudhi.random.set_seed(seed)
        if gudhi.subsampling.choose_n_farthest_points(points=points, nb_points=1)[0] == list(points[0]):
            return seed
    raise RuntimeError("no seed starts at point 0")


def diagrams(points, eps, seed):
    gudhi.random.set_seed(seed)
    tree = gudhi.RipsComplex(points=points, sparse=eps).create_simplex_tree(max_dimension=2)
    tree.compute_persistence(homology_coeff_field=2)
    finite, infinite = [], []
    for dim in (0, 1):
        bars = tree.persistence_intervals_in_dimension(dim).tolist()
        finite.append(sorted([float(b), float(d)] for b, d in bars if not math.isinf(d)))
        infinite.append(sum(1 for _, d in bars if math.isinf(d)))
    return finite, infinite


def case(name, points, eps):
    seed = seed_starting_at_zero(points)
    finite, infinite = diagrams(points, eps, seed)
    again, _ = diagrams(points, eps, seed)
    assert finite == again, "the seed did not make gudhi deterministic"
    return {"name": name, "epsilon": eps, "seed": seed, "points": [[float(v) for v in row] for row in points],
            "diagrams": finite, "infinite": infinite}


def main():
    rng = np.random.default_rng(20261205)
    t = rng.uniform(0, 2 * np.pi, 150)
    circle = np.c_[np.cos(t), np.sin(t)] + 0.1 * rng.normal(size=(150, 2))
    cloud = rng.normal(size=(200, 3))
    cases = [case(f"{label}, eps {eps}", points, eps)
             for label, points in [("noisy circle, 150 points in R^2", circle), ("gaussian, 200 points in R^3", cloud)]
             for eps in (0.3, 0.5)]
    with open(OUT, "w") as f:
        json.dump({"source": SOURCE, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
