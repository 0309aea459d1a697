#!/usr/bin/env python3
"""The peer side of bench/mapper.sh: KeplerMapper + scikit-learn DBSCAN on an .npy cloud.

    mapper_kmapper.py IN.npy INTERVALS OVERLAP EPS MIN_SAMPLES [GRAPH.json]
Lens: l2norm of each row (no scaling, as `mapper --lens l2norm`). Prints nodes and links, and
writes {"nodes": {id: members}, "links": [[a, b]]} to GRAPH.json when given.
"""
import json
import sys

import kmapper
import numpy as np
from sklearn.cluster import DBSCAN

x = np.load(sys.argv[1])
n_cubes, overlap, eps, min_samples = int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
lens = np.linalg.norm(x, axis=1, keepdims=True)
graph = kmapper.KeplerMapper(verbose=0).map(
    lens, x, clusterer=DBSCAN(eps=eps, min_samples=min_samples),
    cover=kmapper.Cover(n_cubes=n_cubes, perc_overlap=overlap))
links = sum(len(v) for v in graph["links"].values())
print(f"kmapper: {len(graph['nodes'])} nodes, {links} links")
if len(sys.argv) > 6:
    with open(sys.argv[6], "w") as f:
        json.dump({"nodes": graph["nodes"], "links": [[a, b] for a in graph["links"] for b in graph["links"][a]]}, f)
