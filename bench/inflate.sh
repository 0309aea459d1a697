#!/usr/bin/env bash
# Inflating np.savez_compressed data: our DEFLATE decoder (Records/Inflate.swift) against
# Python's zlib on the same raw streams, three 40 MB arrays deflated at zipfile's level 6.
# The decoder's files are compiled alone with the release build's flags (-O, whole module,
# -target-cpu native), so the figure is inflating only, not reading files or records.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${TMPDIR:-/tmp}/tda-bench-inflate
mkdir -p "$dir"
python3 - "$dir" <<'PY'
import sys, zlib
import numpy as np
rng = np.random.default_rng(1)
arrays = {
    "random": rng.standard_normal((100000, 50)),                # mostly literals
    "rounded": np.round(rng.standard_normal((100000, 50)), 2),  # literals and matches
    "ints": rng.integers(0, 10, (100000, 50)).astype(np.int64),  # mostly matches
}
for name, array in arrays.items():
    raw = array.tobytes()
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    open(f"{sys.argv[1]}/{name}.deflate", "wb").write(c.compress(raw) + c.flush())
    open(f"{sys.argv[1]}/{name}.size", "w").write(f"{len(raw)} {zlib.crc32(raw)}")
PY
cat > "$dir/main.swift" <<'SWIFT'
import Foundation
for name in CommandLine.arguments.dropFirst() {
    let stream = [UInt8](FileManager.default.contents(atPath: "\(name).deflate")!)
    let parts = try! String(contentsOfFile: "\(name).size", encoding: .utf8).split(separator: " ")
    let (size, crc) = (Int(parts[0])!, UInt32(parts[1])!)
    var best = Double.infinity, out: [UInt8] = []
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        out = try! stream.withUnsafeBytes { try Inflate.inflate($0, size: size) }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    precondition(out.withUnsafeBytes { CRC32.checksum($0) } == crc, "wrong output")
    print(Int(Double(size) / best / 1e6))
}
SWIFT
records=Sources/TDAKit/Records
swiftc -O -wmo -target-cpu native -module-name InflateBench "$records/Inflate.swift" "$records/BitReader.swift" \
    "$records/HuffmanTable.swift" "$records/CRC32.swift" "$dir/main.swift" -o "$dir/inflate-bench"
cd "$dir"
for name in random rounded ints; do
    ours=$(taskset -c 0 ./inflate-bench "$name")
    zlib=$(taskset -c 0 python3 -c "
import time, zlib
data = open('$name.deflate', 'rb').read()
times = []
for _ in range(5):
    start = time.perf_counter(); out = zlib.decompressobj(-15).decompress(data); times.append(time.perf_counter() - start)
print(int(len(out) / min(times) / 1e6))")
    echo "$name: ours $ours MB/s, zlib $zlib MB/s (Python's zlib $(python3 -c 'import zlib; print(zlib.ZLIB_RUNTIME_VERSION)')), ratio $(python3 -c "print(round($ours / $zlib, 2))")"
done
