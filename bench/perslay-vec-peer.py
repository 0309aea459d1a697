"""The Python side of bench/perslay-vec.sh, doing what one perslay-vec command does, whole process:
read diagram records (json), vectorize H1 with numpy / gudhi.representations, write the same vector
records as perslay-vec (id, values, names, meta).

usage: perslay-vec-peer.py stats|landscape|image|sliced < diagrams.jsonl > out.jsonl
"""
import json
import sys

import numpy as np


def read():
    ids, metas, diagrams = [], [], []
    for line in sys.stdin:
        r = json.loads(line)
        ids.append(r["id"])
        metas.append(r.get("meta", {}))
        diagrams.append(np.array(r["diagrams"][1], dtype=float).reshape(-1, 2))
    return ids, metas, diagrams


def main():
    kind = sys.argv[1]
    ids, metas, diagrams = read()
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
        base = ["sd_birth", "sd_death", "mean_birth", "mean_death"]
        names = [f"stats.H1.{n}" for n in base] + [f"stats.H1.square_{n}" for n in base]
    else:
        import gudhi.representations as rep
        t = rep.Landscape(5, 100, [0, 2]) if kind == "landscape" else rep.PersistenceImage(0.05, resolution=[20, 20],
                                                                                            im_range=[0, 1, 0, 2])
        values = t.fit_transform(diagrams)
        if kind == "landscape":
            names = [f"landscape.H1.l{k}_x{j}" for k in range(1, 6) for j in range(100)]
        else:
            names = [f"image.H1.p{j}_{i}" for j in range(20) for i in range(20)]
    for i, meta, v in zip(ids, metas, values):
        sys.stdout.write(json.dumps({"type": "vector", "id": i, "values": v.tolist(), "names": names, "meta": meta}) + "\n")


main()
