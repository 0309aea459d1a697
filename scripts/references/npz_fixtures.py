"""Golden fixture for the .npz reader: an archive written by numpy's own np.savez (zip64
local headers, as numpy always writes them), with a float32 cloud, its int64 labels and a
float64 table. The test reads it and compares with the values below.

Run: /work/.venv-peers/bin/python scripts/references/npz_fixtures.py
"""
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[2] / "Tests/TDAKitTests/Fixtures/records/savez.npz"

np.savez(OUT, **{
    "m/dense1/s0": np.array([[0.5, -1.25, 3.0], [0.1, 0.0, 2.5]], dtype=np.float32),
    "m/dense1/s0.labels": np.array([4, 7], dtype=np.int64),
    "table": np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]),
})
print(f"wrote {OUT} with numpy {np.__version__}")
