/// The arithmetic a Rips computation runs in.
///
/// `float32` is the default: ripser.py and giotto-ph store distances as C `float`
/// (`value_t = float` in their ripser.cpp), so in this mode diagrams equal theirs bit for
/// bit on the same input, and the distance matrix takes half the memory. `float64` keeps
/// every distance exact to double precision, for inputs whose distances differ below
/// float's 7 significant digits.
public enum RipsPrecision: String, CaseIterable, Sendable {
    case float32, float64
}

/// How the filtration is enumerated; `automatic` picks by edge density.
enum RipsRepresentation: Sendable {
    case automatic, dense, sparse
}

/// Parameters of a Vietoris–Rips persistence computation.
public struct RipsOptions: Sendable {
    /// Highest homology dimension computed (0 = components only).
    public var maxDimension: Int
    /// Largest edge length in the complex; `nil` means the enclosing radius, as Ripser,
    /// which changes no finite bar and leaves only H0's infinite bar.
    public var threshold: Double?
    /// The prime p of the coefficient field Z/p.
    public var coefficient: Int
    public var precision: RipsPrecision
    /// Whether to return representative cocycles for H1 and up.
    public var cocycles: Bool
    /// Whether to reduce the filtered graph by edge collapse (`EdgeCollapse`) before the
    /// reduction: the same diagrams; cocycles are not available with it.
    public var collapse = false
    /// Worker threads for the distance computation and the column reduction; the result,
    /// cocycles included, does not depend on it (see `computePairsAhead`).
    public var threads: Int
    /// Refuse to start when `MemoryEstimate` exceeds this many bytes, and stop when the working
    /// columns pass what is left (nil: no limit).
    public var maxMemory: Int?
    var representation: RipsRepresentation = .automatic
    /// Columns a thread of the parallel reduction may reduce ahead of the last finished one:
    /// enough to keep the threads busy while one finishes a column, few enough that few
    /// columns stop at a pivot a column before them takes (those are finished by one
    /// thread). Tests make it tiny.
    var reductionWindow = 256
    /// Heap entries past which a column parks far entries in diameter buckets
    /// (`CoboundaryColumn`): past the caches, well under the 10⁸ of a long reduction.
    /// Tests make it tiny.
    var spillSize = 1 << 18
    /// Cofacets a column pushes before it counts as long and, with several threads, is split
    /// over all of them (`ColumnWork.isLong`, `reduceSplit`). Tests make it tiny.
    var splitAfter = 1 << 18
    /// Whether columns reaching a cone's ceiling stop there (`RipsReducer.coneDeath`); tests
    /// turn it off to compare with the full reduction.
    var coneShortcut = true

    public init(maxDimension: Int = 1, threshold: Double? = nil, coefficient: Int = 2,
                precision: RipsPrecision = .float32, cocycles: Bool = false, threads: Int = 1) {
        self.maxDimension = maxDimension
        self.threshold = threshold
        self.coefficient = coefficient
        self.precision = precision
        self.cocycles = cocycles
        self.threads = threads
    }
}

/// A persistence diagram and, when asked, one cocycle per bar of H1 and up
/// (`cocycles[d][i]` represents `diagram.dimensions[d][i]`; `cocycles[0]` is empty).
public struct RipsResult: Sendable {
    public var diagram: PersistenceDiagram
    public var cocycles: [[Cocycle]]?
}
