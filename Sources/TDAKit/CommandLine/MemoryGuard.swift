import Glibc

/// Refuses a request whose memory cannot exist on this machine before anything is allocated:
/// a one-line usage error naming the option and the bytes it would need, as ph-rips' memory
/// estimate does, instead of a failed allocation's trap.
public enum MemoryGuard {
    /// Physical memory of this machine, in bytes.
    public static let physicalBytes = Double(sysconf(Int32(_SC_PHYS_PAGES))) * Double(sysconf(Int32(_SC_PAGESIZE)))

    /// Throws when `bytes` (computed in floating point, so that huge requests cannot overflow)
    /// exceed 80% of physical memory; `request` names the option and value, e.g. "--train-size 99999999999".
    public static func check(_ request: String, bytes: Double) throws(ToolError) {
        let limit = physicalBytes * 0.8
        guard bytes > limit else { return }
        throw ToolError.usage("\(request) would need \(describe(bytes)) of memory; this machine has \(describe(physicalBytes))")
    }

    /// "1.5 GiB"-style rendering, for sizes up to and beyond exbibytes.
    public static func describe(_ bytes: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = bytes, unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(Int(bytes)) B" : "\((value * 10).rounded() / 10) \(units[unit])"
    }
}
