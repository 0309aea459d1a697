/// The `key=value` parameters of one vectorization, written on the command line as
/// `name:key=value:key=value` (lists inside a value are comma-separated, e.g.
/// `image:bandwidth=0.1:resolution=20,20:im_range=0,1,0,1`). Keys follow gudhi.representations'
/// constructor argument names. Reading a key marks it used; `finish()` rejects the rest.
public struct VectorizationParameters: Sendable {
    public let vectorization: String
    public private(set) var values: [String: String]
    private var accepted: [String] = []

    public init(vectorization: String, values: [String: String] = [:]) {
        self.vectorization = vectorization
        self.values = values
    }

    /// Splits `name:key=value:...` into the name and its parameters.
    public static func parse(_ spec: String) throws -> VectorizationParameters {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var values: [String: String] = [:]
        for part in parts.dropFirst() {
            guard let equals = part.firstIndex(of: "="), equals != part.startIndex else {
                throw VectorizationError.invalidParameter(vectorization: parts[0], parameter: part, value: "",
                                                          expected: "of the form key=value")
            }
            values[String(part[..<equals])] = String(part[part.index(after: equals)...])
        }
        return VectorizationParameters(vectorization: parts[0], values: values)
    }

    /// The raw text of `key`, or nil when absent; records `key` as accepted.
    public mutating func text(_ key: String) -> String? {
        accepted.append(key)
        return values[key]
    }

    public mutating func double(_ key: String, default value: Double) throws -> Double {
        try doubles(key, count: 1, default: [value])[0]
    }

    public mutating func int(_ key: String, default value: Int, minimum: Int = 0) throws -> Int {
        try ints(key, count: 1, default: [value], minimum: minimum)[0]
    }

    /// `count` comma-separated numbers; `nan` is allowed where gudhi allows NaN (a range to fit).
    public mutating func doubles(_ key: String, count: Int, default value: [Double]) throws -> [Double] {
        guard let raw = text(key) else { return value }
        let numbers = raw.split(separator: ",").compactMap { Double(String($0)) }
        guard numbers.count == count, raw.split(separator: ",").count == count else {
            throw invalid(key, raw, "\(count) comma-separated number\(count == 1 ? "" : "s")")
        }
        return numbers
    }

    public mutating func ints(_ key: String, count: Int, default value: [Int], minimum: Int = 0) throws -> [Int] {
        guard let raw = text(key) else { return value }
        let numbers = raw.split(separator: ",").compactMap { Int(String($0)) }
        guard numbers.count == count, raw.split(separator: ",").count == count, numbers.allSatisfy({ $0 >= minimum }) else {
            throw invalid(key, raw, "\(count) comma-separated integer\(count == 1 ? "" : "s") ≥ \(minimum)")
        }
        return numbers
    }

    /// One of `choices`.
    public mutating func choice(_ key: String, _ choices: [String], default value: String) throws -> String {
        guard let raw = text(key) else { return value }
        guard choices.contains(raw) else { throw invalid(key, raw, "one of \(choices.joined(separator: ", "))") }
        return raw
    }

    /// A comma-separated subset of `choices`, in the order given.
    public mutating func choices(_ key: String, _ choices: [String]) throws -> [String] {
        guard let raw = text(key), !raw.isEmpty else { return [] }
        let picked = raw.split(separator: ",").map(String.init)
        guard picked.allSatisfy(choices.contains) else {
            throw invalid(key, raw, "a comma-separated subset of \(choices.joined(separator: ", "))")
        }
        return picked
    }

    public mutating func bool(_ key: String, default value: Bool) throws -> Bool {
        try choice(key, ["true", "false"], default: value ? "true" : "false") == "true"
    }

    /// Throws for a key that no reader asked for (a typo should not be silently ignored).
    public func finish() throws {
        for key in values.keys.sorted() where !accepted.contains(key) {
            throw VectorizationError.unknownParameter(vectorization: vectorization, parameter: key,
                                                      accepted: Array(Set(accepted)).sorted())
        }
    }

    /// Refuses before allocating a vector of `count` values per diagram that memory cannot hold
    /// (each value is a double and a name of some 24 bytes); `setting` names what asked for it.
    public func checkLength(_ count: Double, asked setting: String) throws {
        try MemoryGuard.check("\(vectorization):\(setting)", bytes: count * 32)
    }

    public func invalid(_ key: String, _ raw: String, _ expected: String) -> VectorizationError {
        .invalidParameter(vectorization: vectorization, parameter: key, value: raw, expected: expected)
    }
}
