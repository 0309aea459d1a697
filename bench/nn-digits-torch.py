#!/usr/bin/env python3
"""PyTorch side of bench/nn-digits.sh: train the same recipe as nn-train on the same split.

usage: nn-digits-torch.py SPLIT.csv SEED EPOCHS HIDDEN
SPLIT.csv is `nn-train data --dataset digits --format csv` (split, x0..x63, y). The recipe is
nn-train's defaults: Linear(64,HIDDEN)-ReLU-Linear(HIDDEN,10), PyTorch's default init, Adam
lr 1e-3, batch 32, cross-entropy, a reshuffle each epoch. Prints the test accuracy.
"""
import sys

import numpy as np
import torch
from torch import nn


def main():
    path, seed, epochs, hidden = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    torch.manual_seed(seed)
    torch.set_num_threads(1)
    rows = np.genfromtxt(path, delimiter=",", skip_header=1, dtype=str)
    train, test = rows[rows[:, 0] == "train"], rows[rows[:, 0] == "test"]
    def tensors(part):
        return torch.tensor(part[:, 1:-1].astype(np.float32)), torch.tensor(part[:, -1].astype(np.int64))
    (x, y), (tx, ty) = tensors(train), tensors(test)
    model = nn.Sequential(nn.Linear(64, hidden), nn.ReLU(), nn.Linear(hidden, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss = nn.CrossEntropyLoss()
    for _ in range(epochs):
        order = torch.randperm(len(y))
        for i in range(0, len(y), 32):
            idx = order[i:i + 32]
            opt.zero_grad()
            loss(model(x[idx]), y[idx]).backward()
            opt.step()
    with torch.no_grad():
        print(float((model(tx).argmax(1) == ty).float().mean()))


if __name__ == "__main__":
    main()
