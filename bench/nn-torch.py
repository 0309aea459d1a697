#!/usr/bin/env python3
"""PyTorch CPU training throughput for the nn-train benchmark (samples/s), same shapes as
bench/nn-train.sh: random data, SGD with momentum 0.9, cross-entropy, shuffled mini-batches.

usage: nn-torch.py MODEL THREADS   (MODEL: mlp784, mlp64, cnn16)
Prints one JSON line: {"model", "threads", "samples_per_s", "peak_rss_mb"}.
"""
import json
import resource
import sys
import time

import torch
from torch import nn

MODELS = {
    "mlp784": (lambda: nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 10)), (784,), 128),
    "mlp64": (lambda: nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10)), (64,), 64),
    "cnn16": (lambda: nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3), nn.ReLU(), nn.MaxPool2d(2),
                                    nn.Flatten(), nn.Linear(16 * 2 * 2, 64), nn.ReLU(), nn.Linear(64, 10)), (1, 16, 16), 64),
}


def main():
    name, threads = sys.argv[1], int(sys.argv[2])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    build, shape, batch = MODELS[name]
    model = build()
    n = 6400
    x, y = torch.randn(n, *shape), torch.randint(0, 10, (n,))
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss = nn.CrossEntropyLoss()
    rates = []
    for _ in range(4):
        order = torch.randperm(n)
        start = time.perf_counter()
        for i in range(0, n, batch):
            idx = order[i:i + batch]
            opt.zero_grad()
            loss(model(x[idx]), y[idx]).backward()
            opt.step()
        rates.append(n / (time.perf_counter() - start))
    # Best of the epochs after the first (warm-up), as for nn-train.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"model": name, "threads": threads, "samples_per_s": max(rates[1:]), "peak_rss_mb": round(peak, 1)}))


if __name__ == "__main__":
    main()
