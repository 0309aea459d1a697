#!/usr/bin/env python3
"""PyTorch + numpy reference for the nn-activations benchmark: load the same MLP
64-512-512-512-10 (its safetensors export) and the same 2000 probe inputs (CSV from
`nn-train data`), forward them, take the post-ReLU activations of the hidden layers and the
logits, and draw 5 importance samples of 200 neurons per layer exactly as Ballester et al.'s
code does (argmax |activation| per input, Counter, wins/(N+1), never-winners share 1/(N+1),
np.random.choice without replacement). Times everything after the imports (Python and torch
start-up, about a second, are not counted; nn-activations is timed as a whole process).

usage: nn-activations-torch.py WEIGHTS.safetensors PROBE.csv THREADS [--write json|npz] [--repeat N]
With --repeat N the job runs N times in the same process, as a loop over a zoo of N models would,
and the totals are printed (with the first run's wall time: later runs find torch warmed up).
With --write json the clouds are also written as JSON Lines to /dev/null (json.dumps), which is
what feeding them to a PH tool needs; with --write npz they go to one np.savez archive in /dev/null
(each cloud as float32 and its neuron indices, as `nn-activations --output-format npz`).
"""
import json
import sys
import time
from collections import Counter

import numpy as np
import torch
from safetensors.torch import load_file
from torch import nn


def sample(activations, neurons, draws, rng):
    """activations: neurons × inputs, as in the paper's code."""
    winners = Counter(np.argmax(np.abs(activations), axis=0).tolist())
    total, inputs = activations.shape
    losers = total - len(winners)
    p = np.array([winners[i] / (inputs + 1) if i in winners else 1 / (losers * (inputs + 1)) for i in range(total)])
    if losers == 0:  # every neuron won: the paper's code fails here; tda-tools uses wins/inputs
        p = p / p.sum()
    chosen = [np.sort(rng.choice(total, size=neurons, replace=False, p=p)) for _ in range(draws)]
    return [(c, np.take(activations, c, 0)) for c in chosen]


def run(weights, probe, write):
    """One whole job; returns the number of clouds."""
    rng = np.random.default_rng(0)
    model = nn.Sequential(nn.Linear(64, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))
    model.load_state_dict(load_file(weights))
    rows = np.loadtxt(probe, delimiter=",", skiprows=1, usecols=range(1, 65), dtype=np.float32, max_rows=2000)
    x = torch.from_numpy(rows)
    with torch.no_grad():
        outputs, h = [], x
        for layer in model:
            h = layer(h)
            if not isinstance(layer, nn.Linear) or layer is model[-1]:
                outputs.append(h.numpy().T.copy())
    clouds = [c for a in outputs for c in sample(a, min(200, a.shape[0]), 5, rng)]
    if write == "json":
        with open("/dev/null", "w") as sink:
            for k, (_, c) in enumerate(clouds):
                sink.write(json.dumps({"type": "cloud", "id": f"m/{k}", "points": c.astype(float).tolist()}) + "\n")
    elif write == "npz":
        arrays = {}
        for k, (neurons, c) in enumerate(clouds):
            arrays[f"m/{k}"], arrays[f"m/{k}.neurons"] = c, neurons
        np.savez("/dev/null", **arrays)
    return len(clouds)


def main():
    weights, probe, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
    write = sys.argv[sys.argv.index("--write") + 1] if "--write" in sys.argv else None
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 1
    torch.set_num_threads(threads)
    times = []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        clouds = run(weights, probe, write)
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    seconds, cpu = (sum(t[i] for t in times) for i in (0, 1))
    print(json.dumps({"clouds": clouds * repeat, "seconds": seconds, "cpu": cpu, "first": times[0][0]}))


if __name__ == "__main__":
    main()
