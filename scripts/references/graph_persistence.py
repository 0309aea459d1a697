#!/usr/bin/env python3
"""Golden fixtures for ph-graph's graph persistence, made with gudhi's SimplexTree.

Run:  python3 -m venv /tmp/venv-graph && /tmp/venv-graph/bin/pip install gudhi networkx numpy scipy
      /tmp/venv-graph/bin/python scripts/references/graph_persistence.py PERSLAY_CHECKOUT
Writes Tests/TDAKitTests/Fixtures/graphs/atlas.jsonl.gz: one line per graph of networkx's graph atlas
(all 1253 graphs with at most 7 nodes), with its links and, per vertex function, gudhi's diagrams as
six flat lists: H0 essential births, H1 essential births, then Ord0, Rel1, Ext0, Ext1 as
[b0, d0, b1, d1, ...]. Gzipped (mtime 0, so reruns give the same bytes), about 150 KB.

and Tests/TDAKitTests/Fixtures/graphs/mutag.jsonl.gz: the 188 MUTAG graphs of PersLay's tutorial
data (github.com/MathieuCarriere/perslay, the same files scripts/gen_graph_data.py ships), in gid
order, under degree and hks:10 (PersLay's MUTAG filtration), without their links (the test reads
the shipped set).

Vertex functions (the Swift test recomputes each from the links):
- degree;
- hks:0.1 and hks:10, PersLay's heat kernel signature (scipy's normalized Laplacian, numpy's eigh);
- ties: (7v + 3g) mod 3 for vertex v of atlas graph g, many equal values.

Diagrams, as PersLay's experiments build them: vertices at f, edges at the larger end
(make_filtration_non_decreasing), then
- ordinary: persistence(persistence_dim_max=True), so H1 (the top dimension of a graph) is
  computed too; gudhi's default skips it;
- extended: extend_filtration() and extended_persistence(), the four lists Ord0, Rel1, Ext0, Ext1
  with each point written (min, max) (gudhi gives Rel1 and Ext1 with birth > death).
Values are written with 10 significant digits to keep the file small (see `short`).
"""
import glob
import gzip
import json
import re
import os
import sys

import gudhi
import networkx as nx
import numpy as np
import scipy
import scipy.io
from scipy.sparse import csgraph

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "TDAKitTests", "Fixtures", "graphs")
SOURCE = (f"scripts/references/graph_persistence.py; gudhi {gudhi.__version__}, networkx {nx.__version__}, "
          f"numpy {np.__version__}, scipy {scipy.__version__}")


def short(x):
    """10 significant digits (the test's tolerance is 1e-9 on values of order 1); whole numbers as integers."""
    if x == float("inf"):
        return None
    y = float(f"{x:.10g}")
    return int(y) if y == int(y) else y


def flat(points):
    """Points sorted and flattened to [b0, d0, b1, d1, ...]."""
    return [x for p in sorted(points) for x in p]


def hks(n, edges, t):
    A = np.zeros((n, n))
    for a, b in edges:
        A[a, b] = A[b, a] = 1
    L = csgraph.laplacian(A, normed=True)
    values, vectors = np.linalg.eigh(L)
    return np.square(vectors).dot(np.diag(np.exp(-t * values))).sum(axis=1)


def lower_star(n, edges, f):
    st = gudhi.SimplexTree()
    for v in range(n):
        st.insert([v], filtration=float(f[v]))
    for a, b in edges:
        st.insert([a, b], filtration=float(max(f[a], f[b])))
    return st


def diagrams(n, edges, f):
    """[H0 essential births, H1 essential births, Ord0, Rel1, Ext0, Ext1], flat. Ordinary H0's
    finite points are Ord0's (checked here, up to points of persistence ≤ 1e-9 that rounding noise
    in tied HKS values makes appear in one and not the other), so they are stored once."""
    st = lower_star(n, edges, f)
    h0, h0_essential, h1_essential = [], [], []
    for dim, (b, d) in st.persistence(persistence_dim_max=True):
        assert dim == 0 or d == float("inf")
        if d == float("inf"):
            (h0_essential if dim == 0 else h1_essential).append(short(b))
        else:
            h0.append([short(b), short(d)])
    out = [sorted(h0_essential), sorted(h1_essential)]
    st = lower_star(n, edges, f)
    st.extend_filtration()
    for points in st.extended_persistence():
        out.append(flat([short(min(b, d)), short(max(b, d))] for _, (b, d) in points))
    visible = [p for p in h0 if p[1] - p[0] > 1e-9]
    assert flat(visible) == flat([p for p in zip(out[2][::2], out[2][1::2]) if p[1] - p[0] > 1e-9])
    return out


def functions(g, n, edges):
    degree = [0] * n
    for a, b in edges:
        degree[a] += 1
        degree[b] += 1
    return {
        "degree": degree,
        "hks:0.1": list(hks(n, edges, 0.1)),
        "hks:10": list(hks(n, edges, 10)),
        "ties": [(7 * v + 3 * g) % 3 for v in range(n)],
    }


def write(name, lines):
    path = os.path.join(OUT, name)
    data = "".join(json.dumps(line, separators=(",", ":")) + "\n" for line in [{"source": SOURCE}] + lines).encode()
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as zipped:
        zipped.write(data)
    print(f"wrote {path}", file=sys.stderr)


def atlas():
    for g, graph in enumerate(nx.graph_atlas_g()):
        n = graph.number_of_nodes()
        edges = sorted((min(a, b), max(a, b)) for a, b in graph.edges())
        yield {"g": g, "n": n, "links": [x for e in edges for x in e],
               "diagrams": {name: diagrams(n, edges, f) for name, f in functions(g, n, edges).items()}}


def mutag(root):
    pattern = re.compile(r"nodes_(\d+)_gid_(\d+)_lb_\d+_index_1_adj\.mat$")
    graphs = []
    for path in glob.glob(os.path.join(root, "tutorial", "data", "MUTAG", "mat", "*.mat")):
        n, gid = map(int, pattern.search(path).groups())
        a = np.asarray(scipy.io.loadmat(path)["A"])
        edges = [(i, j) for i in range(n) for j in range(i + 1, n) if a[i, j]]
        degree = [int(x) for x in a.sum(axis=1)]
        graphs.append({"g": gid, "n": n, "diagrams": {"degree": diagrams(n, edges, degree),
                                                       "hks:10": diagrams(n, edges, hks(n, edges, 10))}})
    return sorted(graphs, key=lambda line: line["g"])


def main():
    os.makedirs(OUT, exist_ok=True)
    write("atlas.jsonl.gz", list(atlas()))
    write("mutag.jsonl.gz", mutag(sys.argv[1]))


if __name__ == "__main__":
    main()
