#!/usr/bin/env python3
"""Golden fixtures for the Network area: PyTorch forward passes and optimiser steps.

Run with the torch venv:  /work/.venv-torch/bin/python scripts/references/network_fixtures.py
Writes small JSON and safetensors files to Tests/TDAKitTests/Fixtures/network/. Deterministic (fixed seeds).
Every float32 is written as the exact double it equals, so Swift reads back the same Float.
The architecture strings use tda-tools' syntax; `build` below mirrors the Swift parser.
"""
import json
import os
import sys

import numpy as np
import torch
from safetensors.torch import save_file
from torch import nn

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "TDAKitTests", "Fixtures", "network")
SOURCE = f"scripts/references/network_fixtures.py; torch {torch.__version__}, numpy {np.__version__}"
ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "gelu": nn.GELU, "identity": nn.Identity}


def build(arch, shape):
    """nn.Sequential for a tda-tools architecture string and per-sample input shape."""
    layers = []
    shape = list(shape)
    for token in arch.split(","):
        parts = token.split(":")
        kind = parts[0]
        if kind in ACTIVATIONS:
            layers.append(ACTIVATIONS[kind]())
        elif kind == "dense":
            layers.append(nn.Linear(shape[0], int(parts[1])))
            shape = [int(parts[1])]
        elif kind == "conv":
            filters, kernel = map(int, parts[1].split("x"))
            stride, padding = 1, 0
            for option in parts[2:]:
                if option[0] == "s":
                    stride = int(option[1:])
                else:
                    padding = int(option[1:])
            layers.append(nn.Conv2d(shape[0], filters, kernel, stride=stride, padding=padding))
            side = lambda n: (n + 2 * padding - kernel) // stride + 1
            shape = [filters, side(shape[1]), side(shape[2])]
        elif kind in ("maxpool", "avgpool"):
            size = int(parts[1])
            layers.append(nn.MaxPool2d(size) if kind == "maxpool" else nn.AvgPool2d(size))
            shape = [shape[0], shape[1] // size, shape[2] // size]
        elif kind == "batchnorm":
            layers.append(nn.BatchNorm2d(shape[0]) if len(shape) == 3 else nn.BatchNorm1d(shape[0]))
        elif kind == "flatten":
            layers.append(nn.Flatten())
            shape = [int(np.prod(shape))]
        else:
            sys.exit(f"unknown layer {token}")
    return nn.Sequential(*layers)


def floats(t):
    return [float(v) for v in t.detach().numpy().astype(np.float32).ravel()]


def parameters(model):
    """State-dict tensors in order, minus num_batches_tracked (tda-tools does not keep it)."""
    return [{"name": k, "shape": list(v.shape), "values": floats(v)}
            for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")]


def write(name, payload):
    payload = {"source": SOURCE, **payload}
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(payload, f, separators=(",", ":"))


def forward_fixture(name, arch, shape, inputs, seed, randomize_batchnorm=False, weights_prefix=""):
    torch.manual_seed(seed)
    model = build(arch, shape)
    if randomize_batchnorm:
        for m in model:
            if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
                with torch.no_grad():
                    m.weight.uniform_(0.5, 1.5)
                    m.bias.uniform_(-0.5, 0.5)
                    m.running_mean.uniform_(-0.3, 0.3)
                    m.running_var.uniform_(0.5, 2.0)
    model.eval()
    x = torch.randn(inputs, *shape)
    outputs = []
    h = x
    with torch.no_grad():
        for i, layer in enumerate(model):
            h = layer(h)
            outputs.append({"layer": i, "values": floats(h)})
    payload = {"arch": arch, "input_shape": list(shape), "parameters": parameters(model),
               "inputs": floats(x), "outputs": outputs}
    # The same weights as PyTorch writes them (safetensors, state_dict names, here under an
    # optional prefix as when the Sequential is an attribute of a bigger module).
    save_file({weights_prefix + k: v.contiguous() for k, v in model.state_dict().items()},
              os.path.join(OUT, name.replace(".json", ".safetensors")))
    if len(shape) == 3:
        payload["reductions"] = [reductions(outputs[i], x.shape[0], i, model, x) for i in range(len(model))
                                 if len(layer_output(model, x, i).shape) == 4]
    write(name, payload)


def layer_output(model, x, index):
    with torch.no_grad():
        return model[: index + 1](x)


def reductions(_, inputs, index, model, x):
    """Per-channel mean, max, and the channel vector at the spatial position of largest L2 norm."""
    h = layer_output(model, x, index).numpy()
    flat = h.reshape(h.shape[0], h.shape[1], -1)
    norms = (flat ** 2).sum(axis=1)
    best = norms.argmax(axis=1)
    top = np.stack([flat[s, :, best[s]] for s in range(flat.shape[0])])
    return {"layer": index, "mean": floats(torch.tensor(flat.mean(axis=2))),
            "max": floats(torch.tensor(flat.max(axis=2))), "top-l2": floats(torch.tensor(top))}


def training_fixture(name, arch, shape, classes, optimizer, loss, steps=3, batch=8, seed=0):
    torch.manual_seed(seed)
    model = build(arch, shape)
    initial = parameters(model)
    kind, lr, options = optimizer
    opt = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW}[kind](
        model.parameters(), lr=lr, **options)
    criterion = nn.CrossEntropyLoss() if loss == "cross-entropy" else nn.MSELoss()
    batches, losses = [], []
    model.train()
    for _ in range(steps):
        x = torch.randn(batch, *shape)
        y = torch.randint(0, classes, (batch,))
        out = model(x)
        target = y if loss == "cross-entropy" else nn.functional.one_hot(y, classes).float()
        value = criterion(out, target)
        opt.zero_grad()
        value.backward()
        opt.step()
        batches.append({"x": floats(x), "y": [int(v) for v in y]})
        losses.append(float(value.detach()))
    write(name, {"arch": arch, "input_shape": list(shape), "loss": loss, "optimizer": kind, "lr": lr,
                 "options": {k: float(v) for k, v in options.items()}, "initial": initial, "batches": batches, "losses": losses,
                 "final": parameters(model)})


def main():
    os.makedirs(OUT, exist_ok=True)
    forward_fixture("mlp_forward.json", "dense:16,tanh,dense:12,relu,dense:8,gelu,dense:6,sigmoid,dense:3",
                    [5], inputs=8, seed=1)
    forward_fixture("cnn_forward.json",
                    "conv:4x3:p1,relu,maxpool:2,conv:6x3:s2:p1,batchnorm,gelu,avgpool:3,flatten,dense:10,relu,dense:3",
                    [2, 12, 12], inputs=5, seed=2, randomize_batchnorm=True, weights_prefix="model.")
    mlp = "dense:16,relu,dense:12,tanh,dense:3"
    training_fixture("mlp_sgd.json", mlp, [4], 3, ("sgd", 0.1, {"momentum": 0.9, "nesterov": True, "weight_decay": 1e-3}),
                     "cross-entropy", seed=3)
    training_fixture("mlp_sgd_mse.json", mlp, [4], 3, ("sgd", 0.05, {"momentum": 0.5}), "mse", seed=4)
    training_fixture("mlp_adam.json", mlp, [4], 3, ("adam", 0.01, {"weight_decay": 1e-4}), "cross-entropy", seed=5)
    training_fixture("mlp_adamw.json", mlp, [4], 3, ("adamw", 0.01, {"weight_decay": 0.05}), "cross-entropy", seed=6)
    training_fixture("cnn_sgd.json", "conv:3x3:p1,batchnorm,relu,maxpool:2,conv:4x2:s2,tanh,avgpool:2,flatten,dense:5,batchnorm,sigmoid,dense:3",
                     [1, 8, 8], 3, ("sgd", 0.1, {"momentum": 0.9}), "cross-entropy", seed=7)


if __name__ == "__main__":
    main()
