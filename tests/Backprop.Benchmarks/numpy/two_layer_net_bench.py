#!/usr/bin/env python3
"""The book's two-layer network (Deep Learning from Scratch, ch05/two_layer_net.py and train_neuralnet.py),
written again for this repository, timed on the work the C# benchmarks time (TwoLayerNetBenchmarks.cs).

Set-up (Debian, as root):  apt-get install -y python3-numpy libopenblas0-pthread
Run from the repository root, in the same sitting as the C# side (these machines are noisy):
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 tests/Backprop.Benchmarks/numpy/two_layer_net_bench.py
    ... --gradient-check     the book's gradient_check.py on three digits instead of timings

Work timed (float64):
  net_step        784-50-10 TwoLayerNet.gradient at batch 100 (forward to the loss, backward to every
                  parameter), the book's code: its first Affine also computes dx, which nothing uses.
  net_step_lean   the same step without that dx (what the C# TwoLayerNet.Gradient does).
  digits_epoch    one epoch of train_neuralnet.py's loop on the 8x8 digits: 13 iterations of a batch of 100
                  (gather, gradient, SGD update with lr 0.1, loss), then accuracy on the training and test sets.
                  Data, weights and batches are fixed without a random generator so that C# uses the same.
Each is timed in ROUNDS rounds of CALLS calls after warm-up calls; the script prints each round's median
and the median and range of the round medians.
"""
import gzip
import os
import statistics
import sys
import time
from collections import OrderedDict

import numpy as np

ROUNDS, CALLS, WARM = 7, 30, 10
REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


# --- the book's functions and layers (common/functions.py, common/layers.py), batch form only ---

def softmax(x):
    x = x - np.max(x, axis=1, keepdims=True)  # per row: no overflow
    return np.exp(x) / np.sum(np.exp(x), axis=1, keepdims=True)


def cross_entropy_error(y, t):
    if t.size == y.size:  # one-hot to labels
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        return dout


class Affine:
    def __init__(self, W, b, need_dx=True):
        self.W, self.b, self.need_dx = W, b, need_dx
        self.x = self.dW = self.db = None

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return np.dot(dout, self.W.T) if self.need_dx else None


class SoftmaxWithLoss:
    def __init__(self):
        self.y = self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        return cross_entropy_error(self.y, self.t)

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        return (self.y - self.t) / batch_size  # one-hot t


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        idx = it.multi_index
        saved = x[idx]
        x[idx] = saved + h
        fxh1 = f(x)
        x[idx] = saved - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = saved
        it.iternext()
    return grad


class TwoLayerNet:
    def __init__(self, W1, b1, W2, b2, first_dx=True):
        self.params = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(W1, b1, need_dx=first_dx)
        self.layers["Relu1"] = Relu()
        self.layers["Affine2"] = Affine(W2, b2)
        self.lastLayer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        return self.lastLayer.forward(self.predict(x), t)

    def accuracy(self, x, t):
        y = np.argmax(self.predict(x), axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return np.sum(y == t) / float(x.shape[0])

    def numerical_gradient(self, x, t):
        loss_W = lambda W: self.loss(x, t)
        return {key: numerical_gradient(loss_W, self.params[key]) for key in ("W1", "b1", "W2", "b2")}

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.lastLayer.backward(1)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        return {"W1": self.layers["Affine1"].dW, "b1": self.layers["Affine1"].db,
                "W2": self.layers["Affine2"].dW, "b2": self.layers["Affine2"].db}


# --- the workloads, mirrored in TwoLayerNetBenchmarks.cs ---

def fixed_weights(rows, columns, phase):
    """0.01·sin(phase + i·columns + j): the same numbers in C#, no random generator involved."""
    i, j = np.meshgrid(np.arange(rows), np.arange(columns), indexing="ij")
    return 0.01 * np.sin(phase + i * columns + j)


def one_hot(labels, classes=10):
    t = np.zeros((labels.size, classes))
    t[np.arange(labels.size), labels] = 1
    return t


def load_digits():
    with gzip.open(os.path.join(REPO, "notebooks", "data", "digits.csv.gz"), "rt") as f:
        data = np.loadtxt(f, delimiter=",")
    return data[:, :64] / 16.0, data[:, 64].astype(int)


DIGITS_TRAIN, BATCH, LR = 1347, 100, 0.1


def digits_epoch_workload():
    x, labels = load_digits()
    x_train, t_train = x[:DIGITS_TRAIN], one_hot(labels[:DIGITS_TRAIN])
    x_test, t_test = x[DIGITS_TRAIN:], one_hot(labels[DIGITS_TRAIN:])
    iter_per_epoch = max(DIGITS_TRAIN // BATCH, 1)
    # Batch k, row n: training image (7919·(k·BATCH + n) + 13) mod DIGITS_TRAIN.
    masks = [(7919 * (k * BATCH + np.arange(BATCH)) + 13) % DIGITS_TRAIN for k in range(iter_per_epoch)]
    network = TwoLayerNet(fixed_weights(64, 50, 1.0), np.zeros(50), fixed_weights(50, 10, 2.0), np.zeros(10))

    def epoch():
        for batch_mask in masks:
            x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
            grad = network.gradient(x_batch, t_batch)
            for key in ("W1", "b1", "W2", "b2"):
                network.params[key] -= LR * grad[key]
            network.loss(x_batch, t_batch)
        return network.accuracy(x_train, t_train), network.accuracy(x_test, t_test)

    return epoch


def net_step_workload(first_dx):
    rng = np.random.RandomState(0)
    x = rng.rand(100, 784)
    t = one_hot(rng.randint(0, 10, 100))
    network = TwoLayerNet(0.01 * rng.randn(784, 50), np.zeros(50), 0.01 * rng.randn(50, 10), np.zeros(10), first_dx)
    return lambda: network.gradient(x, t)


def time_rounds(fn):
    for _ in range(WARM):
        fn()
    medians = []
    for _ in range(ROUNDS):
        ts = []
        for _ in range(CALLS):
            t0 = time.perf_counter()
            fn()
            ts.append(time.perf_counter() - t0)
        medians.append(statistics.median(ts) * 1e3)
    return medians


def gradient_check():
    """The book's gradient_check.py, on three digits and a 64-50-10 net with 0.01·N(0,1) weights."""
    x, labels = load_digits()
    x_batch, t_batch = x[:3], one_hot(labels[:3])
    rng = np.random.RandomState(0)
    network = TwoLayerNet(0.01 * rng.randn(64, 50), np.zeros(50), 0.01 * rng.randn(50, 10), np.zeros(10))
    grad_numerical = network.numerical_gradient(x_batch, t_batch)
    grad_backprop = network.gradient(x_batch, t_batch)
    for key in grad_numerical:
        diff = np.average(np.abs(grad_backprop[key] - grad_numerical[key]))
        print(key + ":" + str(diff))


def main():
    if "--gradient-check" in sys.argv:
        gradient_check()
        return
    blas = sorted({line.split()[-1] for line in open("/proc/self/maps") if "blas" in line.lower()})
    print("numpy", np.__version__, "blas:", ", ".join(blas) or "unknown", "load average:", os.getloadavg())
    for name, fn in (("net_step", net_step_workload(True)), ("net_step_lean", net_step_workload(False)),
                     ("digits_epoch", digits_epoch_workload())):
        medians = time_rounds(fn)
        print(f"{name:14s} median {statistics.median(medians):7.3f} ms  range {min(medians):7.3f}..{max(medians):7.3f} ms"
              f"  rounds: {' '.join(f'{m:.3f}' for m in medians)}")


if __name__ == "__main__":
    main()
