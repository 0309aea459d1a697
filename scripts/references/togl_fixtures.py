#!/usr/bin/env python3
"""Golden fixtures for the graph layers (gcn, togl, readout): a small PyTorch re-implementation.

Run with the torch venv:  /work/.venv-torch/bin/python scripts/references/togl_fixtures.py
Writes Tests/TDAKitTests/Fixtures/togl/networks.json: per case an architecture string in
tda-tools' syntax, a few graph records, every parameter (tda-tools names), and PyTorch's logits,
cross-entropy loss and parameter gradients for one batch. Deterministic (fixed seeds); float32
values are written as the exact doubles they equal.

The persistence pairing is TOGL's (union-find, elder rule, values gathered at vertex indices,
so autograd differentiates through the gather), with tda-tools' documented tie rules.
"""
import json
import os

import numpy as np
import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "TDAKitTests", "Fixtures", "togl")
PER_KIND = 3


def graphs(seed, count, features):
    """Small random graphs with cycles, trees and an isolated vertex; features N(0, 1)."""
    rng = np.random.default_rng(seed)
    out = []
    for g in range(count):
        n = int(rng.integers(5, 10))
        links = [(i, i + 1) for i in range(n - 1)]          # a path
        for _ in range(int(rng.integers(0, 4))):            # chords close cycles
            a, b = sorted(rng.choice(n, 2, replace=False).tolist())
            if b - a > 1 and (a, b) not in links:
                links.append((a, b))
        if g == 1:                                          # an isolated last vertex
            links = [(a, b) for a, b in links if b != n - 1]
        x = rng.normal(size=(n, features)).astype(np.float32)
        out.append({"type": "graph", "id": f"g{g}", "nodes": n, "links": sorted(links),
                    "x": x.astype(np.float64).tolist(), "y": int(rng.integers(0, 2))})
    return out


def pairing(n, edges, f):
    """tda-tools' VertexPairing: death vertex of each vertex, cycle (birth, death) vertices."""
    order = sorted(range(n), key=lambda v: (f[v], v))
    rank = {v: r for r, v in enumerate(order)}
    high = [a if f[a] > f[b] else b for a, b in edges]
    entering = sorted(range(len(edges)), key=lambda e: (f[high[e]], e))
    last = high[entering[-1]] if entering else None
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    death, cycles = list(range(n)), []
    for e in entering:
        a, b = edges[e]
        ra, rb = find(rank[a]), find(rank[b])
        if ra == rb:
            cycles.append((high[e], None))
        else:
            death[order[max(ra, rb)]] = high[e]
            parent[max(ra, rb)] = min(ra, rb)
    if last is not None:
        for r in range(n):
            if find(r) == r:
                death[order[r]] = last
    return death, [(b, last) for b, _ in cycles]


def coordinates(b, d, p):
    """TOGL's 12 coordinate functions of points (b, d) (1-d tensors), parameters p (dict)."""
    t = p["triangle"]
    tri = torch.relu(d[:, None] - torch.abs(t[None, :] - b[:, None]))
    c = p["gaussian"]
    gau = torch.exp(-((b[:, None] - c) ** 2 + (d[:, None] - c) ** 2) / (2 * p["sigma"] ** 2))
    lin = torch.stack([b, d], 1) @ p["line.weight"].T + p["line.bias"]
    s = torch.abs(b[:, None] - p["hat.center"][None, :, 0]) + torch.abs(d[:, None] - p["hat.center"][None, :, 1])
    hat = 1 / (1 + s) - 1 / (1 + torch.abs(torch.abs(p["hat.radius"]) - s))
    return torch.cat([tri, gau, lin, hat], 1)


COORD_SHAPES = [("triangle", [3]), ("gaussian", [3]), ("sigma", [1]), ("line.weight", [3, 2]), ("line.bias", [3]),
                ("hat.center", [3, 2]), ("hat.radius", [1])]


def run(arch, records, seed):
    torch.manual_seed(seed)
    xs = [torch.tensor(r["x"], dtype=torch.float32) for r in records]
    edges = [[tuple(l) for l in r["links"]] for r in records]
    ns = [r["nodes"] for r in records]
    params, names = {}, []
    counts = {}

    def param(name, shape, scale=0.5, offset=0.0):
        t = (torch.randn(*shape) * scale + offset).requires_grad_()
        params[name] = t
        names.append(name)
        return t

    h = torch.cat(xs, 0)
    offsets = np.cumsum([0] + ns)
    width = h.shape[1]
    pooled = []
    out = None
    for token in arch.split(","):
        parts = token.split(":")
        kind = parts[0]
        counts[kind] = counts.get(kind, 0) + 1
        name = f"{kind}{counts[kind]}"
        if kind == "gcn":
            units = int(parts[1])
            w, b = param(f"{name}.weight", [units, width]), param(f"{name}.bias", [units])
            z = h @ w.T
            rows = []
            for g, n in enumerate(ns):
                a = torch.eye(n)
                for u, v in edges[g]:
                    a[u, v] = a[v, u] = 1
                dinv = a.sum(1) ** -0.5
                rows.append((dinv[:, None] * a * dinv[None, :]) @ z[offsets[g]:offsets[g + 1]])
            h = torch.cat(rows, 0) + b
            width = units
        elif kind in ("relu", "tanh"):
            act = torch.relu if kind == "relu" else torch.tanh
            if h is None:
                out = act(out)
            else:
                h = act(h)
        elif kind == "togl":
            k = int(parts[1])
            opts = dict(p.split("=") for p in parts[2:] if "=" in p)
            static = "static" in parts[2:]
            hidden = int(opts.get("hidden", 32))
            cycles = opts.get("dim1", "cycles") != "none" and not static
            w1, b1 = param(f"{name}.filtration1.weight", [hidden, width]), param(f"{name}.filtration1.bias", [hidden])
            w2, b2 = param(f"{name}.filtration2.weight", [k, hidden]), param(f"{name}.filtration2.bias", [k])
            wo, bo = param(f"{name}.out0.weight", [width, 12 * k], 0.3), param(f"{name}.out0.bias", [width], 0.3)
            sets = []
            for s in (["coords0"] + (["coords1"] if cycles else [])):
                sets.append({key: param(f"{name}.{s}.{key}", shape, 0.5, 1.0 if key == "sigma" else 0.0) for key, shape in COORD_SHAPES})
            f = torch.relu(h @ w1.T + b1) @ w2.T + b2
            fv = f.detach().numpy().astype(np.float64)
            psi_rows, pool_rows = [], []
            for g, n in enumerate(ns):
                base = offsets[g]
                blocks, pools = [], []
                for j in range(k):
                    death, cyc = pairing(n, edges[g], fv[base:base + n, j])
                    if static:
                        death = list(range(n))
                    fj = f[base:base + n, j]
                    blocks.append(coordinates(fj, fj[torch.tensor(death)], sets[0]))
                    if cycles:
                        if cyc:
                            bi = torch.tensor([c[0] for c in cyc]); di = torch.tensor([c[1] for c in cyc])
                            pools.append(coordinates(fj[bi], fj[di], sets[1]).sum(0))
                        else:
                            pools.append(torch.zeros(12))
                psi_rows.append(torch.cat(blocks, 1))
                if cycles:
                    pool_rows.append(torch.cat(pools, 0))
            psi = torch.cat(psi_rows, 0)
            h = h + psi @ wo.T + bo
            if cycles:
                pooled.append(torch.stack(pool_rows, 0))
        elif kind == "readout":
            how = parts[1]
            parts_g = []
            for g in range(len(ns)):
                block = h[offsets[g]:offsets[g + 1]]
                parts_g.append({"sum": block.sum(0), "mean": block.mean(0), "max": block.max(0).values}[how])
            out = torch.cat([torch.stack(parts_g, 0)] + pooled, 1)
            pooled = []
            h = None
        elif kind == "dense" and h is not None:                  # node-wise, before a readout
            units = int(parts[1])
            w, b = param(f"{name}.weight", [units, width]), param(f"{name}.bias", [units])
            h = h @ w.T + b
            width = units
        elif kind == "dense":
            units = int(parts[1])
            w, b = param(f"{name}.weight", [units, out.shape[1]]), param(f"{name}.bias", [units])
            out = out @ w.T + b
        else:
            raise ValueError(token)
    labels = torch.tensor([r["y"] for r in records])
    loss = torch.nn.functional.cross_entropy(out, labels)
    loss.backward()
    as_list = lambda t: t.detach().to(torch.float64).reshape(-1).tolist()
    return {
        "architecture": arch, "graphs": records,
        "parameters": {n: as_list(params[n]) for n in names},
        "logits": as_list(out), "loss": float(loss.item()),
        "gradients": {n: as_list(params[n].grad) for n in names},
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    cases = [
        run("gcn:6,relu,togl:3:hidden=5,gcn:4,tanh,readout:sum,dense:2", graphs(1, 4, 3), 11),
        run("togl:2:hidden=4:dim1=none,readout:max,dense:2", graphs(2, 3, 2), 12),
        run("togl:2:hidden=4:static,readout:mean,dense:2", graphs(3, 3, 2), 13),
        run("gcn:5,togl:4:hidden=6,readout:mean,dense:3,relu,dense:2", graphs(4, 5, 3), 14),
        run("dense:6,tanh,togl:3:hidden=4,readout:sum,dense:2", graphs(5, 4, 3), 15),
    ]
    with open(os.path.join(OUT, "networks.json"), "w") as fh:
        json.dump({"source": f"scripts/references/togl_fixtures.py; torch {torch.__version__}", "cases": cases}, fh)


if __name__ == "__main__":
    main()
