#!/usr/bin/env python3
"""The peer side of bench/ph-rips.sh: one whole Rips computation on a .npy file.

  ph-rips-peers.py ripser|giotto1|giotto2|gudhi-sparse FILE METRIC MAXDIM [THRESHOLD]

METRIC is euclidean, precomputed (FILE is a distance matrix) or abs-correlation (1 - |Pearson|
between rows, computed with numpy and passed as a precomputed matrix). Prints the bar counts per
dimension. NPERM in the environment: ripser.py's greedy subsampling to that many points;
APPROX: the ε of gudhi's sparse Rips (gudhi-sparse, point clouds only); COLLAPSE=1: giotto-ph's
edge collapse (collapse_edges=True).
"""
import os
import sys

import numpy as np

peer, path, metric, maxdim = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
threshold = float(sys.argv[5]) if len(sys.argv) > 5 else np.inf
x = np.load(path)
if metric == "abs-correlation":
    with np.errstate(invalid="ignore", divide="ignore"):
        c = np.nan_to_num(np.corrcoef(x))
    d = np.maximum(1 - np.abs(c), 0)
    np.fill_diagonal(d, 0)
    data, precomputed = d, True
elif metric == "precomputed":
    data, precomputed = x, True
else:
    data, precomputed = x, False
if peer == "ripser":
    from ripser import ripser
    n_perm = int(os.environ.get("NPERM", "0")) or None
    dgms = ripser(data, maxdim=maxdim, thresh=threshold, distance_matrix=precomputed, n_perm=n_perm)["dgms"]
elif peer == "gudhi-sparse":
    import gudhi
    tree = gudhi.RipsComplex(points=data, max_edge_length=threshold, sparse=float(os.environ["APPROX"]))
    tree = tree.create_simplex_tree(max_dimension=maxdim + 1)
    pairs = tree.persistence(homology_coeff_field=2)
    dgms = [[p for p in pairs if p[0] == k] for k in range(maxdim + 1)]
else:
    from gph import ripser_parallel
    dgms = ripser_parallel(data, maxdim=maxdim, thresh=threshold, metric="precomputed" if precomputed else "euclidean",
                           n_threads=1 if peer == "giotto1" else 2, collapse_edges=os.environ.get("COLLAPSE") == "1")["dgms"]
print(peer, " ".join(str(len(d)) for d in dgms))
