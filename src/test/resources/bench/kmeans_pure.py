"""Pure-Python reference of the clustering pipeline (like the predecessor's clustering_engine):
k-means++ seeding, Lloyd iterations until the distortion improves by less than 1e-4 (at most
100), power-iteration PCA-2D with deflation, 2-nearest-centroid edges.
Usage: kmeans_pure.py VECTORS.csv K SEED REPEATS -> prints 'ms=<best> iterations=<n>'."""
import csv
import math
import random
import sys
import time


def kmeans_pp(points, k, seed, max_iter=100, tol=1e-4):
    rnd = random.Random(seed)
    n, d = len(points), len(points[0])
    centroids = [list(points[rnd.randrange(n)])]
    dist = [sum((p[j] - centroids[0][j]) ** 2 for j in range(d)) for p in points]
    while len(centroids) < k:
        total = sum(dist)
        r = rnd.random() * total
        acc, pick = 0.0, n - 1
        for i, w in enumerate(dist):
            acc += w
            if acc >= r:
                pick = i
                break
        c = list(points[pick])
        centroids.append(c)
        for i, p in enumerate(points):
            dd = sum((p[j] - c[j]) ** 2 for j in range(d))
            if dd < dist[i]:
                dist[i] = dd
    labels = [0] * n
    prev = float("inf")
    iterations = 0
    for _ in range(max_iter):
        iterations += 1
        distortion = 0.0
        for i, p in enumerate(points):
            best, bd = 0, float("inf")
            for ci, c in enumerate(centroids):
                dd = 0.0
                for j in range(d):
                    t = p[j] - c[j]
                    dd += t * t
                if dd < bd:
                    best, bd = ci, dd
            labels[i] = best
            distortion += bd
        sums = [[0.0] * d for _ in range(k)]
        counts = [0] * k
        for i, p in enumerate(points):
            s = sums[labels[i]]
            counts[labels[i]] += 1
            for j in range(d):
                s[j] += p[j]
        for ci in range(k):
            if counts[ci]:
                centroids[ci] = [v / counts[ci] for v in sums[ci]]
        if prev - distortion <= tol:
            break
        prev = distortion
    return labels, centroids, iterations


def pca_2d(points, iters=1000, tol=1e-12):
    n, d = len(points), len(points[0])
    mean = [sum(p[j] for p in points) / n for j in range(d)]
    cov = [[0.0] * d for _ in range(d)]
    for p in points:
        c = [p[j] - mean[j] for j in range(d)]
        for a in range(d):
            ca = c[a]
            row = cov[a]
            for b in range(d):
                row[b] += ca * c[b]
    cov = [[v / n for v in row] for row in cov]
    axes = []
    for _ in range(2):
        v = [1.0 / math.sqrt(d)] * d
        for _ in range(iters):
            w = [sum(cov[a][b] * v[b] for b in range(d)) for a in range(d)]
            norm = math.sqrt(sum(x * x for x in w)) or 1.0
            w = [x / norm for x in w]
            change = max(abs(abs(w[j]) - abs(v[j])) for j in range(d))
            v = w
            if change < tol:
                break
        lam = sum(v[a] * sum(cov[a][b] * v[b] for b in range(d)) for a in range(d))
        axes.append(v)
        cov = [[cov[a][b] - lam * v[a] * v[b] for b in range(d)] for a in range(d)]
    return [[sum((p[j] - mean[j]) * ax[j] for j in range(d)) for ax in axes] for p in points]


def edges(centroids):
    out = set()
    for i, a in enumerate(centroids):
        ds = sorted((math.dist(a, b), j) for j, b in enumerate(centroids) if j != i)
        for dist, j in ds[:2]:
            out.add((min(i, j), max(i, j), 1.0 / (1.0 + dist)))
    return out


def main():
    path, k, seed, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    with open(path) as f:
        points = [[float(x) for x in row] for row in csv.reader(f)]
    best, iterations = float("inf"), 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        labels, centroids, iterations = kmeans_pp(points, k, seed)
        pca_2d(points)
        edges(centroids)
        best = min(best, (time.perf_counter() - t0) * 1000)
    print(f"ms={best:.1f} iterations={iterations}")


if __name__ == "__main__":
    main()
