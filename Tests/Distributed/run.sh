#!/usr/bin/env bash
# make test-distributed: the gap study on a real two-node Slurm cluster and over ssh to two
# hosts, all on this machine. Each node/host is a network namespace on a bridge (10.231.0.0/24)
# with its own slurmd and sshd; slurmctld and munged run beside them. The demo zoo runs locally,
# as Slurm arrays (MaxArraySize lowered to 5, fewer than the networks) and over ssh with and
# without a shared file system (private tmpfs over the output and scripts on each host); every
# run must give byte-identical features and the same report, use both nodes or hosts, and
# resume without redoing a finished network. Only the test's own addresses are contacted.
#
#   Tests/Distributed/run.sh BIN      BIN: the folder of the release tools
#
# Needs root and the Debian packages slurmctld slurmd slurm-client munge openssh-server
# openssh-client parallel rsync iproute2 (the Makefile target installs them). Everything it starts is
# stopped by PID and the namespaces and bridge are removed on exit, also on failure.
set -euo pipefail
say() { echo "test-distributed: $*" >&2; }
fail() { say "error: $*"; exit 70; }
[ $# = 1 ] && [ -x "$1/nn-train" ] || { say "error: usage: $0 BIN (BIN: the folder of the release tools)"; exit 64; }
[ "$(id -u)" = 0 ] || { say "error: needs root (network namespaces, Slurm and ssh daemons)"; exit 77; }
for tool in slurmctld slurmd sbatch munged mungekey /usr/sbin/sshd ssh-keygen parallel rsync nsenter unshare ip make; do
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

# ssh: an sshd per node with a key of the test's; the folders ssh-private (an output folder)
# and scripts (a copy of the study's scripts) are private tmpfs on each host (the case
# without a shared file system), and the hosts' /usr/local/bin holds the tools as
# `make install` puts them there.
make -C "$repo" install DESTDIR="$work/install" PREFIX=/usr/local > "$work/logs/make-install" 2>&1 || fail "make install failed"
mkdir -p "$work/ssh" "$work/ssh-private" "$work/scripts" /run/sshd
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
    innode "$node" sshd "mount -t tmpfs tmpfs $work/ssh-private && mount -t tmpfs tmpfs $work/scripts && mount --bind $work/install/usr/local/bin /usr/local/bin && exec /usr/sbin/sshd -D -f $work/ssh/sshd_config -o PidFile=$work/ssh/$node.pid"
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

# The demo zoo, small (the sizes of the documentation tests).
export GAP_STUDY_MODELS=12 GAP_STUDY_DRAWS=2 GAP_STUDY_NEURONS=60 GAP_STUDY_INPUTS=100
export GAP_STUDY_TRAIN_SIZE=200 GAP_STUDY_TEST_SIZE=200 GAP_STUDY_MAX_EPOCHS=3
ids=$(awk -v corners=1 -f "$repo/examples/gap-study/zoo.awk" | sed -n "2,$((GAP_STUDY_MODELS + 1))p" | cut -f1)
# launch NAME OPTION...: starts the study (the script in $scripts) into NAME in a process group
# of its own, its messages into logs/study-NAME; study NAME OPTION... runs it to the end.
scripts=$repo/examples/gap-study
launch() {
    local name=$1; shift
    setsid "$scripts/run.sh" --demo --out "$work/$name" "$@" > /dev/null 2>> "$work/logs/study-$name" & launched=$!
    started "-$launched"
}
study() { launch "$@"; wait $launched || fail "$1: the study failed (exit $?)"; }
# Same features and measures of every network, and the same report, as the local run.
same() {
    for id in $ids; do
        for file in measures/$id.jsonl features/$id.jsonl; do
            cmp -s "$work/local/$file" "$work/$1/$file" || fail "$1: $file differs from the local run's"
        done
    done
    diff <(grep -v '^time:' "$work/local/summary.txt") <(grep -v '^time:' "$work/$1/summary.txt") >&2 || fail "$1: the report differs from the local run's"
}
# interrupted NAME SIGNAL OPTION...: starts the study, stops it with SIGNAL (sent to its process
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

study local --jobs 2
say "local run done after ${SECONDS} s"

# Slurm: interrupted (run.sh cancels its arrays), then resumed with the unfinished networks
# only, more of them than MaxArraySize (5), so in two arrays or more; each task logs its node.
interrupted slurm TERM --slurm --time 5 --mem 100M
ls "$work/slurm/logs" > "$work/slurm.logs"
study slurm --slurm --time 5 --mem 100M
resumed slurm
same slurm
new=$(ls "$work/slurm/logs" | grep -vxFf "$work/slurm.logs")
[ "$(echo "$new" | wc -l)" = "$(cat "$work/slurm.left")" ] || fail "slurm: the resumed study did not submit exactly the $(cat "$work/slurm.left") unfinished networks"
[ "$(echo "$new" | sed 's/_.*//' | sort -u | wc -l)" -ge 2 ] || fail "slurm: $(cat "$work/slurm.left") networks went out in one array, above MaxArraySize"
for node in $nodes; do grep -qx "slurm.sbatch: network m[0-9]* on $node" "$work"/slurm/logs/* || fail "slurm: node $node ran no network"; done
say "Slurm runs done after ${SECONDS} s"

# ssh with a shared file system, the tools off the hosts' PATH (--remote-bin): both hosts work.
study ssh --sshlogin 1/n1,1/n2 --remote-bin "$bin"
same ssh
[ "$(awk -F'\t' 'NR > 1 { print $2 }' "$work/ssh/logs/ssh-jobs.tsv" | sort -u | xargs)" = "n1 n2" ] || fail "ssh: not both hosts ran networks"
# ssh without one, the tools installed on the hosts' PATH: the hosts see neither the study's
# scripts nor its output folder; each writes into its private tmpfs and the files come back.
# Killed, the study resumes with the networks not yet back.
cp "$repo"/examples/gap-study/* "$work/scripts/"
scripts=$work/scripts
interrupted ssh-private KILL --sshlogin 1/n1,1/n2 --no-shared-fs
study ssh-private --sshlogin 1/n1,1/n2 --no-shared-fs
resumed ssh-private
same ssh-private
[ $(($(wc -l < "$work/ssh-private/logs/ssh-jobs.tsv") - 1)) = "$(cat "$work/ssh-private.left")" ] || fail "ssh-private: the resumed study did not dispatch exactly the unfinished networks"
say "ssh runs done; passed in ${SECONDS} s"
