#!/usr/bin/env python3
"""The peer of bench/togl.sh: the same TOGL network trained in PyTorch on the same graphs.

togl:K (hidden 32, TOGL's cycle points), readout mean, dense 32, relu, dense 2; Adam lr 0.001,
batch 32, a fixed number of epochs (no early stopping, so both sides do the same work). The
layer is the re-implementation of scripts/references/togl_fixtures.py (its pairing and
coordinate functions), with the union-find in Python as TOGL's own persistence extension
(torch_persistent_homology, C++) does not install (TOGL issues #3, #6, #13, #17).
usage: togl-torch.py GRAPHS.jsonl EPOCHS SEED K     prints: seconds test-accuracy
"""
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "scripts", "references"))
from togl_fixtures import COORD_SHAPES, coordinates, pairing  # noqa: E402

torch.set_num_threads(1)


class TOGLNet(torch.nn.Module):
    def __init__(self, features, k=8, hidden=32):
        super().__init__()
        self.k = k
        self.filtration = torch.nn.Sequential(torch.nn.Linear(features, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, k))
        self.out0 = torch.nn.Linear(12 * k, features)
        self.coords = torch.nn.ModuleList()
        for _ in range(2):
            p = torch.nn.ParameterDict({key.replace(".", "_"): torch.nn.Parameter(torch.randn(*shape) * 0.1 + (1 if key == "sigma" else 0))
                                        for key, shape in COORD_SHAPES})
            self.coords.append(p)
        self.head = torch.nn.Sequential(torch.nn.Linear(features + 12 * k, 32), torch.nn.ReLU(), torch.nn.Linear(32, 2))

    def forward(self, graphs):
        outs = []
        for x, edges in graphs:
            f = self.filtration(x)
            fv = f.detach().numpy().astype(np.float64)
            p0 = {key: self.coords[0][key.replace(".", "_")] for key, _ in COORD_SHAPES}
            p1 = {key: self.coords[1][key.replace(".", "_")] for key, _ in COORD_SHAPES}
            blocks, pools = [], []
            for j in range(self.k):
                death, cyc = pairing(len(x), edges, fv[:, j])
                blocks.append(coordinates(f[:, j], f[torch.tensor(death), j], p0))
                if cyc:
                    bi = torch.tensor([c[0] for c in cyc]); di = torch.tensor([c[1] for c in cyc])
                    pools.append(coordinates(f[bi, j], f[di, j], p1).sum(0))
                else:
                    pools.append(torch.zeros(12))
            h = x + self.out0(torch.cat(blocks, 1))
            outs.append(torch.cat([h.mean(0), torch.cat(pools)]))
        return self.head(torch.stack(outs))


def main():
    path, epochs, seed, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    records = [json.loads(line) for line in open(path)]
    data = [(torch.tensor(r["x"], dtype=torch.float32), [tuple(l) for l in r["links"]]) for r in records]
    y = torch.tensor([r["y"] for r in records])
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(data))
    test, train = order[: len(data) // 10], order[len(data) // 10:]
    torch.manual_seed(seed)
    model = TOGLNet(data[0][0].shape[1], k=k)
    opt = torch.optim.Adam(model.parameters(), lr=0.001)
    start = time.perf_counter()
    for _ in range(epochs):
        perm = rng.permutation(train)
        for b in range(0, len(perm), 32):
            idx = perm[b:b + 32]
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(model([data[i] for i in idx]), y[idx])
            loss.backward()
            opt.step()
    seconds = time.perf_counter() - start
    with torch.no_grad():
        acc = (model([data[i] for i in test]).argmax(1) == y[test]).float().mean().item()
    print(f"{seconds:.2f} {acc:.3f}")


if __name__ == "__main__":
    main()
