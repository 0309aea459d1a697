#!/usr/bin/env bash
# Makes, in the current directory, every file the EXAMPLES of the man pages and the README's
# command blocks name (m.json, diagrams.jsonl, iris.csv, …), small, with the tools themselves
# (and NumPy for the .npy), so that DocumentationExampleTests can run each example as written.
set -euo pipefail
nn-train fit --arch dense:64,relu,dense:64,relu,dense:2 --epochs 3 -o m.json > model.jsonl
nn-train fit --dataset images --arch conv:4x3:p1,relu,maxpool:2,conv:8x3,relu,maxpool:2,flatten,dense:3 \
  --epochs 1 --train-size 64 --test-size 32 -o cnn.json > /dev/null
nn-train fit --dataset digits --arch dense:64,relu,dense:10 --epochs 1 -o digits.json > /dev/null
nn-train export --model digits.json -o net.safetensors
nn-train fit --arch dense:8,relu,dense:2 --epochs 3 --log -o logged.json > log.jsonl
nn-train data --train-size 300 --test-size 100 > probe.jsonl

# A zoo of thirty networks of three depths and training-set sizes (so their gaps spread), their
# neuron diagrams, statistics per network (all, and of H1 only) and a train-loss baseline.
mkdir -p zoo
for s in $(seq 1 30); do
  depth=$(( s % 3 + 1 )); arch=$(for _ in $(seq $depth); do printf 'dense:16,relu,'; done)dense:2
  nn-train fit --arch "$arch" --epochs 4 --train-size $(( 100 * (s % 5 + 3) )) --seed "$s" -o "zoo/m$s.json"
done > zoo/models.jsonl
nn-activations --inputs 100 --points neurons < zoo/models.jsonl > zoo.jsonl
nn-activations --inputs 100 --points neurons --neurons 12 --draws 3 --allow-fewer -q < zoo/models.jsonl \
  | ph-rips --metric abs-correlation > diagrams.jsonl
perslay-vec stats diagrams.jsonl | perslay-vec reduce --by meta.model > topology.jsonl
perslay-vec --dims 1 stats diagrams.jsonl | perslay-vec reduce --by meta.model | tee features.jsonl > topo.jsonl
jq -c '{type: "vector", id: .id, values: [.meta.train_loss], names: ["train_loss"], meta: .meta}' zoo/models.jsonl > baseline.jsonl

# Clouds: samples of one layer, neurons of a model, a plain one, and files for Python.
nn-activations --model m.json --layers dense2 --inputs 150 > acts.jsonl
nn-activations --model m.json --points neurons --inputs 100 > neurons.jsonl
nn-activations --model m.json --layers dense1 --inputs 60 > cloud.jsonl
cp cloud.jsonl c.jsonl
python3 - <<'PY'
import json
import numpy as np
rng = np.random.default_rng(1)
np.save("x.npy", rng.normal(size=(120, 3)))
np.savetxt("points.csv", rng.normal(size=(40, 2)), delimiter=",", fmt="%.6f")
np.savetxt("probe.csv", rng.normal(size=(200, 2)), delimiter=",", fmt="%.6f")
classes = rng.integers(0, 3, size=150)
features = rng.normal(size=(150, 4)) + classes[:, None]
np.savetxt("iris.csv", np.column_stack([classes, features]), delimiter=",", fmt="%.4g")
with open("v.jsonl", "w") as f:
    print(json.dumps({"type": "vector", "id": "v", "values": [round(float(v), 4) for v in rng.random(400)]}), file=f)
PY

# Graphs for ph-graph: a 5-cycle, a path and the house, with classes.
cat > graphs.jsonl <<'JSONL'
{"type":"graph","id":"cycle","nodes":5,"links":[[0,1],[1,2],[2,3],[3,4],[4,0]],"y":0}
{"type":"graph","id":"path","nodes":4,"links":[[0,1],[1,2],[2,3]],"y":1}
{"type":"graph","id":"house","nodes":5,"links":[[0,1],[1,2],[2,3],[3,0],[2,4],[3,4]],"y":0}
JSONL
# A TU data set of two graphs (a triangle and an edge), as the TU text format lays it out.
mkdir -p tu
printf '1, 2\n2, 1\n2, 3\n3, 2\n1, 3\n3, 1\n4, 5\n5, 4\n' > tu/MINI_A.txt
printf '1\n1\n1\n2\n2\n' > tu/MINI_graph_indicator.txt
printf '1\n0\n' > tu/MINI_graph_labels.txt

# host1 and host2 of the --sshlogin examples: an ssh that runs the command on this machine.
mkdir -p fake-hosts
cat > fake-hosts/ssh <<'SH'
#!/usr/bin/env bash
# ssh [OPTIONS] HOST COMMAND...: skip the options and the host, run the command here, with
# the login shell in SHELL as sshd sets it (GNU parallel's remote wrapper runs jobs with $SHELL).
export SHELL="$(getent passwd "$(id -u)" | cut -d: -f7)"
[ -x "$SHELL" ] || SHELL=/bin/sh
while [ $# -gt 0 ]; do case "$1" in -o|-p|-l|-i|-F) shift 2 ;; -*) shift ;; *) shift; break ;; esac; done
[ "${1-}" = -- ] && shift
exec bash -c "$*"
SH
chmod +x fake-hosts/ssh
