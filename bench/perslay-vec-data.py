"""Writes the perslay-vec benchmark input: N diagram records whose H1 has P points
(births uniform in [0, 1), lifetimes exponential with mean 0.3), H0 empty. Seeded.

usage: perslay-vec-data.py N P > diagrams.jsonl
"""
import json
import sys

import numpy as np

n, p = int(sys.argv[1]), int(sys.argv[2])
rs = np.random.RandomState(0)
out = sys.stdout
for i in range(n):
    b = rs.uniform(0, 1, p)
    d = b + rs.exponential(0.3, p)
    pts = np.column_stack([b, d]).tolist()
    out.write(json.dumps({"type": "diagram", "id": f"d{i}", "diagrams": [[], pts],
                          "meta": {"model": f"m{i // 10}", "gap": float(i % 17) / 100}}) + "\n")
