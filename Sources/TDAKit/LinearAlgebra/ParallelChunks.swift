import Dispatch

/// Calls `body` on contiguous ranges that cover `0..<count`, one range per worker, on up to
/// `threads` threads; with fewer than `minimumChunk` items per worker it uses fewer workers
/// (waking a thread costs microseconds, more than a small loop). Each item is processed by
/// exactly one call, so element-wise loops give the same result for any thread count.
func forEachChunk(_ count: Int, threads: Int, minimumChunk: Int, _ body: @Sendable (Range<Int>) -> Void) {
    let workers = max(1, min(threads, count / max(1, minimumChunk)))
    guard workers > 1 else {
        if count > 0 { body(0..<count) }
        return
    }
    let share = (count + workers - 1) / workers
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        let range = min(count, w * share)..<min(count, (w + 1) * share)
        if !range.isEmpty { body(range) }
    }
}
