#!/usr/bin/env python3
"""Issue 22, part 1: what the judge gives rows that come from the real distribution itself (the ceiling a generator
that does not copy its training rows can expect), beside what it gives our synthetic rows of the same size.

For each split of data/splits/ (all four unless named):
  held-out   the test split scored as if it were synthetic, against the training split (the judge's own definitions,
             loaded from judge_tabular.py): real rows the model never saw, test-split size m;
  halves     the training split cut at random into two halves, one scored against the other, mean of --halvings cuts
             (n/2 rows against n/2); "at n" scales the shortfall by 1/sqrt(2) to estimate a fresh sample of n real
             rows against the n training rows (KS, total variation and correlation errors shrink as 1/sqrt(rows));
  synthetic  each CSV given with --synthetic NAME=PATH[,PATH…] (e.g. `ganest sample --count m`), scored like held-out.
Column shapes are 1 - KS (numeric) or 1 - TVD (categorical) per column, pair trends Pearson correlation / contingency
similarity per pair, as the judge computes them. Run with /usr/bin/python3 (numpy, pandas, scipy, sklearn), from the
repository root:
    /usr/bin/python3 tools/bench/fidelity-ceiling.py [--split penguins] [--synthetic penguins=a.csv,b.csv] [--detection]
"""
import argparse
import importlib.util
import json
import os

import numpy as np
import pandas as pd

SPLITS = {"seattle-weather": "weather", "penguins": "species", "flights-20k": "origin", "birdstrikes": "Effect Amount of damage"}


def load_judge(path):
    spec = importlib.util.spec_from_file_location("judge_tabular", path)
    judge = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(judge)
    return judge


def prepared(judge, train, *others):
    dates = judge.date_columns(train)
    frames = [judge.dates_to_numbers(d.copy(), [c for c in dates if c in d.columns]) for d in (train, *others)]
    kinds = judge.kinds(frames[0])
    for frame in frames[1:]:
        for column, kind in kinds.items():
            if kind == "num":
                frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frames, kinds


def scores(judge, real, other, kinds, detection):
    shapes = judge.column_shapes(real, other[real.columns], kinds)
    out = {"shapes": float(np.mean(list(shapes.values()))), "pairs": judge.pair_trends(real, other[real.columns], kinds),
           "per_column": {c: round(v, 3) for c, v in shapes.items()}}
    if detection:
        out["detection"] = judge.detection(real, other[real.columns], kinds)
    return out


def real_against_real(judge, train, kinds, rows, cuts):
    """Two disjoint random sets of `rows` training rows, one scored against the other, `cuts` times (seeded)."""
    random = np.random.default_rng(0)
    out = []
    for _ in range(cuts):
        order = random.permutation(len(train))
        a, b = train.iloc[order[:rows]].reset_index(drop=True), train.iloc[order[rows:2 * rows]].reset_index(drop=True)
        (a_p, b_p), _ = prepared(judge, a, b)
        out.append(scores(judge, a_p, b_p, kinds, False))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", action="append")
    parser.add_argument("--synthetic", action="append", default=[])
    parser.add_argument("--halvings", type=int, default=20)
    parser.add_argument("--detection", action="store_true")
    parser.add_argument("--judge", default=os.path.join("..", "shared", "tools", "judge_tabular.py"))
    args = parser.parse_args()
    judge = load_judge(args.judge)
    synthetic = {}
    for item in args.synthetic:
        name, paths = item.split("=", 1)
        synthetic[name] = paths.split(",")
    for split in args.split or SPLITS:
        train = pd.read_csv(f"data/splits/{split}.train.csv")
        test = pd.read_csv(f"data/splits/{split}.test.csv")
        (train_p, test_p), kinds = prepared(judge, train, test)
        result = {"split": split, "train_rows": len(train), "test_rows": len(test)}
        result["held_out"] = scores(judge, train_p, test_p, kinds, args.detection)
        halves = real_against_real(judge, train, kinds, len(train) // 2, args.halvings)
        quarters = real_against_real(judge, train, kinds, len(train) // 4, args.halvings)
        shapes, pairs = np.mean([h["shapes"] for h in halves]), np.mean([h["pairs"] for h in halves])
        result["halves"] = {"shapes": shapes, "pairs": pairs,
                            "shapes_at_n": 1 - (1 - shapes) / np.sqrt(2), "pairs_at_n": 1 - (1 - pairs) / np.sqrt(2),
                            "per_column": {c: round(float(np.mean([h["per_column"][c] for h in halves])), 3) for c in kinds}}
        # The 1/sqrt(rows) law checked on the data: quarters' shortfall over halves' (sqrt(2) = 1.41 if it holds).
        result["scaling_check"] = {
            "quarters_shapes": float(np.mean([q["shapes"] for q in quarters])), "quarters_pairs": float(np.mean([q["pairs"] for q in quarters])),
            "shapes_ratio": (1 - np.mean([q["shapes"] for q in quarters])) / (1 - shapes),
            "pairs_ratio": (1 - np.mean([q["pairs"] for q in quarters])) / (1 - pairs)}
        runs = []
        for path in synthetic.get(split, []):
            (_, syn_p), _ = prepared(judge, train, pd.read_csv(path))
            runs.append(scores(judge, train_p, syn_p, kinds, args.detection))
        if runs:
            result["synthetic"] = {"files": len(runs), "rows": len(pd.read_csv(synthetic[split][0])),
                                   "shapes": float(np.mean([r["shapes"] for r in runs])),
                                   "pairs": float(np.mean([r["pairs"] for r in runs])),
                                   "per_column": {c: round(float(np.mean([r["per_column"][c] for r in runs])), 3) for c in kinds}}
            if args.detection:
                result["synthetic"]["detection"] = float(np.mean([r["detection"] for r in runs]))
        print(json.dumps(result, default=float))


if __name__ == "__main__":
    main()
