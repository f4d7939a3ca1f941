#!/usr/bin/env python3
"""Issue 22: how separable each class of the augmentation benchmark's tables is in its numeric columns.

For every row: is its nearest neighbour (1-NN) of its own class, and is the majority of its 5 nearest neighbours?
Columns standardised (missing values -> the column mean), Euclidean distance, the row itself left out. Prints the
share of each class's rows for which the answer is yes. Pure Python (no numpy); run from the repository root:
    python3 tools/bench/class-overlap.py
"""
import collections
import csv
import math


def load(path, label, columns):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    x = [[float(r[c]) if r[c] not in ("", "NA", "null") else None for c in columns] for r in rows]
    for j in range(len(columns)):
        values = [v[j] for v in x if v[j] is not None]
        mean = sum(values) / len(values)
        sd = math.sqrt(sum((a - mean) ** 2 for a in values) / len(values)) or 1
        for v in x:
            v[j] = ((v[j] if v[j] is not None else mean) - mean) / sd
    return x, [r[label] for r in rows]


def report(name, x, y, k=5):
    counts, same1, samek = collections.Counter(y), collections.Counter(), collections.Counter()
    for i, xi in enumerate(x):
        nearest = sorted((sum((a - b) ** 2 for a, b in zip(xi, xj)), j) for j, xj in enumerate(x) if j != i)[:k]
        same1[y[i]] += y[nearest[0][1]] == y[i]
        samek[y[i]] += collections.Counter(y[j] for _, j in nearest).most_common(1)[0][0] == y[i]
    print(f"{name}: " + "; ".join(
        f"{c} {n}: 1-NN same class {100 * same1[c] / n:.0f} %, {k}-NN majority {100 * samek[c] / n:.0f} %"
        for c, n in counts.most_common()))


report("seattle-weather (training split, 4 measurements)",
       *load("data/splits/seattle-weather.train.csv", "weather", ["precipitation", "temp_max", "temp_min", "wind"]))
report("penguins (training split, 4 measurements)",
       *load("data/splits/penguins.train.csv", "species", ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]))
report("cars (6 measurements)",
       *load("data/cars.csv", "Origin", ["Miles_per_Gallon", "Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration"]))
report("breast-cancer (30 measurements)",
       *load("data/breast-cancer.csv", "label", open("data/breast-cancer.csv", encoding="utf-8").readline().strip().split(",")[:30]))
