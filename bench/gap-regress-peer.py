"""The Python side of bench/gap-regress.sh: read vector records (json), OLS with 5 folds × 2
repeats (scikit-learn RepeatedKFold + LinearRegression), held-out R², MAE, RMSE, Kendall and
Spearman per fold (scipy), write one report line. Whole process, as gap-regress fit.

usage: gap-regress-peer.py < vectors.jsonl
"""
import json
import sys

import numpy as np
from scipy.stats import kendalltau, spearmanr
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import RepeatedKFold

rows, y = [], []
for line in sys.stdin:
    r = json.loads(line)
    rows.append(r["values"])
    y.append(r["meta"]["gap"])
x, y = np.array(rows), np.array(y)
folds = []
for train, test in RepeatedKFold(n_splits=5, n_repeats=2, random_state=0).split(x):
    pred = LinearRegression().fit(x[train], y[train]).predict(x[test])
    folds.append({"r2": r2_score(y[test], pred), "mae": mean_absolute_error(y[test], pred),
                  "rmse": float(np.sqrt(mean_squared_error(y[test], pred))),
                  "kendall": float(kendalltau(pred, y[test]).statistic), "spearman": float(spearmanr(pred, y[test]).statistic)})
model = LinearRegression().fit(x, y)
print(json.dumps({"type": "report", "coef": model.coef_.tolist(), "intercept": model.intercept_,
                  "r2": float(np.mean([f["r2"] for f in folds])), "folds": folds}))
