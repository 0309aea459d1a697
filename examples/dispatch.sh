# The per-network work of a study on this machine, on a Slurm cluster or over ssh: the engine
# options every study script takes and `dispatch`, which runs a script once per line of a TSV.
# Sourced by examples/*/run.sh, which set `jobs` (networks at once on this machine).
#
#   --slurm               Slurm job arrays (slurm.sbatch) of at most the cluster's MaxArraySize
#                         tasks, submitted with sbatch --wait; logs in OUT/logs
#   --partition P --time T --mem M --cpus N
#                         per task (defaults: the cluster's partition, 1:00:00, 1G, 1)
#   --sshlogin LOGINS     GNU parallel --sshlogin, OUT on a shared file system at the same path
#   --no-shared-fs        with --sshlogin: the script goes out by rsync, the results come back
#   --remote-bin DIR      the tools' directory on the nodes or hosts, when not on their PATH
#                         (TDA_BIN; the per-network scripts put it first on PATH)
slurm=0 sshlogin="" shared=1 partition="" time=1:00:00 mem=1G cpus=1

# dispatch_option ARG...: takes the engine option at the head of ARG; sets dispatch_took to the
# number of arguments it used (0: not an engine option).
dispatch_option() {
    dispatch_took=2
    case "$1" in
        --slurm) slurm=1 dispatch_took=1 ;;
        --no-shared-fs) shared=0 dispatch_took=1 ;;
        --sshlogin|--remote-bin|--partition|--time|--mem|--cpus)
            [ $# -ge 2 ] || { echo "run.sh: error: $1 needs a value (try --help)" >&2; exit 64; }
            case "$1" in
                --sshlogin) sshlogin=$2 ;;
                --remote-bin) export TDA_BIN=$2 ;;
                --partition) partition=$2 ;;
                --time) time=$2 ;;
                --mem) mem=$2 ;;
                --cpus) cpus=$2 ;;
            esac ;;
        *) dispatch_took=0 ;;
    esac
}

# dispatch_check: the engine options agree, and the engine's programs are on PATH.
dispatch_check() {
    [[ "$cpus" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: error: --cpus '$cpus' is not a positive whole number" >&2; exit 64; }
    [ $slurm = 1 ] && [ -n "$sshlogin" ] && { echo "run.sh: error: --slurm and --sshlogin exclude each other" >&2; exit 64; }
    [ $shared = 1 ] || [ -n "$sshlogin" ] || { echo "run.sh: error: --no-shared-fs needs --sshlogin" >&2; exit 64; }
    local needs=() tool
    [ $slurm = 1 ] && needs=(sbatch scontrol scancel)
    [ -n "$sshlogin" ] && needs=(parallel $([ $shared = 1 ] || echo rsync))
    for tool in "${needs[@]}"; do
        command -v "$tool" >/dev/null || { echo "run.sh: error: $tool is not on PATH (needed by --slurm or --sshlogin)" >&2; exit 69; }
    done
}

# dispatch_engine: says where the work goes, for the study's progress line.
dispatch_engine() {
    if [ $slurm = 1 ]; then echo Slurm; elif [ -n "$sshlogin" ]; then echo "$sshlogin"; else echo "$jobs jobs"; fi
}

# dispatch NAME OUT TODO SCRIPT ENV RETURNS...: runs `SCRIPT OUT COLUMNS...` for every line of
# TODO (a TSV, the network's id first; OUT and TODO absolute) and waits. ENV: the variables
# SCRIPT reads, sent to ssh hosts when set (Slurm tasks get the whole environment). RETURNS:
# the files under OUT that a network makes, {1} for its id, brought back from hosts without a
# shared file system. NAME names the Slurm jobs. Fails (70) when a Slurm array does.
dispatch() {
    local name=$1 out=$2 todo=$3 script=$4 env=$5; shift 5
    [ -s "$todo" ] || return 0
    local columns
    columns=$(head -1 "$todo" | awk -F'\t' '{ for (i = 1; i <= NF; i++) printf "{%d} ", i }')
    if [ $slurm = 1 ]; then
        # Arrays of at most MaxArraySize tasks (task indices stop below it), submitted at once;
        # sbatch --wait returns the highest exit code of its tasks. Interrupted, the study
        # cancels its arrays, so that a rerun submits each unfinished network once.
        local max job="tda-$name-$$" lines first waits=() pid failed=0
        max=$(scontrol show config | awk '$1 == "MaxArraySize" { print $3 }')
        [[ "$max" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: error: no MaxArraySize in scontrol show config" >&2; exit 69; }
        mkdir -p "$out/logs"
        trap 'scancel --name "'"$job"'"; exit 130' INT TERM HUP
        lines=$(wc -l < "$todo")
        for ((first = 0; first < lines; first += max)); do
            sbatch --wait --quiet --job-name "$job" --array "0-$(((lines - first < max ? lines - first : max) - 1))" \
                --export "ALL,DISPATCH_SCRIPT=$script,DISPATCH_OUT=$out,DISPATCH_TODO=$todo,DISPATCH_FIRST=$first" \
                --output "$out/logs/slurm-%A_%a.log" --time "$time" --mem "$mem" --cpus-per-task "$cpus" \
                ${partition:+--partition "$partition"} "$(dirname "${BASH_SOURCE[0]}")/slurm.sbatch" &
            waits+=($!)
        done
        for pid in "${waits[@]}"; do wait "$pid" || failed=1; done
        trap - INT TERM HUP
        [ $failed = 0 ] || { echo "run.sh: error: a Slurm array job of the study failed (logs in $out/logs); rerun to resume" >&2; exit 70; }
    elif [ -n "$sshlogin" ]; then
        # Without a shared file system the script goes out first and each network's files come
        # back (no --cleanup: it races with the host's other jobs, and files left there let a
        # rerun on that host skip the work).
        mkdir -p "$out/logs"
        local args=(--sshlogin "$sshlogin" --joblog "$out/logs/ssh-jobs.tsv") variable file
        for variable in $env TDA_BIN; do [ -n "${!variable:-}" ] && args+=(--env "$variable"); done
        if [ $shared = 0 ]; then
            args+=(--basefile "$script")
            for file in "$@"; do args+=(--return "$out/$file"); done
        fi
        parallel --colsep '\t' "${args[@]}" "$script" "$out" $columns < "$todo"
    elif command -v parallel >/dev/null && parallel --version 2>/dev/null | grep -q GNU; then
        parallel --colsep '\t' -j "$jobs" "$script" "$out" $columns < "$todo"
    else
        xargs -P "$jobs" -L 1 "$script" "$out" < "$todo"
    fi
}
