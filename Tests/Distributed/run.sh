#!/usr/bin/env bash
# make test-distributed: the studies on a real two-node Slurm cluster and over ssh to two hosts,
# all on this machine. Each node/host is a network namespace on a bridge (10.231.0.0/24) with
# its own slurmd and sshd; slurmctld and munged run beside them. The gap study's demo zoo and
# the CNN topology study's quick form run locally, as Slurm arrays (MaxArraySize lowered to 5,
# fewer than the networks) and over ssh with and without a shared file system (a private tmpfs
# over the scripts and output folders on each host). Every run must give byte-identical
# per-network results and the same report; the gap study must also use both nodes or hosts,
# and resume without redoing a finished network. Only the test's own addresses are contacted.
#
#   Tests/Distributed/run.sh BIN      BIN: the folder of the release tools
#
# Needs root and the Debian packages slurmctld slurmd slurm-client munge openssh-server
# openssh-client parallel rsync iproute2 jq (the Makefile target installs them). Everything it
# starts is stopped by PID and the namespaces and bridge are removed on exit, also on failure.
set -euo pipefail
say() { echo "test-distributed: $*" >&2; }
fail() { say "error: $*"; exit 70; }
[ $# = 1 ] && [ -x "$1/nn-train" ] || { say "error: usage: $0 BIN (BIN: the folder of the release tools)"; exit 64; }
[ "$(id -u)" = 0 ] || { say "error: needs root (network namespaces, Slurm and ssh daemons)"; exit 77; }
for tool in slurmctld slurmd sbatch munged mungekey /usr/sbin/sshd ssh-keygen parallel rsync nsenter unshare ip make jq; do
    command -v "$tool" >/dev/null || { say "error: $tool is missing (make test-distributed installs it)"; exit 69; }
done
bin=$(cd "$1" && pwd) repo=$(cd "$(dirname "$0")/../.." && pwd)
export PATH="$bin:$PATH"
net=10.231.0 nodes="n1 n2" work=/tmp/tda-test-distributed

# Teardown, also of what a killed earlier run left. What the test started (daemons by PID,
# studies by -PGID, listed in pids) if it is still the test's (its command line or environment
# names the work folder): TERM, then KILL after 5 s. Then whatever is left in the namespaces
# (job steps outlive their slurmd), the namespaces, the bridge and the folder.
ours() { grep -qsF "$work" "/proc/${1#-}/cmdline" "/proc/${1#-}/environ"; }
teardown() {
    local status=$? pid left
    # On failure, what the daemons and studies said last.
    [ $status = 0 ] || [ ! -d "$work/logs" ] || tail -n 5 "$work"/logs/* >&2 || true
    if [ -f "$work/pids" ]; then
        for pid in $(cat "$work/pids"); do ours "$pid" && kill -- "$pid" 2>/dev/null; done
        for pid in $(cat "$work/pids"); do
            for _ in $(seq 50); do kill -0 -- "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 -- "$pid" 2>/dev/null || true
        done
    fi
    for _ in $(seq 50); do
        left=$(for node in $nodes; do ip netns pids "tdad-$node" 2>/dev/null || true; done)
        [ -z "$left" ] && break
        kill -9 $left 2>/dev/null || true
        sleep 0.1
    done
    for node in $nodes; do ip netns del "tdad-$node" 2>/dev/null || true; done
    ip link del tdad-br0 2>/dev/null || true
    rm -rf "$work"
}
teardown
trap teardown EXIT
mkdir -p "$work/logs"
chmod 755 "$work"
started() { echo "$1" >> "$work/pids"; }

# The network: a bridge on this side, one namespace per node with a veth on it.
ip link add tdad-br0 type bridge
ip addr add "$net.1/24" dev tdad-br0
ip link set tdad-br0 up
i=10
for node in $nodes; do
    i=$((i + 1))
    ip netns add "tdad-$node"
    ip link add "tdad-$node" type veth peer name eth0 netns "tdad-$node"
    ip link set "tdad-$node" master tdad-br0 up
    ip -n "tdad-$node" addr add "$net.$i/24" dev eth0
    ip -n "tdad-$node" link set eth0 up
    ip -n "tdad-$node" link set lo up
    echo "$net.$i $node" >> "$work/hosts"
done
# daemon NAME COMMAND...: starts a daemon in the foreground, its output into logs/NAME.
# innode NODE NAME SCRIPT: a daemon in NODE's namespace, with NODE as hostname and mounts of
# its own (nsenter --net, as `ip netns exec` remounts /sys, which slurmd does not survive).
daemon() { local name=$1; shift; "$@" > "$work/logs/$name" 2>&1 & started $!; }
innode() { daemon "$1-$2" nsenter --net="/run/netns/tdad-$1" unshare --uts --mount --propagation private sh -c "hostname $1; $3"; }

# Slurm: munged with its own key and socket, slurmctld here, a slurmd per node.
mkdir -p "$work/munge" "$work/slurm"
mungekey --create --keyfile "$work/munge/munge.key"
chown -R munge:munge "$work/munge"
chmod 755 "$work/munge"
daemon munged setpriv --reuid munge --regid munge --init-groups munged --foreground --socket "$work/munge/socket" \
    --key-file "$work/munge/munge.key" --pid-file "$work/munge/pid" --log-file "$work/munge/log" \
    --seed-file "$work/munge/seed"
export SLURM_CONF="$work/slurm/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=tdatest
SlurmctldHost=$(hostname -s)($net.1)
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/socket
CredType=cred/munge
SlurmctldPort=16817
SlurmdPort=16818
StateSaveLocation=$work/slurm/state
SlurmdSpoolDir=$work/slurm/spool-%n
SlurmctldPidFile=$work/slurm/slurmctld.pid
SlurmdPidFile=$work/slurm/slurmd-%n.pid
SlurmctldLogFile=$work/slurm/slurmctld.log
SlurmdLogFile=$work/slurm/slurmd-%n.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0,sched_interval=1
SlurmdParameters=config_overrides
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
MaxArraySize=5
NodeName=n1 NodeAddr=$net.11 CPUs=1 RealMemory=2048
NodeName=n2 NodeAddr=$net.12 CPUs=1 RealMemory=2048
PartitionName=test Nodes=n1,n2 Default=YES MaxTime=INFINITE State=UP
CONF
for _ in $(seq 50); do [ -S "$work/munge/socket" ] && break; sleep 0.1; done
mkdir -p "$work/slurm/state" "$work/slurm/spool-n1" "$work/slurm/spool-n2"
daemon slurmctld slurmctld -D -c -i
for node in $nodes; do innode "$node" slurmd "exec slurmd -D -N $node"; done

# ssh: an sshd per node with a key of the test's; the folder private (for a copy of the
# studies' scripts and their output folders) is a private tmpfs on each host (the case without
# a shared file system), and the hosts' /usr/local/bin holds the tools as `make install` puts
# them there.
make -C "$repo" install DESTDIR="$work/install" PREFIX=/usr/local > "$work/logs/make-install" 2>&1 || fail "make install failed"
mkdir -p "$work/ssh" "$work/private/examples" /run/sshd
ssh-keygen -q -t ed25519 -N "" -f "$work/ssh/host"
ssh-keygen -q -t ed25519 -N "" -f "$work/ssh/id"
cp "$work/ssh/id.pub" "$work/ssh/authorized_keys"
cat > "$work/ssh/sshd_config" <<CONF
HostKey $work/ssh/host
AuthorizedKeysFile $work/ssh/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
CONF
{
    while read -r address node; do printf 'Host %s\n  HostName %s\n' "$node" "$address"; done < "$work/hosts"
    printf 'Host *\n  User root\n  IdentityFile %s\n  IdentitiesOnly yes\n  BatchMode yes\n' "$work/ssh/id"
    printf '  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n  LogLevel ERROR\n'
} > "$work/ssh/config"
for node in $nodes; do
    innode "$node" sshd "mount -t tmpfs tmpfs $work/private && mount --bind $work/install/usr/local/bin /usr/local/bin && exec /usr/sbin/sshd -D -f $work/ssh/sshd_config -o PidFile=$work/ssh/$node.pid"
done
export PARALLEL_SSH="ssh -F $work/ssh/config"

# Ready: both nodes idle, both sshds answer.
for _ in $(seq 100); do
    [ "$(sinfo -h -o '%t' -N 2>/dev/null | grep -c idle)" = 2 ] && break; sleep 0.2
done
[ "$(sinfo -h -o '%t' -N | grep -c idle)" = 2 ] || fail "the Slurm nodes did not come up: $(sinfo -N 2>&1 | tr '\n' ' ')"
for node in $nodes; do
    for _ in $(seq 50); do $PARALLEL_SSH "$node" true 2>/dev/null && break; sleep 0.1; done
    [ "$($PARALLEL_SSH "$node" hostname)" = "$node" ] || fail "no ssh to $node"
done
say "cluster up after ${SECONDS} s"

# The gap study's demo zoo, small (the sizes of the documentation tests), and the CNN
# topology study's quick form with three networks.
export GAP_STUDY_MODELS=12 GAP_STUDY_DRAWS=2 GAP_STUDY_NEURONS=60 GAP_STUDY_INPUTS=100
export GAP_STUDY_TRAIN_SIZE=200 GAP_STUDY_TEST_SIZE=200 GAP_STUDY_MAX_EPOCHS=3
ids=$(awk -v corners=1 -f "$repo/examples/gap-study/zoo.awk" | sed -n "2,$((GAP_STUDY_MODELS + 1))p" | cut -f1)
gap=("$repo/examples/gap-study/run.sh" --demo)
cnn=("$repo/examples/cnn-topology/run.sh" --quick --seeds 3)
# launch NAME COMMAND...: starts a study into the folder NAME in a process group of its own,
# its messages into logs/study-NAME; study NAME COMMAND... runs it to the end.
launch() {
    setsid "${@:2}" --out "$work/$1" > /dev/null 2>> "$work/logs/study-${1//\//-}" & launched=$!
    started "-$launched"
}
study() { launch "$@"; wait $launched || fail "$1: the study failed (exit $?)"; }
# same REFERENCE NAME FILE...: the files of the study in NAME are byte-identical to those in
# REFERENCE, and so is its report (summary.txt or summary.md) but for the timings.
report() { sed -e '/^time:/d' -e '/^## Timings/,$d' "$work/$1"/summary.*; }
same() {
    local reference=$1 name=$2 file; shift 2
    for file in "$@"; do cmp -s "$work/$reference/$file" "$work/$name/$file" || fail "$name: $file differs from $reference"; done
    diff <(report "$reference") <(report "$name") >&2 || fail "$name: the report differs from $reference's"
}
features=$(for id in $ids; do echo "measures/$id.jsonl features/$id.jsonl"; done)
trained="models.jsonl diagrams.jsonl diagrams-unit.jsonl graphs.jsonl"
# interrupted NAME SIGNAL COMMAND...: starts the study, stops it with SIGNAL (sent to its process
# group) once 4 networks are finished, and lists the finished networks' files with their
# inodes in NAME.kept; `resumed NAME` afterwards checks that they were not made again.
interrupted() {
    local name=$1 signal=$2; shift 2
    launch "$name" "$@"
    local pid=$launched
    for _ in $(seq 600); do [ "$(ls "$work/$name/features" 2>/dev/null | grep -c 'jsonl$')" -ge 4 ] && break; sleep 0.1; done
    kill "-$signal" -- "-$pid"
    wait "$pid" 2>/dev/null && fail "$name: the study was not interrupted"
    for _ in $(seq 100); do [ -z "$(squeue -h)" ] && break; sleep 0.1; done
    [ -z "$(squeue -h)" ] || fail "$name: jobs left in the queue after the interruption: $(squeue -h | tr '\n' ' ')"
    local finished
    finished=$(cd "$work/$name" && for id in $ids; do
        [ -s "models/$id.record.jsonl" ] && [ -s "measures/$id.jsonl" ] && [ -s "features/$id.jsonl" ] && echo "$id" || true
    done)
    [ "$(echo "$finished" | wc -l)" -lt "$GAP_STUDY_MODELS" ] || fail "$name: the study finished before it was interrupted"
    (cd "$work/$name" && for id in $finished; do ls -i "models/$id.record.jsonl" "measures/$id.jsonl" "features/$id.jsonl"; done) > "$work/$name.kept"
    echo $((GAP_STUDY_MODELS - $(echo "$finished" | wc -l))) > "$work/$name.left"
}
resumed() {
    diff <(sort -k2 "$work/$1.kept") <(cd "$work/$1" && ls -i $(awk '{ print $2 }' "$work/$1.kept") | sort -k2) >&2 || fail "$1: the resumed study made finished networks again"
}

study gap "${gap[@]}" --jobs 2
study cnn "${cnn[@]}" --jobs 2
say "local runs done after ${SECONDS} s"

# Slurm: interrupted (run.sh cancels its arrays), then resumed with the unfinished networks
# only, more of them than MaxArraySize (5), so in two arrays or more; each task logs its node.
interrupted slurm-gap TERM "${gap[@]}" --slurm --time 5 --mem 100M
ls "$work/slurm-gap/logs" > "$work/slurm-gap.logs"
study slurm-gap "${gap[@]}" --slurm --time 5 --mem 100M
resumed slurm-gap
same gap slurm-gap $features
new=$(ls "$work/slurm-gap/logs" | grep -vxFf "$work/slurm-gap.logs")
[ "$(echo "$new" | wc -l)" = "$(cat "$work/slurm-gap.left")" ] || fail "slurm-gap: the resumed study did not submit exactly the $(cat "$work/slurm-gap.left") unfinished networks"
[ "$(echo "$new" | sed 's/_.*//' | sort -u | wc -l)" -ge 2 ] || fail "slurm-gap: $(cat "$work/slurm-gap.left") networks went out in one array, above MaxArraySize"
for node in $nodes; do grep -qx "slurm.sbatch: network m[0-9]* on $node" "$work"/slurm-gap/logs/* || fail "slurm-gap: node $node ran no network"; done
study slurm-cnn "${cnn[@]}" --slurm --time 5 --mem 100M
same cnn slurm-cnn $trained
say "Slurm runs done after ${SECONDS} s"

# ssh with a shared file system, the tools off the hosts' PATH (--remote-bin): both hosts work.
study ssh-gap "${gap[@]}" --sshlogin 1/n1,1/n2 --remote-bin "$bin"
same gap ssh-gap $features
[ "$(awk -F'\t' 'NR > 1 { print $2 }' "$work/ssh-gap/logs/ssh-jobs.tsv" | sort -u | xargs)" = "n1 n2" ] || fail "ssh-gap: not both hosts ran networks"
# ssh without one, the tools installed on the hosts' PATH: the hosts see neither the studies'
# scripts nor their output folders; each writes into its private tmpfs and the files come
# back. Killed, the gap study resumes with the networks not yet back.
cp -R "$repo/examples/." "$work/private/examples/"
gap=("$work/private/examples/gap-study/run.sh" --demo)
cnn=("$work/private/examples/cnn-topology/run.sh" --quick --seeds 3)
interrupted private/gap KILL "${gap[@]}" --sshlogin 1/n1,1/n2 --no-shared-fs
study private/gap "${gap[@]}" --sshlogin 1/n1,1/n2 --no-shared-fs
resumed private/gap
same gap private/gap $features
[ $(($(wc -l < "$work/private/gap/logs/ssh-jobs.tsv") - 1)) = "$(cat "$work/private/gap.left")" ] || fail "private/gap: the resumed study did not dispatch exactly the unfinished networks"
study private/cnn "${cnn[@]}" --sshlogin 1/n1,1/n2 --no-shared-fs
same cnn private/cnn $trained
say "ssh runs done; passed in ${SECONDS} s"
