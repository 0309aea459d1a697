#!/usr/bin/env python3
"""Bench inputs for bench/ph-rips.sh, written as .npy (deterministic seeds).

  ph-rips-data.py uniform N D FILE      N points uniform in [0,1]^D
  ph-rips-data.py torus N FILE          N points on a torus (R=2, r=1) in R^3, noise 0.05
  ph-rips-data.py circle-blob N FILE    N points in R^3: two thirds on the unit circle of the xy-plane
                                        with Gaussian noise 0.1, one third a Gaussian blob (sd 0.25)
                                        centred at (3, 0, 0)
  ph-rips-data.py activations N C FILE  N "neurons" x C inputs, tuned like a trained layer: each
                                        neuron has a preferred direction in a 2-d input space and
                                        fires ReLU(gain * <input, direction>) plus small noise, so
                                        correlations vary smoothly over the neurons (structured, as
                                        trained networks; BENCHMARKS.md: unstructured random data
                                        makes Rips H1 explode for every implementation)
  ph-rips-data.py ripser NAME FILE      one of Ripser's example files (github.com/Ripser/ripser,
                                        examples/NAME at commit 01add51), from $RIPSER_EXAMPLES
                                        if set, else downloaded: a *.lower_distance_matrix becomes
                                        a square distance matrix, a *.txt a point cloud
"""
import os
import sys
import urllib.request

import numpy as np

rng = np.random.default_rng(20261126)
kind = sys.argv[1]
if kind == "uniform":
    n, d, out = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    x = rng.uniform(size=(n, d))
elif kind == "torus":
    n, out = int(sys.argv[2]), sys.argv[3]
    u, v = rng.uniform(0, 2 * np.pi, (2, n))
    x = np.c_[(2 + np.cos(v)) * np.cos(u), (2 + np.cos(v)) * np.sin(u), np.sin(v)] + 0.05 * rng.normal(size=(n, 3))
elif kind == "circle-blob":
    n, out = int(sys.argv[2]), sys.argv[3]
    k = 2 * n // 3
    t = rng.uniform(0, 2 * np.pi, k)
    circle = np.c_[np.cos(t), np.sin(t), np.zeros(k)] + 0.1 * rng.normal(size=(k, 3))
    blob = np.array([3.0, 0, 0]) + 0.25 * rng.normal(size=(n - k, 3))
    x = np.r_[circle, blob]
elif kind == "activations":
    n, c, out = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    inputs = rng.normal(size=(c, 2))
    directions = rng.normal(size=(n, 2))
    directions /= np.linalg.norm(directions, axis=1, keepdims=True)
    gains = rng.uniform(0.5, 2.0, size=(n, 1))
    x = np.maximum(gains * (directions @ inputs.T) + 0.1 * rng.normal(size=(n, c)), 0)
elif kind == "ripser":
    name, out = sys.argv[2], sys.argv[3]
    local = os.path.join(os.environ.get("RIPSER_EXAMPLES", ""), name)
    if os.environ.get("RIPSER_EXAMPLES") and os.path.exists(local):
        text = open(local).read()
    else:
        url = f"https://raw.githubusercontent.com/Ripser/ripser/01add51/examples/{name}"
        text = urllib.request.urlopen(url, timeout=60).read().decode()
    if name.endswith(".lower_distance_matrix"):
        rows = [[float(v) for v in line.replace(",", " ").split()] for line in text.rstrip().split("\n")]
        if rows[0]:  # row 0 (no entries) may be left out
            rows.insert(0, [])
        x = np.zeros((len(rows), len(rows)))
        for i, r in enumerate(rows):
            x[i, :i] = r
        x = x + x.T
    else:
        x = np.loadtxt(text.splitlines())
else:
    sys.exit(f"unknown kind {kind}")
np.save(out, x)
