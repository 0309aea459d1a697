#!/usr/bin/env python3
"""Files as the Python stack writes them, for the CLI tests of "files in" (FilesFromPythonTests).

Run with a venv that has ripser, pandas and numpy:
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install ripser pandas numpy
    /tmp/venv/bin/python scripts/references/files_fixtures.py
Writes Tests/TDAKitTests/Fixtures/files/:
- cloud.jsonl: a 40-point cloud record (the points ripser.py saw);
- ripser-dgms.jsonl: ripser.py's diagrams of it dumped by json.dumps (its infinite death is Infinity);
- ripser-dgms.csv: the same diagrams as a pandas DataFrame dim,birth,death (to_csv writes inf);
- pandas-iris.csv: a pandas frame with a header and string class names (to_csv(index=False));
- pandas-index.csv: the cloud's points with pandas' default index column (an empty header name).
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import ripser

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "TDAKitTests", "Fixtures", "files")
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(2026)

angles = rng.uniform(0, 2 * np.pi, 40)
points = np.column_stack([np.cos(angles), np.sin(angles)]) + rng.normal(scale=0.05, size=(40, 2))
with open(os.path.join(OUT, "cloud.jsonl"), "w") as f:
    print(json.dumps({"type": "cloud", "id": "circle", "points": points.tolist()}), file=f)

dgms = ripser.ripser(points, maxdim=1)["dgms"]
with open(os.path.join(OUT, "ripser-dgms.jsonl"), "w") as f:
    print(json.dumps({"type": "diagram", "id": "circle", "diagrams": [d.tolist() for d in dgms],
                      "meta": {"source": f"ripser {ripser.__version__}"}}), file=f)
rows = [(k, b, d) for k, dgm in enumerate(dgms) for b, d in dgm]
pd.DataFrame(rows, columns=["dim", "birth", "death"]).to_csv(os.path.join(OUT, "ripser-dgms.csv"), index=False)

species = np.array(["setosa", "versicolor", "virginica"])
k = rng.integers(0, 3, 90)
features = rng.normal(size=(90, 4)) + 2 * k[:, None]
frame = pd.DataFrame(features.round(3), columns=["sepal_length", "sepal_width", "petal_length", "petal_width"])
frame["species"] = species[k]
frame.to_csv(os.path.join(OUT, "pandas-iris.csv"), index=False)

pd.DataFrame(points, columns=["x", "y"]).to_csv(os.path.join(OUT, "pandas-index.csv"))
print(f"wrote {OUT} with ripser {ripser.__version__}, pandas {pd.__version__}, numpy {np.__version__}, python {sys.version.split()[0]}")
