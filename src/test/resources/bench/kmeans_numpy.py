"""NumPy version of the same pipeline: k-means++ seeding, Lloyd iterations (same stop rule),
power-iteration PCA-2D with deflation, 2-nearest-centroid edges, all vectorised.
Usage: kmeans_numpy.py VECTORS.csv K SEED REPEATS -> prints 'ms=<best> iterations=<n>'."""
import sys
import time

import numpy as np


def kmeans_pp(x, k, seed, max_iter=100, tol=1e-4):
    rng = np.random.default_rng(seed)
    n = x.shape[0]
    centroids = np.empty((k, x.shape[1]))
    centroids[0] = x[rng.integers(n)]
    dist = ((x - centroids[0]) ** 2).sum(axis=1)
    for c in range(1, k):
        pick = np.searchsorted(np.cumsum(dist), rng.random() * dist.sum())
        centroids[c] = x[min(pick, n - 1)]
        dist = np.minimum(dist, ((x - centroids[c]) ** 2).sum(axis=1))
    prev = np.inf
    x2 = (x * x).sum(axis=1)[:, None]
    iterations = 0
    for _ in range(max_iter):
        iterations += 1
        d = x2 - 2 * x @ centroids.T + (centroids * centroids).sum(axis=1)[None, :]
        labels = d.argmin(axis=1)
        distortion = d[np.arange(n), labels].sum()
        counts = np.bincount(labels, minlength=k)
        sums = np.zeros_like(centroids)
        np.add.at(sums, labels, x)
        nz = counts > 0
        centroids[nz] = sums[nz] / counts[nz, None]
        if prev - distortion <= tol:
            break
        prev = distortion
    return labels, centroids, iterations


def pca_2d(x, iters=1000, tol=1e-12):
    centred = x - x.mean(axis=0)
    cov = centred.T @ centred / x.shape[0]
    axes = []
    for _ in range(2):
        v = np.full(cov.shape[0], 1.0 / np.sqrt(cov.shape[0]))
        for _ in range(iters):
            w = cov @ v
            w /= np.linalg.norm(w) or 1.0
            change = np.abs(np.abs(w) - np.abs(v)).max()
            v = w
            if change < tol:
                break
        lam = v @ cov @ v
        axes.append(v)
        cov = cov - lam * np.outer(v, v)
    return centred @ np.array(axes).T


def edges(centroids):
    d = np.sqrt(((centroids[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(d, np.inf)
    nearest = np.argsort(d, axis=1)[:, :2]
    return {(min(i, j), max(i, j), 1.0 / (1.0 + d[i, j])) for i in range(len(d)) for j in nearest[i]}


def main():
    path, k, seed, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    x = np.loadtxt(path, delimiter=",")
    best, iterations = np.inf, 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        labels, centroids, iterations = kmeans_pp(x, k, seed)
        pca_2d(x)
        edges(centroids)
        best = min(best, (time.perf_counter() - t0) * 1000)
    print(f"ms={best:.1f} iterations={iterations}")


if __name__ == "__main__":
    main()
