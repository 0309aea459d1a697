import Glibc

/// Keeps freed memory in the process for the next allocation instead of handing it back.
///
/// Training batches and activation chunks allocate matrices of the same large sizes over and
/// over. By default glibc serves blocks over its mmap threshold (at most 32 MB) from fresh
/// mappings and unmaps them on free, and trims the top of the heap: every batch then faults in
/// new zeroed pages. nn-train on a million-neuron layer spent as much time in the kernel as in its
/// own code; with this, 11.3 s became 6.9 s (peak 1.74 GB became 2.06 GB), and nn-activations on
/// that layer 29.2 s became 23.0 s on one thread (bench/RESULTS-nn.md).
enum AllocatorTuning {
    /// No block is mmapped on its own and the heap is trimmed only past 2 GiB of free top.
    /// `mallopt` is looked up at run time: `<malloc.h>` is not in Swift's Glibc module (its
    /// parameters are glibc's M_TRIM_THRESHOLD = -1 and M_MMAP_MAX = -4). Without it (another
    /// C library) nothing changes.
    static func reuseFreedMemory() {
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(-4, 0)
        _ = mallopt(-1, Int32.max)
    }
}
