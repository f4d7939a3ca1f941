#!/usr/bin/python3
"""Write a fixed 80/20 split of a CSV file: NAME.train.csv and NAME.test.csv.

Usage: make_split.py SOURCE.csv OUT_DIR NAME [LABEL_COLUMN]
Seed 42. With a label, each class is shuffled on its own and round(20 %) of its rows go to the test split (a class
of one row stays in training), so rare classes keep their share; without a label the split is plain. Rows keep their
source order within each split and are copied as text, byte for byte.
"""
import csv
import sys

import numpy as np


def main():
    source, out_dir, name = sys.argv[1:4]
    label = sys.argv[4] if len(sys.argv) > 4 else None
    with open(source, newline="", encoding="utf-8") as f:
        lines = [line if line.endswith("\n") else line + "\n" for line in f.read().splitlines(keepends=True)]
    header, rows = lines[0], lines[1:]
    parsed = list(csv.reader(rows))
    rng = np.random.RandomState(42)
    if label is None:
        groups = {None: list(range(len(rows)))}
    else:
        column = next(csv.reader([header])).index(label)
        groups = {}
        for i, record in enumerate(parsed):
            groups.setdefault(record[column], []).append(i)
    test = set()
    for key in sorted(groups, key=str):
        members = np.array(groups[key])
        rng.shuffle(members)
        test.update(members[: int(round(0.2 * len(members)))].tolist())
    for part, keep in (("train", lambda i: i not in test), ("test", lambda i: i in test)):
        with open(f"{out_dir}/{name}.{part}.csv", "w", encoding="utf-8", newline="") as f:
            f.write(header)
            f.writelines(rows[i] for i in range(len(rows)) if keep(i))


if __name__ == "__main__":
    main()
