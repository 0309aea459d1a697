#!/usr/bin/env python3
"""Golden fixture for ph-rips --n-perm: ripser.py's greedy (farthest-point) subsampling.

Run:  python3 -m venv /tmp/venv-np && /tmp/venv-np/bin/pip install ripser numpy
      /tmp/venv-np/bin/python scripts/references/nperm_fixtures.py
Writes Tests/TDAKitTests/Fixtures/homology/nperm.json (deterministic seed).

Each case is ripser.ripser(points, maxdim=1, n_perm=N) on a point cloud (euclidean), so ripser.py
computes the distances itself (scikit-learn's pairwise_distances, float64) both for the greedy
order and for the subsample's matrix, which its C++ core rounds to float32. Stored: the points,
N, and ripser.py's idx_perm, r_cover and dgms.
"""
import json
import math
import os
import sys

import numpy as np
import ripser

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "TDAKitTests", "Fixtures", "homology", "nperm.json")
SOURCE = (f"scripts/references/nperm_fixtures.py; ripser {ripser.__version__}, numpy {np.__version__}, "
          f"python {sys.version.split()[0]}")


def case(name, points, n_perm):
    result = ripser.ripser(points, maxdim=1, n_perm=n_perm)
    diagrams = [[[float(b), None if math.isinf(d) else float(d)] for b, d in dgm.tolist()] for dgm in result["dgms"]]
    return {"name": name, "n_perm": n_perm, "points": [[float(v) for v in row] for row in points],
            "idx_perm": [int(i) for i in result["idx_perm"]], "r_cover": float(result["r_cover"]),
            "diagrams": diagrams}


def main():
    rng = np.random.default_rng(20260310)
    t = rng.uniform(0, 2 * np.pi, 200)
    circle = np.c_[np.cos(t), np.sin(t)] + 0.1 * rng.normal(size=(200, 2))
    cube = rng.uniform(size=(300, 3))
    cases = [
        case("noisy circle, 200 points in R^2, n_perm 50", circle, 50),
        case("uniform cube, 300 points in R^3, n_perm 80", cube, 80),
        case("noisy circle, n_perm = n: no subsampling", circle[:60], 60),
    ]
    with open(OUT, "w") as f:
        json.dump({"source": SOURCE, "cases": cases}, f, separators=(",", ":"))
    print(f"{OUT}: {len(cases)} cases, {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main()
