#!/usr/bin/env python3
"""Golden fixture for the learnable PersLay layer: the expected arrays of gudhi's own tests.

Usage:  python3 scripts/references/perslay_fixtures.py GUDHI_CHECKOUT [COMMIT]
Reads src/python/test/test_perslay.py of a gudhi-devel checkout (read as data with `ast`, not
run: it needs TensorFlow), takes the expected array of each test (Gaussian φ, tent φ with top3,
flat φ, Gaussian-mixture weight; the grid-weight test draws a random grid and is left out),
checks each against a numpy re-implementation of gudhi's formulas (tensorflow/perslay.py)
on the test's diagram, and writes Tests/TDAKitTests/Fixtures/network/perslay_gudhi.json.
TensorFlow was not installed for this: the check is numpy against gudhi's float32 arrays.
"""
import ast
import json
import os
import subprocess
import sys

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "TDAKitTests", "Fixtures", "network", "perslay_gudhi.json")
TESTS = {"test_gaussian_perslay": "gaussian", "test_tent_perslay": "tent", "test_flat_perslay": "flat", "test_gmix_weight": "gmix"}


def expected_arrays(source):
    """The np.array literal of each test function, flattened."""
    arrays = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and node.name in TESTS:
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "array" and call.args \
                        and isinstance(call.args[0], ast.List) and isinstance(call.args[0].elts[0], ast.List):
                    arrays[TESTS[node.name]] = np.array(ast.literal_eval(call.args[0])).ravel().tolist()
    return arrays


def numpy_perslay():
    """gudhi's formulas on D = {(0,4),(1,2),(3,8),(6,8)} scaled jointly to [0, 1] (D/8)."""
    d = np.array([[0.0, 4.0], [1.0, 2.0], [3.0, 8.0], [6.0, 8.0]]) / 8
    b, e = d[:, :1], d[:, 1:]
    grid = -0.5 + np.arange(5) * 0.4
    xs, ys = np.meshgrid(grid, grid)
    s = 0.1
    gauss = np.exp(-((b[:, :, None] - xs) ** 2 + ((e - b)[:, :, None] - ys) ** 2) / (2 * s * s)) / (2 * np.pi * s * s)
    t = np.array(np.arange(-1.0, 2.0, 0.1), dtype=np.float32).astype(np.float64)
    tent = np.maximum(0.5 * (e - b) - np.abs(t - 0.5 * (e + b)), 0)
    flat = 1 / (1 + np.exp(-100 * (0.5 * (e - b) - np.abs(t - 0.5 * (e + b)))))
    w = np.exp(-((b - 0.5) ** 2 / 25 + (e - 0.5) ** 2 / 25))
    return {"gaussian": gauss.sum(0).ravel(), "tent": -np.sort(-tent, axis=0)[:3].T.ravel(),
            "flat": flat.sum(0), "gmix": (w * flat).sum(0)}


def main():
    checkout = sys.argv[1]
    source = open(os.path.join(checkout, "src/python/test/test_perslay.py")).read()
    commit = sys.argv[2] if len(sys.argv) > 2 else subprocess.run(["git", "-C", checkout, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    arrays = expected_arrays(source)
    for name, values in numpy_perslay().items():
        error = np.max(np.abs(np.array(arrays[name]) - values) / np.maximum(1, np.abs(values)))
        print(f"{name}: numpy vs gudhi max relative error {error:.2e}")
    out = {"source": f"gudhi-devel {commit or 'checkout'} src/python/test/test_perslay.py, via scripts/references/perslay_fixtures.py; numpy {np.__version__}",
           "diagram": [[0.0, 4.0], [1.0, 2.0], [3.0, 8.0], [6.0, 8.0]],
           "samples": np.array(np.arange(-1.0, 2.0, 0.1), dtype=np.float32).astype(np.float64).tolist(), **arrays}
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
