#!/usr/bin/env python3
"""Writes N numeric `cloud` records (rows x cols random doubles in shortest repr) to stdout."""
import json, random, sys

n, rows, cols = (int(a) for a in sys.argv[1:4])
rng = random.Random(12345)
for i in range(n):
    points = [[rng.gauss(0, 1) for _ in range(cols)] for _ in range(rows)]
    print(json.dumps({"type": "cloud", "id": f"c{i}", "points": points, "meta": {"seed": i}}, separators=(",", ":")))
