#!/usr/bin/env bash
# The generalization-gap study (Ballester et al., 2024) as a shell pipeline of the toolkit.
#
#   run.sh [--demo] [--out DIR] [--jobs N] [--models N] [--draws K] [--inputs N]
#          [--sshlogin LOGINS] [--check-tools]
#
# Trains a zoo of MLPs whose generalization gaps spread widely, takes 2000 fixed inputs, samples
# neurons of all weighted layers by importance (K draws), computes Vietoris–Rips persistence of
# 1 − |Pearson| between neurons, turns each diagram into the Ballester statistics (+ squares),
# bootstrap-averages them per network, and fits OLS with 5×2 repeated K-fold held-out R²,
# against baselines, with Dietterich's 5×2cv t-test. Everything lands in one folder (--out).
#
# Per-network work runs in parallel with GNU parallel when installed, else xargs -P; with
# --sshlogin it runs on other machines through GNU parallel (they need the tools on PATH and
# the output folder on a shared file system). A Slurm array job runs the same per-network
# script: see slurm.sbatch. An interrupted study resumes: finished networks are skipped.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# GAP_STUDY_MODELS, _DRAWS, _INPUTS, _DEPTHS, _WIDTHS and _EPOCHS change the defaults (the test suite runs
# the documented command lines on a small zoo that way); options override them.
out=out/gap-study jobs=$(nproc) models=${GAP_STUDY_MODELS:-100} draws=${GAP_STUDY_DRAWS:-20} inputs=${GAP_STUDY_INPUTS:-2000}
demo=0 sshlogin="" check=0
depths=${GAP_STUDY_DEPTHS:-1 2 3 4} widths=${GAP_STUDY_WIDTHS:-32 64 128 256}
while [ $# -gt 0 ]; do
    case "$1" in
        --demo) demo=1; models=24; draws=8; inputs=1000; depths="1 2 3"; widths="16 32 64" ;;
        --out) out=$2; shift ;;
        --jobs) jobs=$2; shift ;;
        --models) models=$2; shift ;;
        --draws) draws=$2; shift ;;
        --inputs) inputs=$2; shift ;;
        --sshlogin) sshlogin=$2; shift ;;
        --check-tools) check=1 ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: error: unknown argument '$1' (try --help)" >&2; exit 64 ;;
    esac
    shift
done
for tool in nn-train nn-activations ph-rips perslay-vec gap-regress tda-plot; do
    command -v "$tool" >/dev/null || { echo "run.sh: error: $tool is not on PATH (make build)" >&2; exit 69; }
done
[ $check = 1 ] && exit 0

mkdir -p "$out"
start=$(date +%s)
awk -v models="$models" -v seed=1 -v depths="$depths" -v widths="$widths" -v epoch_choices="${GAP_STUDY_EPOCHS:-}" -f "$here/zoo.awk" > "$out/zoo.tsv"
export DRAWS=$draws INPUTS=$inputs
echo "gap study: $models networks, $draws draws of neurons, $inputs probe inputs, $jobs jobs → $out" >&2

# Per network, in parallel; a network whose features exist is skipped (resume).
if [ -n "$sshlogin" ]; then
    command -v parallel >/dev/null || { echo "run.sh: error: --sshlogin needs GNU parallel" >&2; exit 69; }
    tail -n +2 "$out/zoo.tsv" | parallel --colsep '\t' --sshlogin "$sshlogin" --env DRAWS --env INPUTS \
        "$here/model.sh" "$out" {1} {2} {3} {4} {5} {6} {7} {8} {9} {10}
elif command -v parallel >/dev/null && parallel --version 2>/dev/null | grep -q GNU; then
    tail -n +2 "$out/zoo.tsv" | parallel --colsep '\t' -j "$jobs" "$here/model.sh" "$out" {1} {2} {3} {4} {5} {6} {7} {8} {9} {10}
else
    tail -n +2 "$out/zoo.tsv" | xargs -P "$jobs" -L 1 "$here/model.sh" "$out"
fi
trained=$(date +%s)
# A job runner can report success for jobs that never ran (GNU parallel does, on a remote
# without a usable $SHELL): every network must have its features before the fit.
missing=$(tail -n +2 "$out/zoo.tsv" | cut -f1 | while read -r id; do [ -s "$out/features/$id.jsonl" ] || echo "$id"; done)
if [ -n "$missing" ]; then
    echo "run.sh: error: $(echo "$missing" | wc -l) networks have no features in $out/features (first: $(echo "$missing" | head -1)); rerun to resume" >&2
    exit 70
fi

# One vector per network: bootstrap mean of the draws' statistics (network seed = group).
tail -n +2 "$out/zoo.tsv" | cut -f1 | sed "s|^|$out/features/|; s|$|.jsonl|" | xargs cat \
  | perslay-vec reduce --by meta.seed --op bootstrap:200 --seed 1 -o "$out/topology.jsonl"
cat "$out"/models/m*.record.jsonl > "$out/models.jsonl"

# Held-out R² (5 folds × 2 repeats, seeded) of the topological features and of the baselines.
# Rips H0 bars are all born at 0, so the H0 birth statistics are constant and left out. The
# reduced demo zoo (and any zoo under 40 networks) is too small for twelve features under 2-fold
# CV (12 training records), so it keeps the six plain statistics and drops their squares.
topo='stats.H0.sd_death,stats.H0.mean_death,stats.H0.square_sd_death,stats.H0.square_mean_death,stats.H1.*'
[ $demo = 1 ] || [ "$models" -lt 40 ] && topo='stats.H0.sd_death,stats.H0.mean_death,stats.H1.sd_birth,stats.H1.sd_death,stats.H1.mean_birth,stats.H1.mean_death'
baselines=(meta.train_loss meta.train_acc,meta.train_loss)
names=(train-loss train-fit)
fit() { gap-regress fit --cv kfold:5x2 --seed 1 "$@" "$out/topology.jsonl"; }
fit --features "$topo" --format report > "$out/report-topology.jsonl"
fit --method mean --features "$topo" --format report > "$out/report-mean.jsonl"
for i in "${!baselines[@]}"; do
    fit --features "${baselines[$i]}" --format report > "$out/report-${names[$i]}.jsonl"
    # Dietterich's 5×2cv paired t-test, topology against the baseline, on the same folds.
    gap-regress compare --seed 1 --format report --features "$topo" --features-b "${baselines[$i]}" \
        "$out/topology.jsonl" "$out/topology.jsonl" > "$out/compare-${names[$i]}.jsonl"
done

mkdir -p "$out/figures"
tda-plot -o "$out/figures/predicted-vs-true.svg" "$out/report-topology.jsonl"
tda-plot -o "$out/figures/feature-vs-gap.svg" --x stats.H1.mean_death --y meta.gap --label meta.depth "$out/topology.jsonl"
end=$(date +%s)

{
    echo "Generalization-gap study: $models networks, $draws draws of neurons, $inputs probe inputs"
    echo "time: $((trained - start)) s for the networks, $((end - start)) s in all ($jobs jobs, $(nproc) cores)"
    echo
    echo "held-out R² over 5 folds × 2 repeats (OLS with intercept):"
    printf '%-10s %s\n' "features" "$(printf '%-12s' mean sd median min max)"
    row() { printf '%-10s %s\n' "$1" "$(fit "${@:2}" --format table | grep '^r2 ' | sed 's/^r2 *//; s/  */ /g' | xargs printf '%-12s')"; }
    row topology --features "$topo"
    for i in "${!baselines[@]}"; do row "${names[$i]}" --features "${baselines[$i]}"; done
    row mean --method mean --features "$topo"
    echo
    echo "Dietterich's 5×2cv t-test, topology vs baseline (df 5):"
    for i in "${!baselines[@]}"; do
        gap-regress compare --seed 1 --format table --features "$topo" --features-b "${baselines[$i]}" \
            "$out/topology.jsonl" "$out/topology.jsonl" | awk -v name="${names[$i]}" '$1 == "t" { t = $2 } $1 == "p" { p = $2 } END { printf "  %-10s t = %s  p = %s\n", name, t, p }'
    done
} | tee "$out/summary.txt"
