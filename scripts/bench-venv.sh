#!/usr/bin/env bash
# Creates .venv-bench (git-ignored) with NumPy and scikit-learn for the clustering benchmark's
# reference runs (ClusteringBenchmark, SklearnReference), if missing. Prints the python path.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv-bench/bin/python
if [ -x "$PY" ] && "$PY" -c 'import numpy, sklearn' 2>/dev/null; then echo "$PWD/$PY"; exit 0; fi
command -v python3 >/dev/null || { echo "bench: python3 missing, no scikit-learn reference" >&2; exit 1; }
python3 -m venv .venv-bench && "$PY" -m pip install -q 'numpy>=1.26,<3' 'scikit-learn>=1.5,<1.8' >&2 \
  && "$PY" -c 'import numpy, sklearn' && { echo "$PWD/$PY"; exit 0; }
echo "bench: could not install NumPy and scikit-learn into .venv-bench" >&2
exit 1
