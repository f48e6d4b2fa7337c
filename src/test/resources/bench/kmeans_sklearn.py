"""scikit-learn KMeans on the clustering benchmark's vectors, called as a data scientist would:
KMeans(n_clusters=K, n_init=N_INIT, random_state=SEED) with the defaults otherwise (greedy
k-means++ with 2 + ln(k) candidates per step, Lloyd, max_iter 300, tol 1e-4).

Usage: kmeans_sklearn.py [--fit-on SAMPLE.csv] VECTORS.csv TRUTH.txt K N_INIT FIRST_SEED LAST_SEED REPEATS [OURS.csv]
       kmeans_sklearn.py --serve VECTORS.csv K
  --serve      loads the vectors, then answers each line "SEED N_INIT" on stdin with "WALL_MS CPU_MS SPIN_MS"
               of one fit on stdout (CPU of every thread of the process during the fit, and CPU its
               worker threads burnt spinning after it, answered once they are idle): the benchmark
               alternates Java runs and scikit-learn fits, so that both see the same load on a shared
               machine, and neither side's run starts while the other's threads still hold a core
  VECTORS.csv  one normalised row per line, comma-separated
  TRUTH.txt    the true population index of each row, one per line
  --fit-on     fit on the rows listed in SAMPLE.csv ("ROW,WEIGHT" per line, 0-based rows of
               VECTORS.csv) with those sample weights, then predict every row: the Java product's own
               procedure (fit on the weighted stratified sample, assign every pair), so that both
               sides are scored on the same fitted points
  OURS.csv     optional: one line of labels per seed of the Java run, scored here with
               sklearn.metrics.adjusted_rand_score as a cross-check of the Java ARI
Prints one line of JSON: ARI and inertia per seed, fit time in ms (best and median over every
fit: each seed is fitted REPEATS times after one warm-up fit)."""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score


def serve():
    x = np.loadtxt(sys.argv[2], delimiter=",")
    k = int(sys.argv[3])
    KMeans(n_clusters=k, n_init=1, random_state=0).fit(x)
    print("ready", flush=True)
    for line in sys.stdin:
        seed, n_init = (int(v) for v in line.split())
        t0, c0 = time.perf_counter(), time.process_time()
        KMeans(n_clusters=k, n_init=n_init, random_state=seed).fit(x)
        wall, cpu = (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000
        spun = settle()
        print(f"{wall:.3f} {cpu:.3f} {spun:.3f}", flush=True)


def settle():
    """Waits until this process's threads are idle; returns the CPU ms they burnt after the fit.

    After a fit returns, the BLAS and OpenMP worker threads of the process go on spinning for about
    100 ms (they busy-wait for more work): on a 2-core machine that takes a core from whatever runs
    next, here the Java run it alternates with. The fit's own time is measured without this."""
    start = time.process_time()
    deadline = time.perf_counter() + 2.0
    while time.perf_counter() < deadline:
        before = time.process_time()
        time.sleep(0.01)
        if time.process_time() - before < 0.001:
            break
    return (time.process_time() - start) * 1000


def main():
    if sys.argv[1] == "--serve":
        serve()
        return
    args = sys.argv[1:]
    fit_rows, fit_weights = None, None
    if args[0] == "--fit-on":
        sample = np.loadtxt(args[1], delimiter=",", ndmin=2)
        fit_rows, fit_weights = sample[:, 0].astype(int), sample[:, 1]
        args = args[2:]
    vectors, truth_path = args[0], args[1]
    k, n_init, first, last, repeats = (int(a) for a in args[2:7])
    x = np.loadtxt(vectors, delimiter=",")
    truth = np.loadtxt(truth_path, dtype=int)
    fit_x = x if fit_rows is None else x[fit_rows]
    KMeans(n_clusters=k, n_init=n_init, random_state=0).fit(fit_x, sample_weight=fit_weights)  # warm-up
    aris, inertias, iterations, times = [], [], [], []
    for seed in range(first, last + 1):
        for _ in range(repeats):
            t0 = time.perf_counter()
            km = KMeans(n_clusters=k, n_init=n_init, random_state=seed).fit(fit_x, sample_weight=fit_weights)
            labels = km.labels_ if fit_rows is None else km.predict(x)
            times.append((time.perf_counter() - t0) * 1000)
        aris.append(adjusted_rand_score(truth, labels))
        # inertia of every row against its centre, the objective both sides are compared on
        inertias.append(float(km.inertia_) if fit_rows is None else float(-km.score(x)))
        iterations.append(int(km.n_iter_))
    out = {"sklearn": sklearn.__version__, "rows": int(x.shape[0]), "n_init": n_init, "ari": aris,
           "inertia": inertias, "iterations": iterations,
           "ms_best": min(times), "ms_median": float(np.median(times))}
    if len(args) > 7:
        ours = [np.array(line.split(","), dtype=int) for line in open(args[7]) if line.strip()]
        out["ours_ari_by_sklearn"] = [adjusted_rand_score(truth, labels) for labels in ours]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
