import Glibc

/// Progress on standard error: a bar with ETA when stderr is a terminal and the work has taken
/// more than a second; plain lines every few seconds with `--progress`; nothing with `--quiet`
/// or when stderr is a file or pipe. Never touches standard output. Not for several threads at
/// once (see `ProgressCounter`).
public final class Progress {
    public enum Style: Sendable { case none, bar, lines }

    let label: String
    let total: Int
    /// Seconds of work before anything is shown: 1, or `TDA_PROGRESS_DELAY` (tests set 0).
    let delay: Double
    let style: Style
    let start: Double
    var lastDraw: Double
    /// The count last shown, so a repeated final count is not shown twice.
    var lastShown = -1
    /// Characters of the bar now on the terminal line, which `finish` blanks.
    var drawn = 0

    public init(label: String, total: Int, style: Style) {
        self.label = label
        self.total = max(total, 1)
        self.style = style
        start = Progress.now()
        lastDraw = start
        delay = getenv("TDA_PROGRESS_DELAY").flatMap { Double(String(cString: $0)) } ?? 1.0
    }

    /// Reports that `done` of `total` units are finished, with an optional `status` shown after
    /// the count (such as nn-train's "loss 0.4321").
    public func update(_ done: Int, status: String? = nil) {
        guard style != .none else { return }
        let now = Progress.now()
        let interval = style == .bar ? 0.1 : 5.0
        guard now - start >= delay, done != lastShown, now - lastDraw >= interval || done >= total else { return }
        lastDraw = now
        lastShown = done
        let fraction = min(1, Double(done) / Double(total))
        let elapsed = now - start
        let eta = fraction > 0 ? elapsed / fraction - elapsed : 0
        switch style {
        case .bar:
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            let line = "\(label) [\(bar)] \(Int(fraction * 100))% ETA \(Progress.duration(eta))" + (status.map { " \($0)" } ?? "")
            // Padded to the previous line's width, so a shorter status leaves no stale characters.
            Diagnostics.writeRaw("\r" + line + String(repeating: " ", count: max(2, drawn - line.count)))
            drawn = max(drawn, line.count + 2)
        case .lines:
            Diagnostics.writeRaw("\(label): \(done)/\(total) (\(Int(fraction * 100))%), ETA \(Progress.duration(eta))"
                                 + (status.map { ", \($0)" } ?? "") + "\n")
        case .none:
            break
        }
    }

    /// Clears the bar line.
    public func finish() {
        if drawn > 0 { Diagnostics.writeRaw("\r" + String(repeating: " ", count: drawn) + "\r") }
        drawn = 0
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}

/// Writing to standard error, the only place for messages and progress.
public enum Diagnostics {
    public static func writeRaw(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
    }
}
