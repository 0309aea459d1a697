import Foundation

/// Waiting for another thread's step, which lasts microseconds: spinning, then yielding the
/// core after a while, since the machine may have fewer free cores than threads.
enum SpinWait {
    static func until(_ condition: () -> Bool) {
        var spins = 0
        while !condition() {
            spins &+= 1
            if spins > 2000 { sched_yield() }
        }
    }
}
