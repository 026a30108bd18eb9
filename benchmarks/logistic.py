"""L2-regularised logistic regression by Newton's method, in plain Python (no numpy needed).

Features are standardised before fitting, so the penalty treats them alike, and the weights are
returned on the raw scale: intercept first, then one weight per feature, ready for
Settings.match_weights.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from sco_compare.align.judge import probability


def fit(
    rows: Sequence[Sequence[float]],
    labels: Sequence[bool],
    *,
    penalty: float = 3.0,
    iterations: int = 12,
) -> tuple[float, ...]:
    """Weights that maximise the penalised likelihood of `labels` given `rows`."""
    width = len(rows[0])
    means = [sum(r[k] for r in rows) / len(rows) for k in range(width)]
    scales = [
        math.sqrt(sum((r[k] - means[k]) ** 2 for r in rows) / len(rows)) or 1.0
        for k in range(width)
    ]
    design = [[1.0, *((r[k] - means[k]) / scales[k] for k in range(width))] for r in rows]
    targets = [1.0 if label else 0.0 for label in labels]
    weights = [0.0] * (width + 1)
    for _ in range(iterations):
        gradient = [penalty * w for w in weights]
        gradient[0] = 0.0
        hessian = [
            [penalty if i == j and i else 0.0 for j in range(width + 1)] for i in range(width + 1)
        ]
        for x, y in zip(design, targets, strict=True):
            p = probability(sum(w * v for w, v in zip(weights, x, strict=True)))
            error, curvature = p - y, p * (1 - p)
            for i, xi in enumerate(x):
                gradient[i] += error * xi
                row = hessian[i]
                scaled = curvature * xi
                for j in range(i + 1):
                    row[j] += scaled * x[j]
        for i in range(width + 1):
            for j in range(i):
                hessian[j][i] = hessian[i][j]
        step = solve(hessian, gradient)
        weights = [w - s for w, s in zip(weights, step, strict=True)]
    slopes = [w / scale for w, scale in zip(weights[1:], scales, strict=True)]
    intercept = weights[0] - sum(s * m for s, m in zip(slopes, means, strict=True))
    return (intercept, *slopes)


def solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """x with matrix · x = vector, by Gaussian elimination with partial pivoting."""
    size = len(vector)
    augmented = [[*row, value] for row, value in zip(matrix, vector, strict=True)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(augmented[r][col]))
        augmented[col], augmented[pivot] = augmented[pivot], augmented[col]
        lead = augmented[col][col]
        for r in range(col + 1, size):
            factor = augmented[r][col] / lead
            if factor:
                augmented[r] = [
                    a - factor * b for a, b in zip(augmented[r], augmented[col], strict=True)
                ]
    solution = [0.0] * size
    for r in range(size - 1, -1, -1):
        known = sum(augmented[r][c] * solution[c] for c in range(r + 1, size))
        solution[r] = (augmented[r][size] - known) / augmented[r][r]
    return solution
