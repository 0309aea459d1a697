#!/usr/bin/env bash
# Exhaustive check of ShortestDecimal's float32 path: for every positive finite Float, the
# 64-bit scaling (init(float32Significand:)) must give the digits and exponent of the 128-bit
# path (init(significand:)), which the tests hold to Swift's description. Builds a small program
# from the library's own sources; about a minute on two cores. Prints the count checked.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/main.swift" <<'SWIFT'
import Dispatch
import Glibc

let workers = 64
let span = UInt32(0x7F80_0000) / UInt32(workers)
// One slot per worker (count, first mismatching bit pattern), written by that worker only.
let slots = UnsafeMutableBufferPointer<(count: Int, first: UInt32)>.allocate(capacity: workers)
slots.initialize(repeating: (0, 0))
DispatchQueue.concurrentPerform(iterations: workers) { w in
    let first = max(1, UInt32(w) * span), end = w == workers - 1 ? 0x7F80_0000 : UInt32(w + 1) * span
    var found = (count: 0, first: UInt32(0))
    for bits in first..<end {
        let x = Float(bitPattern: bits)
        let fraction = UInt64(x.significandBitPattern), biased = Int(x.exponentBitPattern)
        let c = biased == 0 ? fraction : fraction | 1 << 23
        let q = biased == 0 ? -149 : biased - 150
        let narrow = fraction == 0 && biased > 1
        let fast = ShortestDecimal(float32Significand: c, exponent: q, lowerGapIsSmaller: narrow)
        let wide = ShortestDecimal(significand: c, exponent: q, lowerGapIsSmaller: narrow)
        if fast.digits != wide.digits || fast.exponent != wide.exponent {
            if found.count == 0 { found.first = bits }
            found.count += 1
        }
    }
    slots[w] = found
}
let total = slots.reduce(0) { $0 + $1.count }
let examples = slots.filter { $0.count > 0 }.prefix(5).map(\.first)
print("checked \(0x7F80_0000 - 1) positive finite floats; mismatches: \(total) \(examples)")
exit(total == 0 ? 0 : 1)
SWIFT
/opt/swift/usr/bin/swiftc -O -target-cpu native -o "$tmp/check" "$tmp/main.swift" \
  Sources/TDAKit/Records/ShortestDecimal.swift Sources/TDAKit/Records/PowersOfFive.swift Sources/TDAKit/Records/PowersOfFiveContinued.swift
"$tmp/check"
