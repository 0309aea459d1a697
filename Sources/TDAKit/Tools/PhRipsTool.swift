@preconcurrency import Glibc

/// The `ph-rips` tool: Vietoris–Rips persistent homology of clouds and distance matrices,
/// with Ripser's algorithm and ripser.py's conventions (see `RipsPersistence`).
public enum PhRipsTool {
    public static let spec = ToolSpec(
        name: "ph-rips",
        summary: "Vietoris–Rips persistent homology of clouds and distance matrices",
        options: [
            OptionSpec("metric", .choice(RipsMetrics.names), default: "euclidean",
                       help: "Distance between the rows of a cloud (abs-correlation is 1 − |Pearson|)."),
            OptionSpec("maxdim", .integer, default: "1", help: "Highest homology dimension."),
            OptionSpec("threshold", .number, default: "enclosing radius",
                       help: "Largest edge length; bars alive there get an infinite death."),
            OptionSpec("coeff", .integer, default: "2", help: "Coefficients in the prime field Z/P."),
            OptionSpec("precision", .choice(RipsPrecision.allCases.map(\.rawValue)), default: "float32",
                       help: "Arithmetic of the filtration; float32 equals ripser.py bit for bit."),
            OptionSpec("finite-only", help: "Drop bars with infinite death."),
            OptionSpec("cocycles", help: "Add representative cocycles for H1 and up."),
            OptionSpec("emit-distance", help: "Write the distance record instead of the diagram."),
            OptionSpec("distance-matrix", help: "A CSV or .npy input is a distance matrix, not points."),
            OptionSpec("n-perm", .integer, placeholder: "N",
                       help: "Keep the first N points of the greedy (farthest-point) order, as ripser.py's n_perm."),
            OptionSpec("approx", .number, placeholder: "EPS",
                       help: "Sparse Rips with 0 < EPS < 1, as gudhi's sparse=EPS: diagrams within a factor 1/(1−EPS) of the exact ones."),
            OptionSpec("collapse",
                       help: "Edge collapse before H1 and up, as giotto-ph's collapse_edges: the same diagrams, sooner on large clouds."),
            OptionSpec("max-memory", .text, default: "80% of RAM", placeholder: "BYTES",
                       help: "Refuse runs estimated to need more (suffixes K, M, G, T)."),
            StandardOptions.inputFormat(table: "cloud"), StandardOptions.threads,
            StandardOptions.outputFormat(table: "one diagram (dim,birth,death) or distance matrix"), StandardOptions.output,
        ],
        epilog: "Reads cloud or distance records; writes one diagram record per input, with its id and meta. "
            + "Zero-length bars are dropped and an infinite death is null, as ripser.py."
    )

    public static func run(_ context: ToolContext) throws {
        let args = context.arguments
        var options = RipsOptions(maxDimension: args.int("maxdim") ?? 1, threshold: args.double("threshold"),
                                  coefficient: args.int("coeff") ?? 2,
                                  precision: RipsPrecision(rawValue: args.string("precision") ?? "float32") ?? .float32,
                                  cocycles: args.flag("cocycles"), threads: context.threads)
        options.collapse = args.flag("collapse")
        if options.collapse && args.flag("emit-distance") { throw ToolError.usage("--collapse cannot be combined with --emit-distance") }
        options.maxMemory = try memoryLimit(args.string("max-memory"))
        try checkOptions(options)
        let keep = try subsampleSize(args.string("n-perm"))
        let epsilon = try approximation(args.double("approx"), with: args)
        let metric = args.string("metric") ?? "euclidean"
        let writer = try context.recordWriter(args.string("output"))
        var source = RecordSource(paths: args.operands, format: args.string("input-format") ?? "auto",
                                  tableType: args.flag("distance-matrix") ? "distance" : "cloud")
        while let record = try source.next() {
            let bars = PhaseBars(context)
            defer { bars.finish() }
            if let epsilon {
                let result = try approximate(record, epsilon: epsilon, metric: metric, options: options, context: context, progress: bars.report)
                try writer.write(output(record, result, finiteOnly: args.flag("finite-only"), permutation: nil))
                continue
            }
            let (distances, permutation) = try inputDistances(record, metric: metric, keep: keep, options: options, context: context,
                                                              progress: bars.report)
            if args.flag("emit-distance") {
                let square = Matrix(rows: distances.count, cols: distances.count, storage:
                    (0..<distances.count * distances.count).map { distances[$0 / distances.count, $0 % distances.count] })
                try writer.write(withPermutation(DistanceRecord(id: record.id, meta: record.meta, matrix: square).record, permutation))
                continue
            }
            let result: RipsResult
            do { result = try RipsPersistence.compute(distances: distances, options: options, progress: bars.report) } catch let error as RipsError {
                throw record.error(error.description)
            }
            try writer.write(output(record, result, finiteOnly: args.flag("finite-only"), permutation: permutation))
        }
        context.noteEmptyInput(recordsRead: source.recordsRead)
    }

    /// One progress bar per phase of a run (`RipsPhase`), shown on a terminal after a second or
    /// as lines with --progress; a new phase finishes the previous bar.
    final class PhaseBars {
        let context: ToolContext
        var phase: RipsPhase?
        var bar: Progress?

        init(_ context: ToolContext) { self.context = context }

        func report(_ phase: RipsPhase, _ done: Int, _ total: Int) {
            if phase != self.phase {
                bar?.finish()
                bar = context.progress(phase.label, total: total)
                self.phase = phase
            }
            bar?.update(done)
        }

        func finish() { bar?.finish() }
    }

    /// Options that do not depend on the data fail before any input is read.
    static func checkOptions(_ options: RipsOptions) throws {
        _ = try PrimeField(options.coefficient)
        guard (0...16).contains(options.maxDimension) else { throw RipsError.badMaxDimension(options.maxDimension) }
        if let t = options.threshold, !(t >= 0) { throw RipsError.badThreshold(t) }
        if options.collapse && options.cocycles { throw RipsError.collapseWithCocycles }
    }

    /// `--n-perm`: nil when absent, else a count of at least 1.
    static func subsampleSize(_ text: String?) throws -> Int? {
        guard let text else { return nil }
        guard let keep = Int(text), keep >= 1 else { throw ToolError.usage("--n-perm must be a whole number of points, at least 1, not '\(text)'") }
        return keep
    }

    /// `--approx`: nil when absent, else ε in (0, 1), alone among the options that need the
    /// exact matrix or the vertices of the exact complex.
    static func approximation(_ epsilon: Double?, with args: ParsedArguments) throws -> Double? {
        guard let epsilon else { return nil }
        guard epsilon > 0 && epsilon < 1 else { throw RipsError.badApproximation(epsilon) }
        for other in ["n-perm", "emit-distance", "cocycles", "collapse"] where args.flag(other) {
            throw ToolError.usage("--approx cannot be combined with --\(other)")
        }
        return epsilon
    }

    /// The sparse Rips diagram of a cloud or distance record: distances row by row, so memory
    /// follows the sparse graph, not n².
    static func approximate(_ record: Record, epsilon: Double, metric: String, options: RipsOptions, context: ToolContext,
                            progress: @escaping RipsProgress) throws -> RipsResult {
        do {
            if record.type == "distance" {
                let matrix = try CompressedDistanceMatrix(validating: DistanceRecord(record).matrix)
                return try RipsPersistence.computeApproximate(distances: matrix, epsilon: epsilon, options: options, progress: progress)
            }
            let cloud = try CloudRecord(record)
            context.warnIfDistances(cloud.points, record)
            return try RipsPersistence.computeApproximate(points: cloud.points, metric: metric, epsilon: epsilon,
                                                          options: options, progress: progress)
        } catch let error as RipsError {
            throw record.error(error.description)
        }
    }

    /// The distances of a cloud (under `metric`) or of a validated distance record; with
    /// `keep` (--n-perm), those of the first `keep` points of the greedy order, and that order.
    static func inputDistances(_ record: Record, metric: String, keep: Int?, options: RipsOptions, context: ToolContext,
                               progress: @escaping RipsProgress) throws -> (CompressedDistanceMatrix<Double>, GreedyPermutation?) {
        let memoryLimit = options.maxMemory ?? Int(MemoryGuard.physicalBytes * 0.8)
        let (precision, threads) = (options.precision, options.threads)
        do {
            if record.type == "distance" {
                let matrix = try CompressedDistanceMatrix(validating: DistanceRecord(record).matrix)
                guard let keep else { return (matrix, nil) }
                let permutation = GreedyPermutation(matrix, keep: keep)
                return (keep < matrix.count ? permutation.submatrix(matrix) : matrix, permutation)
            }
            let cloud = try CloudRecord(record)
            guard cloud.points.rows > 0 else { throw RipsError.emptyInput }
            guard cloud.points.rows > 1 else { throw RipsError.singlePoint }
            // The condensed distances (doubles) come before any other estimate can be made;
            // a subsample's greedy order needs only rows of n distances.
            let n = Double(min(cloud.points.rows, keep ?? .max))
            if n * (n - 1) / 2 * 8 > Double(memoryLimit) {
                let fitting = MemoryEstimate.largestPointCount(within: memoryLimit / 2, below: Int(n), maxDimension: options.maxDimension,
                                                               precision: precision, threads: threads, collapse: options.collapse)
                throw RipsError.memoryLimit(needed: Int(min(n * (n - 1) * 4, 0x1p62)), limit: memoryLimit, fitting: fitting)
            }
            context.warnIfDistances(cloud.points, record)
            var points = cloud.points, permutation: GreedyPermutation?
            if let keep {
                try RipsMetrics.checkFinite(points)
                permutation = GreedyPermutation(try RipsMetrics.named(metric).rows(points), keep: keep, threads: threads)
                if keep < points.rows, let chosen = permutation?.indices { points = points.rows(at: chosen) }
            }
            let distances = try RipsMetrics.distances(points, metric: metric, threads: threads, progress: progress)
            // Finite points whose distances overflow would give infinite bars that are not in the data.
            let limit = precision == .float32 ? Double(Float.greatestFiniteMagnitude) : Double.greatestFiniteMagnitude
            if distances.lower.contains(where: { !($0 <= limit) }) {
                throw RipsError.distanceOverflow(largest: cloud.points.storage.map(abs).max() ?? 0, precision: precision.rawValue)
            }
            return (distances, permutation)
        } catch let error as RipsError {
            throw record.error(error.description)
        }
    }

    /// The diagram record, with cocycles as ripser.py's rows [vertices…, value] when asked.
    /// Cocycle vertices are numbered as in the input, as ripser.py does after subsampling.
    static func output(_ record: Record, _ result: RipsResult, finiteOnly: Bool, permutation: GreedyPermutation?) -> Record {
        var diagram = result.diagram
        var cocycles = result.cocycles
        if finiteOnly {
            for d in diagram.dimensions.indices {
                let keep = diagram.dimensions[d].indices.filter { diagram.dimensions[d][$0].isFinite }
                if let all = cocycles?[d] { cocycles?[d] = keep.map { all[$0] } }
                diagram.dimensions[d] = keep.map { diagram.dimensions[d][$0] }
            }
        }
        var out = DiagramRecord(id: record.id, meta: record.meta, diagram: diagram).record
        if let cocycles {
            out.fields["cocycles"] = .array(cocycles.map { bars in
                .array(bars.map { cocycle in
                    .array(zip(cocycle.simplices, cocycle.values).map { simplex, value in
                        .numbers((simplex.map { permutation?.indices[$0] ?? $0 } + [value]).map(Double.init))
                    })
                })
            })
        }
        return withPermutation(out, permutation)
    }

    /// Adds `idx_perm` (the chosen points, in greedy order) and `r_cover` (their covering
    /// radius) when --n-perm was given.
    static func withPermutation(_ record: Record, _ permutation: GreedyPermutation?) -> Record {
        guard let permutation else { return record }
        var out = record
        out.fields["idx_perm"] = .numbers(permutation.indices.map(Double.init))
        out.fields["r_cover"] = .number(permutation.coverRadius)
        return out
    }

    /// `--max-memory`: bytes with an optional K/M/G/T suffix (powers of 1024); the default is
    /// 80% of physical memory.
    static func memoryLimit(_ text: String?) throws -> Int {
        guard let text, let last = text.last, text != "80% of RAM" else {
            return Int(MemoryGuard.physicalBytes * 0.8)
        }
        let units: [Character: Double] = ["K": 0x1p10, "M": 0x1p20, "G": 0x1p30, "T": 0x1p40]
        let scale = units[Character(last.uppercased())]
        guard let value = Double(scale == nil ? text : String(text.dropLast())), value > 0, value.isFinite else {
            throw ToolError.usage("--max-memory must be a size like 512M or 8G, not '\(text)'")
        }
        return Int(min(value * (scale ?? 1), Double(Int.max / 2)))
    }
}
