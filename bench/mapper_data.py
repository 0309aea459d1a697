#!/usr/bin/env python3
"""Benchmark input for bench/mapper.sh: a ReLU-like activation cloud with class labels.

    mapper_data.py N DIM OUT.npy   (labels go to OUT.labels.npy; seed fixed)
Points are ReLU(class centre + noise) through a fixed random mixing matrix, 10 classes, as
post-ReLU activations of a layer look.
"""
import sys

import numpy as np

n, dim, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = np.random.default_rng(2026)
labels = rng.integers(0, 10, size=n)
centres = rng.normal(0, 1.5, size=(10, dim))
mix = rng.normal(0, 1 / np.sqrt(dim), size=(dim, dim))
x = np.maximum((centres[labels] + rng.normal(0, 1.0, size=(n, dim))) @ mix, 0)
np.save(out, x)
np.save(out.replace(".npy", ".labels.npy"), labels)
