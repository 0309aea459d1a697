#!/usr/bin/env bash
# `make bench`: every benchmark against its peer, one after another (they need the peers'
# venv: python3 -m venv .venv-peers && .venv-peers/bin/pip install ripser giotto-ph gudhi kmapper
# persim scikit-learn POT torch). Each script prints its own ratios; RESULTS.md records them.
set -uo pipefail
cd "$(dirname "$0")"
status=0
for script in records.sh inflate.sh ph-rips.sh ph-graph.sh mapper.sh perslay-vec.sh gap-regress.sh nn-train.sh nn-activations.sh nn-digits.sh; do
    [ -x "$script" ] || continue
    echo "== $script"
    ./"$script" || { echo "$script failed" >&2; status=1; }
done
exit $status
