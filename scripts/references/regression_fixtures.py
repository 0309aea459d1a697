"""Golden fixtures for Tests/TDAKitTests/Regression (gap-regress library) and the shared RNG.

Run with the peers venv: /work/.venv-peers/bin/python scripts/references/regression_fixtures.py
Writes small JSON files to Tests/TDAKitTests/Fixtures/regression/. Deterministic (fixed seeds).
"""
import json
import os
from importlib.metadata import version

import numpy as np
import scipy
import scipy.special
import scipy.stats
import sklearn
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "TDAKitTests", "Fixtures", "regression")
SOURCE = (f"scripts/references/regression_fixtures.py; numpy {np.__version__}, scipy {scipy.__version__}, "
          f"scikit-learn {sklearn.__version__}")
MASK = (1 << 64) - 1


class SplitMix64:
    """Transcription of Vigna's splitmix64.c."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


class Xoshiro256StarStar:
    """Transcription of Blackman and Vigna's xoshiro256starstar.c plus the documented helpers."""

    def __init__(self, seed=None, state=None):
        if state is None:
            sm = SplitMix64(seed)
            state = [sm.next() for _ in range(4)]
        self.s = list(state)

    @staticmethod
    def rotl(x, k):
        return ((x << k) | (x >> (64 - k))) & MASK

    def next(self):
        s = self.s
        result = (self.rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = self.rotl(s[3], 45)
        return result

    def next_double(self):
        return (self.next() >> 11) * 2.0 ** -53

    def next_int(self, bound):
        """Lemire's multiply-and-reject, exactly as RandomGenerator.swift."""
        product = self.next() * bound
        low = product & MASK
        if low < bound:
            threshold = ((1 << 64) - bound) % bound  # (2^64 - bound) mod bound, as 0 &- range in Swift
            while low < threshold:
                product = self.next() * bound
                low = product & MASK
        return product >> 64

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.next_int(i + 1)
            items[i], items[j] = items[j], items[i]


def write(name, payload):
    payload = {"source": SOURCE, **payload}
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(payload, f, indent=None, separators=(",", ":"))
        f.write("\n")


def rng_fixture():
    cases = []
    for seed in [0, 1, 42, 2**64 - 1]:
        g = Xoshiro256StarStar(seed=seed)
        state = list(g.s)
        raw = [g.next() for _ in range(6)]
        doubles = [g.next_double() for _ in range(4)]
        ints = [g.next_int(b) for b in [1, 2, 3, 7, 10, 1000, 2**40 + 3] + [3 << 61] * 8]  # 3·2^61 rejects 1 draw in 4
        items = list(range(10))
        g.shuffle(items)
        cases.append({"seed": str(seed), "state": [str(x) for x in state], "raw": [str(x) for x in raw],
                      "doubles": doubles, "ints": ints, "shuffle": items})
    # Reference vector of xoshiro256** from the raw state {1, 2, 3, 4}.
    g = Xoshiro256StarStar(state=[1, 2, 3, 4])
    write("rng.json", {"cases": cases, "state1234": [str(g.next()) for _ in range(10)]})


def folds_for(n, k, repeats, seed):
    rs = np.random.RandomState(seed)
    folds = []
    for r in range(repeats):
        perm = rs.permutation(n)
        sizes = [n // k + (1 if i < n % k else 0) for i in range(k)]
        start = 0
        for i, size in enumerate(sizes):
            folds.append({"repetition": r, "index": i, "test": sorted(int(v) for v in perm[start:start + size])})
            start += size
    return folds


def score_folds(make_model, x, y, folds):
    scores = []
    for f in folds:
        test = np.array(f["test"])
        train = np.setdiff1d(np.arange(len(y)), test)
        model = make_model().fit(x[train], y[train])
        pred = model.predict(x[test])
        scores.append({
            "r2": r2_score(y[test], pred),
            "mae": mean_absolute_error(y[test], pred),
            "rmse": float(np.sqrt(mean_squared_error(y[test], pred))),
            "kendall": float(scipy.stats.kendalltau(pred, y[test]).statistic),
            "spearman": float(scipy.stats.spearmanr(pred, y[test]).statistic),
        })
    return scores


def coefficients(model):
    if hasattr(model, "steps"):
        scaler, ridge = model.steps[0][1], model.steps[1][1]
        coef = ridge.coef_ / scaler.scale_
        return list(coef), float(ridge.intercept_ - np.dot(coef, scaler.mean_))
    return list(model.coef_), float(model.intercept_)


def regression_fixture():
    rs = np.random.RandomState(7)
    n, p = 40, 5
    x = rs.normal(size=(n, p)) * np.array([1.0, 10.0, 0.1, 3.0, 1.0]) + np.array([0, 5, -1, 2, 100])
    y = x @ np.array([0.5, -0.2, 3.0, 0.0, 1.5]) + rs.normal(scale=0.3, size=n)
    # Rank-deficient design: column 2 duplicates column 0 scaled, column 4 constant.
    xd = np.column_stack([x[:, 0], x[:, 1], 2 * x[:, 0], x[:, 3], np.full(n, 3.0)])
    models = {
        "ols": lambda: LinearRegression(),
        "ridge": lambda: Ridge(alpha=0.7),
        "ridge_standardized": lambda: make_pipeline(StandardScaler(), Ridge(alpha=2.5)),
    }
    cases = []
    for design_name, design in [("full", x), ("deficient", xd)]:
        for model_name, make in models.items():
            model = make().fit(design, y)
            coef, intercept = coefficients(model)
            cases.append({"design": design_name, "model": model_name, "coefficients": coef, "intercept": intercept,
                          "predictions": list(model.predict(design))})
    folds = folds_for(n, 5, 2, seed=3)
    cv = {name: score_folds(make, x, y, folds) for name, make in models.items()}
    # 5x2cv: feature set A = all columns, B = columns 0 and 1; differences of held-out R².
    folds52 = folds_for(n, 2, 5, seed=11)
    ra = score_folds(models["ols"], x, y, folds52)
    rb = score_folds(models["ols"], x[:, :2], y, folds52)
    diffs = [[ra[2 * i + j]["r2"] - rb[2 * i + j]["r2"] for j in range(2)] for i in range(5)]
    s2 = sum((d[0] - np.mean(d)) ** 2 + (d[1] - np.mean(d)) ** 2 for d in diffs)
    t = diffs[0][0] / np.sqrt(s2 / 5)
    ttest = {"folds": folds52, "differences": diffs, "t": t, "p": float(2 * scipy.stats.t.sf(abs(t), 5))}
    write("linear.json", {"x": x.tolist(), "deficient": xd.tolist(), "y": list(y), "alphas": {"ridge": 0.7,
          "ridge_standardized": 2.5}, "cases": cases, "folds": folds, "cv": cv, "ttest": ttest})


def correlation_fixture():
    rs = np.random.RandomState(5)
    cases = []
    for n, ties in [(12, False), (30, True), (7, True)]:
        a = rs.normal(size=n)
        b = a + rs.normal(size=n)
        if ties:
            a = np.round(a * 2) / 2
            b = np.round(b)
        cases.append({"x": list(a), "y": list(b), "kendall": float(scipy.stats.kendalltau(a, b).statistic),
                      "spearman": float(scipy.stats.spearmanr(a, b).statistic),
                      "ranks": list(scipy.stats.rankdata(a))})
    betas = []
    for x, a, b in [(0.3, 2.5, 0.5), (0.9, 2.5, 0.5), (0.01, 0.5, 3.0), (0.5, 10.0, 10.0), (0.999, 1.5, 0.5),
                    (0.2, 50.0, 0.5)]:
        betas.append({"x": x, "a": a, "b": b, "value": float(scipy.special.betainc(a, b, x))})
    tp = [{"t": t, "df": df, "p": float(2 * scipy.stats.t.sf(abs(t), df))}
          for t, df in [(0.0, 5), (1.0, 5), (-2.571, 5), (4.0, 5), (12.0, 5), (2.0, 30)]]
    write("correlation.json", {"cases": cases, "betainc": betas, "student": tp})


def pgdl_cmi(measure, gap, hparams):
    """The PGDL scoring program's conditional mutual information, rewritten from its description:
    ordered model pairs (i = j included), signs [gap_i > gap_j] and [mu_i > mu_j], bins keyed by the
    conditioning hyper-parameters' values in both models, per bin I(gap sign; measure sign) and
    H(gap sign) in bits with the program's +1e-12 inside log2, mean I / mean H, minimum over ordered
    pairs of distinct hyper-parameters. The grid is full, so no bin is empty."""
    def entropy(counts):
        p = counts / counts.sum()
        return -np.sum(p * np.log2(p + 1e-12))

    def mi(table):
        total = table.sum()
        a, b = table.sum(axis=1), table.sum(axis=0)
        out = 0.0
        for i in range(2):
            for j in range(2):
                joint = table[i, j] / total
                if joint > 0:
                    out += joint * np.log2(joint / ((a[i] / total) * (b[j] / total)))
        return out

    names = list(hparams)
    best = np.inf
    n = len(measure)
    for h1 in names:
        for h2 in names:
            if h1 == h2:
                continue
            tables = {}
            for i in range(n):
                for j in range(n):
                    key = (hparams[h1][i], hparams[h1][j], hparams[h2][i], hparams[h2][j])
                    t = tables.setdefault(key, np.zeros((2, 2)))
                    t[0 if gap[i] > gap[j] else 1, 0 if measure[i] > measure[j] else 1] += 1
            info = np.mean([mi(t) for t in tables.values()])
            ent = np.mean([entropy(t.sum(axis=1)) for t in tables.values()])
            best = min(best, info / ent)
    return float(best)


def cmi_fixture():
    rs = np.random.RandomState(12)
    grid = [(lr, depth, wd) for lr in ["0.1", "0.01", "0.001"] for depth in ["2", "4"] for wd in ["0", "1e-4"]]
    models = grid * 2  # two seeds per configuration
    gap = np.array([0.1 * float(lr) * 10 + 0.02 * int(depth) + rs.normal(scale=0.01) for lr, depth, _ in models])
    measure = gap + rs.normal(scale=0.02, size=len(models))
    hparams = {"lr": [m[0] for m in models], "depth": [m[1] for m in models], "wd": [m[2] for m in models]}
    cases = [{"measure": list(measure), "gap": list(gap), "hparams": hparams, "score": pgdl_cmi(measure, gap, hparams)},
             {"measure": list(-measure), "gap": list(gap), "hparams": hparams, "score": pgdl_cmi(-measure, gap, hparams)}]
    write("cmi.json", {"cases": cases})


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    rng_fixture()
    regression_fixture()
    correlation_fixture()
    cmi_fixture()
