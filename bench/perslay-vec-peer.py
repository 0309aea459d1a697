"""The Python side of bench/perslay-vec.sh, doing what one perslay-vec command does, whole process:
read diagram records (json), vectorize H1 with numpy / gudhi.representations, write vector records.

usage: perslay-vec-peer.py stats|landscape|image|sliced < diagrams.jsonl > out.jsonl
"""
import json
import sys

import numpy as np


def read():
    ids, diagrams = [], []
    for line in sys.stdin:
        r = json.loads(line)
        ids.append(r["id"])
        diagrams.append(np.array(r["diagrams"][1], dtype=float).reshape(-1, 2))
    return ids, diagrams


def main():
    kind = sys.argv[1]
    ids, diagrams = read()
    if kind == "sliced":
        from gudhi.representations.metrics import pairwise_persistence_diagram_distances
        m = pairwise_persistence_diagram_distances(diagrams, metric="sliced_wasserstein", num_directions=10)
        sys.stdout.write(json.dumps({"type": "distance", "matrix": m.tolist(), "names": ids}) + "\n")
        return
    if kind == "stats":
        rows = []
        for d in diagrams:
            v = [np.std(d[:, 0]), np.std(d[:, 1]), np.mean(d[:, 0]), np.mean(d[:, 1])]
            rows.append(v + [x * x for x in v])
        values = np.array(rows)
    else:
        import gudhi.representations as rep
        t = rep.Landscape(5, 100, [0, 2]) if kind == "landscape" else rep.PersistenceImage(0.05, resolution=[20, 20],
                                                                                            im_range=[0, 1, 0, 2])
        values = t.fit_transform(diagrams)
    for i, v in zip(ids, values):
        sys.stdout.write(json.dumps({"type": "vector", "id": i, "values": v.tolist()}) + "\n")


main()
