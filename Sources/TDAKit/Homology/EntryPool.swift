import Foundation

/// The storage of `DiameterBuckets`: one malloc'd buffer of entries grown with `realloc`.
/// Why not a Swift array: a long column's pool reaches gigabytes, and an array grows by
/// copying into a fresh buffer, which touches every page twice and unmaps the old one; perf
/// on correlation data showed 13% of the run in that copy and its page faults, and on two
/// threads both stalled while one unmapped. glibc's `realloc` moves a buffer this large with
/// `mremap`, which copies nothing: 7.9 s → 7.7 s on one thread, 6.1 s → 5.3 s on two,
/// 2.27 GB → 1.49 GB peak (bench/RESULTS-ph-rips.md). Transparent huge pages
/// (`madvise`) were tried: 15–25% slower, the kernel zeroing 2 MB pages.
/// A class, so `DiameterBuckets` copies it on write (`uniquePool`) to keep value semantics.
final class EntryPool<Value: BinaryFloatingPoint> {
    private(set) var base: UnsafeMutablePointer<DiameterEntry<Value>>?
    /// Entries the buffer holds.
    private(set) var capacity = 0

    init() {}

    deinit { free(base) }

    /// Grows the buffer to at least `needed` entries (doubling), keeping its contents.
    func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        let entries = max(needed, 2 * capacity, 1024)
        let bytes = entries * MemoryLayout<DiameterEntry<Value>>.stride
        guard let grown = realloc(base, bytes) else { fatalError("out of memory for \(bytes) bytes of a working column") }
        base = grown.assumingMemoryBound(to: DiameterEntry<Value>.self)
        capacity = entries
    }

    /// A copy holding the first `count` entries.
    func copy(count: Int) -> EntryPool {
        let other = EntryPool()
        other.reserve(capacity)
        if let base, let target = other.base { target.initialize(from: base, count: count) }
        return other
    }
}
