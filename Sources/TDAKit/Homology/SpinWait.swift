import Foundation

/// Waiting for another thread's step, which lasts microseconds: spinning, then yielding the
/// core, then sleeping 50 µs at a time, since the machine may have fewer free cores than
/// threads, and a waiter that only yields keeps taking time slices from the thread it waits
/// for (two threads on two busy cores: 6.5 s against 5.1 s on mlp-images-3000,
/// bench/RESULTS-ph-rips.md).
enum SpinWait {
    static func until(_ condition: () -> Bool) {
        var spins = 0
        while !condition() {
            spins &+= 1
            if spins > 20_000 {
                usleep(50)
            } else if spins > 2000 {
                sched_yield()
            }
        }
    }
}
