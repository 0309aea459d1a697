#!/usr/bin/env python3
"""PyTorch + numpy reference for the nn-activations benchmark: forward 2000 inputs through an
MLP 64-512-512-512-10, take the post-ReLU activations of the hidden layers and the logits, and
draw 5 importance samples of 200 neurons per layer exactly as Ballester et al.'s code does
(argmax |activation| per input, Counter, wins/(N+1), never-winners share 1/(N+1),
np.random.choice without replacement). Times everything after imports.

usage: nn-activations-torch.py THREADS [--write]
With --write the clouds are also written as JSON Lines to /dev/null (json.dumps), which is what
feeding them to a PH tool would need; nn-activations always writes its records.
"""
import json
import sys
import time
from collections import Counter

import numpy as np
import torch
from torch import nn


def sample(activations, neurons, draws, rng):
    """activations: neurons × inputs, as in the paper's code."""
    winners = Counter(np.argmax(np.abs(activations), axis=0).tolist())
    total, inputs = activations.shape
    losers = total - len(winners)
    p = np.array([winners[i] / (inputs + 1) if i in winners else 1 / (losers * (inputs + 1)) for i in range(total)])
    if losers == 0:  # every neuron won: the paper's code fails here; tda-tools uses wins/inputs
        p = p / p.sum()
    return [np.take(activations, rng.choice(total, size=neurons, replace=False, p=p), 0) for _ in range(draws)]


def main():
    torch.set_num_threads(int(sys.argv[1]))
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(64, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))
    x = torch.randn(2000, 64)
    rng = np.random.default_rng(0)
    start = time.perf_counter()
    with torch.no_grad():
        outputs, h = [], x
        for layer in model:
            h = layer(h)
            if not isinstance(layer, nn.Linear) or layer is model[-1]:
                outputs.append(h.numpy().T.copy())
    clouds = [c for a in outputs for c in sample(a, min(200, a.shape[0]), 5, rng)]
    if "--write" in sys.argv:
        with open("/dev/null", "w") as sink:
            for k, c in enumerate(clouds):
                sink.write(json.dumps({"type": "cloud", "id": f"m/{k}", "points": c.astype(float).tolist()}) + "\n")
    seconds = time.perf_counter() - start
    print(json.dumps({"clouds": len(clouds), "seconds": seconds}))


if __name__ == "__main__":
    main()
