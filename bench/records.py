#!/usr/bin/env python3
"""JSON Lines throughput: our reader/writer (`tda cat`) against Python's json.loads/json.dumps
on the same file of numeric cloud records, one core each.

Times are CPU seconds (user + system) of the measured work, best of three, so the ratio stays
meaningful on a busy machine; wall-clock numbers would mostly measure the neighbours."""
import json, os, resource, subprocess, sys, time

path = sys.argv[1]
mb = os.path.getsize(path) / 1e6

def child_cpu(cmd):
    best = float("inf")
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best = min(best, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return best

def python_cpu():
    lines = open(path, "rb").read().splitlines()
    parse = write = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        records = [json.loads(line) for line in lines]
        t1 = time.process_time()
        out = "\n".join(json.dumps(r, separators=(",", ":")) for r in records)
        t2 = time.process_time()
        parse, write = min(parse, t1 - t0), min(write, t2 - t1)
    return parse, write

check = child_cpu(["tda", "cat", "--check", path])
copy = child_cpu(["tda", "cat", path])
write = max(copy - check, 1e-9)
py_parse, py_write = python_cpu()
print(f"file: {mb:.1f} MB of cloud records ({path})")
print(f"parse: tda {mb / check:7.1f} MB/s   json.loads {mb / py_parse:6.1f} MB/s   ratio {py_parse / check:5.1f}x (goal >= 5x)")
print(f"write: tda {mb / write:7.1f} MB/s   json.dumps {mb / py_write:6.1f} MB/s   ratio {py_write / write:5.1f}x (goal >= 10x)")
