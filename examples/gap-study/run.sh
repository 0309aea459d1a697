#!/usr/bin/env bash
# The generalization-gap study of Ballester et al. (2024) on a PGDL-like zoo of CNNs, as a
# shell pipeline of the toolkit.
#
#   run.sh [--demo] [--out DIR] [--jobs N] [--models N] [--draws K] [--neurons N]
#          [--slurm [--partition P] [--time T] [--mem M] [--cpus N]]
#          [--sshlogin LOGINS [--no-shared-fs]] [--remote-bin DIR] [--check-tools]
#
# Trains the 96 CNNs of zoo.awk's grid (PGDL task 1 in small: only the hyperparameters differ)
# to 0.99 training accuracy on the built-in 10-class images, computes the PGDL baseline
# measures of each (nn-train measures), takes its activations on the same 1000 training
# inputs, samples 1000 neurons of all weighted layers by importance (K = 20 draws), computes
# Vietoris–Rips persistence of 1 − |Pearson| between neurons, summarises each diagram
# (perslay-vec stats) and bootstrap-averages the draws. Then OLS with held-out R² over 2 folds ×
# 5 repeats for the topological feature sets and every baseline, Dietterich's 5×2cv t-test and
# PGDL's conditional mutual information. Everything lands in one folder (--out).
# --demo: the grid's 32 corners, 500 training images (all of them the probe inputs), 4 draws of
# 500 neurons.
#
# Per-network work runs in parallel with GNU parallel when installed, else xargs -P. At scale:
# --slurm submits it as Slurm array jobs (partition, time limit (default 1:00:00), memory (1G)
# and CPUs per task (1) as given; logs in OUT/logs) and waits for them; --sshlogin runs it on
# other machines through GNU parallel (OUT on a shared file system, or with --no-shared-fs each
# network's files come back by rsync). --remote-bin: the tools' directory on the nodes or
# hosts, when not on their PATH (see ../dispatch.sh). Only unfinished networks are dispatched,
# so an interrupted study resumes where it stopped, on any engine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../dispatch.sh"
# GAP_STUDY_MODELS (the first N networks of the zoo), _DRAWS, _NEURONS, _INPUTS, _TRAIN_SIZE,
# _TEST_SIZE and _MAX_EPOCHS change the defaults (the test suite runs the documented command
# lines on a small zoo that way); options override them.
out=out/gap-study jobs=$(nproc) corners=0 check=0
models=${GAP_STUDY_MODELS:-96} draws=${GAP_STUDY_DRAWS:-20} neurons=${GAP_STUDY_NEURONS:-1000}
while [ $# -gt 0 ]; do
    case "$1" in
        --out|--jobs|--models|--draws|--neurons)
            [ $# -ge 2 ] || { echo "run.sh: error: $1 needs a value (try --help)" >&2; exit 64; } ;;
    esac
    case "$1" in
        --demo) corners=1; models=${GAP_STUDY_MODELS:-32}; draws=${GAP_STUDY_DRAWS:-4}; neurons=${GAP_STUDY_NEURONS:-500}
                : "${GAP_STUDY_TRAIN_SIZE:=500}" "${GAP_STUDY_INPUTS:=500}" "${GAP_STUDY_TEST_SIZE:=2000}" ;;
        --out) out=$2; shift ;;
        --jobs) jobs=$2; shift ;;
        --models) models=$2; shift ;;
        --draws) draws=$2; shift ;;
        --neurons) neurons=$2; shift ;;
        --check-tools) check=1 ;;
        -h|--help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) dispatch_option "$@"
           [ "$dispatch_took" -gt 0 ] || { echo "run.sh: error: unknown argument '$1' (try --help)" >&2; exit 64; }
           shift $((dispatch_took - 1)) ;;
    esac
    shift
done
for value in "$models" "$draws" "$neurons" "$jobs"; do
    [[ "$value" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: error: '$value' is not a positive whole number (--models, --draws, --neurons, --jobs)" >&2; exit 64; }
done
dispatch_check
# 2-fold cross-validation needs at least three networks in each fold.
[ "$models" -ge 6 ] || { echo "run.sh: error: --models $models: the fits need at least 6 networks" >&2; exit 64; }
for tool in nn-train nn-activations ph-rips perslay-vec gap-regress tda tda-plot; do
    command -v "$tool" >/dev/null || { echo "run.sh: error: $tool is not on PATH (make build)" >&2; exit 69; }
done
[ $check = 1 ] && exit 0

mkdir -p "$out"
start=$(date +%s)
awk -v corners="$corners" -f "$here/zoo.awk" | head -n "$((models + 1))" > "$out/zoo.tsv"
models=$(($(wc -l < "$out/zoo.tsv") - 1))
export DRAWS=$draws NEURONS=$neurons
for size in INPUTS TRAIN_SIZE TEST_SIZE MAX_EPOCHS; do
    value=GAP_STUDY_$size
    [ -n "${!value:-}" ] && export "$size=${!value}"
done
echo "gap study: $models networks, $draws draws of $neurons neurons, $(dispatch_engine) → $out" >&2

# Per network, in parallel. Only unfinished networks (no record, measures or features) are
# dispatched, so a resumed study redoes none that finished, with or without a shared file system.
finished() { [ -s "$out/models/$1.record.jsonl" ] && [ -s "$out/measures/$1.jsonl" ] && [ -s "$out/features/$1.jsonl" ]; }
tail -n +2 "$out/zoo.tsv" | while IFS= read -r row; do finished "${row%%$'\t'*}" || echo "$row"; done > "$out/todo.tsv"
abs=$(cd "$out" && pwd)
dispatch gap-study "$abs" "$abs/todo.tsv" "$here/model.sh" "DRAWS NEURONS INPUTS TRAIN_SIZE TEST_SIZE MAX_EPOCHS NOISE LR TARGET_ACC" \
    "models/{1}.json" "models/{1}.record.jsonl" "measures/{1}.jsonl" "features/{1}.jsonl"
trained=$(date +%s)
# A job runner can report success for jobs that never ran (GNU parallel does, on a remote
# without a usable $SHELL): every network must be finished before the fit.
ids=$(tail -n +2 "$out/zoo.tsv" | cut -f1)
missing=$(for id in $ids; do finished "$id" || echo "$id"; done)
if [ -n "$missing" ]; then
    echo "run.sh: error: $(echo "$missing" | wc -l) networks are unfinished (no record, measures or features) in $out (first: $(echo "$missing" | head -1)); rerun to resume" >&2
    exit 70
fi

# One vector per network: bootstrap mean of the draws' statistics (network seed = group). Its
# meta carries the gap, the hyperparameters and the baseline measures (measure_NAME).
for id in $ids; do
    { read -r names; read -r values; } < <(tda cat --output-format csv "$out/measures/$id.jsonl")
    IFS=, read -r -a name <<< "$names"
    IFS=, read -r -a value <<< "$values"
    sets=()
    for i in "${!name[@]}"; do
        case "${name[$i]}" in id | meta.*) ;; *) sets+=(--set "measure_${name[$i]}=${value[$i]}") ;; esac
    done
    tda cat "${sets[@]}" "$out/features/$id.jsonl"
done | perslay-vec reduce --by meta.seed --op bootstrap:200 --seed 1 -o "$out/topology.jsonl"
cat "$out"/models/m*.record.jsonl > "$out/models.jsonl"

# The rows of the table: topological feature sets (Rips H0 bars are all born at 0, so H0 birth
# statistics are constant and left out), the hyperparameters, then one row per baseline
# measure. A set keeps its first ⌊networks / 6⌋ features, so that each training fold of 2-fold
# CV has at least three networks per feature (the plain statistics come before their squares).
ballester="stats.H0.sd_death stats.H0.mean_death stats.H1.sd_birth stats.H1.sd_death stats.H1.mean_birth stats.H1.mean_death"
squares() { local f; for f in $1; do printf '%s ' "${f%.*}.square_${f##*.}"; done; }
logs() { local f; for f in $1; do printf '%s ' "${f%.*}.log_${f##*.}"; done; }
h1="stats.H1.sd_birth stats.H1.sd_death stats.H1.mean_birth stats.H1.mean_death"
lives="stats.H1.mean_lifetime stats.H1.sd_lifetime stats.H0.mean_lifetime stats.H0.sd_lifetime"
midlives="stats.H1.mean_midlife stats.H1.sd_midlife stats.H0.mean_midlife stats.H0.sd_midlife"
entropy="stats.H0.entropy stats.H1.entropy"
hparams="meta.batch_size meta.dropout meta.weight_decay meta.blocks meta.filters meta.dense"
measures="train_loss margin_p10 weight_norm log_prod_fro path_norm dist_init sharpness noise_drop davies_bouldin"
rows=(topology "$ballester $(squares "$ballester")"
      h1-only "$h1 $(squares "$h1")"
      lives "$lives $(squares "$lives")"
      midlives "$midlives $(squares "$midlives")"
      log "$(logs "$ballester")"
      entropy "$entropy $(squares "$entropy")"
      hyperparameters "$hparams")
for m in $measures; do rows+=("$m" "meta.measure_$m"); done
cap=$((models / 6 > 0 ? models / 6 : 1))
features() { echo $1 | tr ' ' '\n' | head -n "$cap" | paste -sd, -; }
topo=$(features "${rows[1]}")
fit() { gap-regress fit --cv kfold:2x5 --seed 1 "$@" "$out/topology.jsonl"; }
compare() { gap-regress compare --seed 1 --features "$topo" --features-b "$1" "${@:2}" "$out/topology.jsonl" "$out/topology.jsonl"; }
# Held-out R² (mean, SD, median, min, max over the 10 folds) and mean Kendall τ of a table row.
scores() { fit "$@" --format table | awk '$1 == "r2" { r = $2 " " $3 " " $4 " " $5 " " $6 } $1 == "kendall" { k = $2 } END { print r, k }'; }

mkdir -p "$out/reports"
for ((i = 0; i < ${#rows[@]}; i += 2)); do
    fit --features "$(features "${rows[i + 1]}")" --format report > "$out/reports/${rows[i]}.jsonl"
    if [ "${rows[i]}" != topology ]; then
        # Dietterich's 5×2cv paired t-test, topology against this row, on the same folds.
        compare "$(features "${rows[i + 1]}")" --format report > "$out/reports/compare-${rows[i]}.jsonl"
    fi
done
fit --method mean --features "$topo" --format report > "$out/reports/mean.jsonl"
# PGDL's conditional mutual information of each single statistic and measure with the gap,
# conditioned on the hyperparameters.
cmi_features=($ballester $entropy)
for m in $measures; do cmi_features+=("meta.measure_$m"); done
for f in "${cmi_features[@]}"; do
    gap-regress cmi --features "$f" --hparams "$(echo $hparams | tr ' ' ,)" --format report "$out/topology.jsonl"
done > "$out/reports/cmi.jsonl"

# Figures: predicted against true gap; the topological statistic with the best held-out R²
# alone against the gap, coloured by the hyperparameter with the best held-out R² alone.
best() { local f; for f in $1; do echo "$(scores --features "$f" | cut -d' ' -f1) $f"; done | sort -g | tail -1 | cut -d' ' -f2; }
mkdir -p "$out/figures"
tda-plot -o "$out/figures/predicted-vs-true.svg" "$out/reports/topology.jsonl"
tda-plot -o "$out/figures/feature-vs-gap.svg" --x "$(best "$ballester")" --y meta.gap --label "$(best "$hparams")" "$out/topology.jsonl"
end=$(date +%s)

{
    echo "Generalization-gap study: $models CNNs, ${TRAIN_SIZE:-1000} training images, $draws draws of $neurons neurons on ${INPUTS:-1000} of them"
    echo "training: $(awk -v t="${TARGET_ACC:-0.99}" '{ n++; if ($0 ~ /"train_acc":/) { sub(/.*"train_acc":/, ""); sub(/,.*/, ""); if ($0 + 0 >= t) ok++ } } END { printf "%d of %d networks reached %s training accuracy", ok, n, t }' "$out/models.jsonl")"
    echo "time: $((trained - start)) s for the networks, $((end - start)) s in all ($jobs jobs, $(nproc) cores)"
    echo
    echo "held-out R² over 2 folds × 5 repeats (OLS with intercept; at most $cap features per row), mean Kendall τ:"
    printf '%-16s %-3s %s\n' "features" "n" "$(printf '%-9s' mean sd median min max tau)"
    for ((i = 0; i < ${#rows[@]}; i += 2)); do
        f=$(features "${rows[i + 1]}")
        printf '%-16s %-3s %s\n' "${rows[i]}" "$(echo "$f" | tr , '\n' | wc -l)" "$(scores --features "$f" | xargs printf '%-9s')"
    done
    printf '%-16s %-3s %s\n' "mean" "0" "$(scores --method mean --features "$topo" | xargs printf '%-9s')"
    echo
    echo "Dietterich's 5×2cv t-test, topology against each row (df 5; t > 0: topology better):"
    for ((i = 2; i < ${#rows[@]}; i += 2)); do
        compare "$(features "${rows[i + 1]}")" --format table \
            | awk -v name="${rows[i]}" '$1 == "t" { t = $2 } $1 == "p" { p = $2 } END { printf "  %-16s t = %-8s p = %s\n", name, t, p }'
    done
    echo
    echo "conditional mutual information with the gap given the hyperparameters (PGDL):"
    for f in "${cmi_features[@]}"; do
        printf '  %-28s %s\n' "${f#meta.measure_}" "$(gap-regress cmi --features "$f" --hparams "$(echo $hparams | tr ' ' ,)" --format table "$out/topology.jsonl" | awk '$1 == "cmi" { print $2 }')"
    done
} | tee "$out/summary.txt"
