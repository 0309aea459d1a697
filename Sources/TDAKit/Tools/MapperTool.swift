/// The `mapper` tool: Mapper graphs of point clouds (TopoAct style), identical to KeplerMapper
/// with scikit-learn's DBSCAN for the same lens, cover and DBSCAN parameters.
public enum MapperTool {
    public static let spec = ToolSpec(
        name: "mapper",
        summary: "Mapper graphs of point clouds, as KeplerMapper with DBSCAN",
        options: [
            OptionSpec("lens", .list(LensRegistry.names), default: "l2norm", placeholder: "LENS[,LENS...]",
                       help: "Lens function; several give a product cover (default: l2norm of a cloud, eccentricity of a distance matrix). One of: "
                           + LensRegistry.entries.map(\.name).joined(separator: ", ") + "."),
            OptionSpec("bandwidth", .number, default: "1", help: "Gaussian kernel bandwidth of the density lens."),
            OptionSpec("intervals", .integer, default: "10", help: "Cover intervals per lens dimension (KeplerMapper's n_cubes)."),
            OptionSpec("overlap", .number, default: "0.1", help: "Overlap of neighbouring intervals, in [0, 1) (perc_overlap)."),
            OptionSpec("cover", .choice(CoverRegistry.names), default: "uniform", help: "Cover: uniform intervals or balanced (quantile) ones."),
            OptionSpec("cluster", .choice(ClustererRegistry.names), default: "dbscan", help: "Clustering of each cover element."),
            OptionSpec("eps", .text, default: "0.5", placeholder: "X|auto",
                       help: "DBSCAN neighbourhood radius, or auto for the knee of the k-distance curve."),
            OptionSpec("min-samples", .integer, default: "3", help: "DBSCAN points within eps (itself included) for a core point."),
            OptionSpec("metric", .choice(Metric.allCases.map(\.rawValue)), default: "euclidean", help: "Distance between points."),
            OptionSpec("min-intersection", .integer, default: "1", help: "Shared points needed to link two nodes."),
            OptionSpec("max-simplex-dim", .integer, default: "1", help: "List the nerve's simplices up to this dimension when 2 or more."),
            OptionSpec("distance-matrix", help: "A CSV or .npy input is a distance matrix, not points."),
            OptionSpec("format", .choice(["json", "dot", "html"]), default: "json",
                       help: "Output graph records (json), Graphviz (dot), or one offline web page of every record (html)."),
            OptionSpec("inputs", .file, help: "html: the probe data (CSV, .npy or sample records, read as nn-activations reads its data file) whose rows the clouds' points come from; nodes show them."),
            OptionSpec("input-shape", .text, placeholder: "C,H,W", help: "html: draw each input as a C×H×W image (default: a flat vector, drawn as bars or a line)."),
            OptionSpec("split", .choice(["train", "test"]), default: "train", help: "html: keep the samples of this split when the inputs file marks splits (as nn-activations does)."),
            OptionSpec("exemplars", .integer, default: "12", help: "html: most input thumbnails per node (fewer when the page's size budget needs it)."),
            StandardOptions.inputFormat(table: "cloud"), StandardOptions.threads, StandardOptions.output,
        ],
        epilog: "Reads cloud records (labels are used when present; a \"lens\" field serves --lens precomputed) "
            + "or distance records; writes one graph record per input. Node ids are KeplerMapper's cube<i>_cluster<j>."
    )

    /// The settings shared by every input record.
    struct Settings {
        let lenses: [String]
        let lensGiven: Bool
        let bandwidth: Double
        let cover: any Cover
        let coverName: String
        let clusterName: String
        let eps: Double?
        let minSamples: Int
        let metric: Metric
        let nerve: Nerve
        let format: String
        let threads: Int
        let inputs: PageInputs?
        let exemplars: Int

        init(_ context: ToolContext) throws {
            let args = context.arguments
            lenses = (args.string("lens") ?? "l2norm").split(separator: ",").map(String.init)
            lensGiven = args.isSet("lens")
            bandwidth = args.double("bandwidth") ?? 1
            // Build each lens once now so a bad --lens is reported before any input is read.
            for spec in lenses { _ = try LensRegistry.make(spec, bandwidth: bandwidth, given: Matrix(rows: 0, cols: 0)) }
            coverName = args.string("cover") ?? "uniform"
            cover = try CoverRegistry.make(coverName, intervals: args.int("intervals") ?? 10, overlap: args.double("overlap") ?? 0.1)
            clusterName = args.string("cluster") ?? "dbscan"
            minSamples = args.int("min-samples") ?? 3
            let epsText = args.string("eps") ?? "0.5"
            if epsText == "auto" {
                eps = nil
            } else {
                guard let value = CSV.parseNumber(epsText) else { throw ToolError.usage("--eps must be a number or auto, not '\(epsText)'") }
                eps = value
            }
            // Likewise a bad eps or min-samples (with --eps auto the eps comes per record).
            _ = try ClustererRegistry.make(clusterName, eps: eps ?? 1, minSamples: minSamples)
            metric = Metric(rawValue: args.string("metric") ?? "euclidean") ?? .euclidean
            nerve = Nerve(minIntersection: args.int("min-intersection") ?? 1, maxSimplexDimension: args.int("max-simplex-dim") ?? 1)
            format = args.string("format") ?? "json"
            threads = context.threads
            exemplars = args.int("exemplars") ?? 12
            guard exemplars >= 0 else { throw ToolError.usage("--exemplars must be 0 or more") }
            for name in ["inputs", "input-shape", "split", "exemplars"] where args.isSet(name) && format != "html" {
                throw ToolError.usage("--\(name) is for --format html")
            }
            if args.isSet("input-shape"), !args.isSet("inputs") { throw ToolError.usage("--input-shape needs --inputs FILE") }
            let shape = try NNTrainTool.inputShape(args)
            inputs = try args.string("inputs").map { try PageInputs.read($0, shape: shape, split: args.string("split") ?? "train") }
        }

        /// The lenses of a record: `--lens`, else l2norm of a cloud and eccentricity of a
        /// distance matrix (it has no coordinates to take a norm of).
        func lenses(distances: Bool) -> [String] {
            distances && !lensGiven ? ["eccentricity"] : lenses
        }
    }

    public static func run(_ context: ToolContext) throws {
        let settings = try Settings(context)
        let args = context.arguments
        var source = RecordSource(paths: args.operands, format: args.string("input-format") ?? "auto",
                                  tableType: args.flag("distance-matrix") ? "distance" : "cloud")
        let json = settings.format == "json"
        let writer = json ? try context.recordWriter() : nil
        let output = json ? nil : try context.output(args.string("output"))
        var layers: [MapperPageLayer] = []
        while let record = try source.next() {
            let made: MadeGraph
            do {
                made = try graph(of: record, settings, context: context)
            } catch let error as MapperError where error.status == .dataError {
                throw ToolError.data(record.place, error.description)
            }
            let summary = made.summary
            if summary.graph.nodes.isEmpty {
                context.warn("\(record.place): the graph has no nodes (every point is noise; try a larger --eps)")
            }
            let name = record.id ?? "mapper"
            switch settings.format {
            case "dot": try output?.append(graphDOT(summary, name: name))
            case "html": layers.append(try pageLayer(made, record: record, name: name, inputs: settings.inputs))
            default:
                var payload = graphRecordPayload(summary).entries.map { ($0.key, $0.value) }
                payload.append(("params", .object(parameters(settings, eps: made.eps, lenses: settings.lenses(distances: record.type == "distance")))))
                try writer?.write(Record(type: "graph", id: record.id, meta: record.meta, payload: payload))
            }
        }
        if settings.format == "html" {
            // One page for all records: without any there is no page to write.
            guard !layers.isEmpty else { throw ToolError.data(args.operands.first ?? "stdin", "no records") }
            // Fragment keys are the layer names when they tell the records apart, else the ids.
            let names = layers.map(\.key)
            if Set(names).count < names.count { for k in layers.indices { layers[k].key = layers[k].title } }
            let page = MapperPage(layers: layers, inputs: settings.inputs, exemplars: settings.exemplars)
            try output?.append(page.html(title: layers.count == 1 ? layers[0].title : "Mapper graphs (\(layers.count))"))
        } else {
            context.noteEmptyInput(recordsRead: source.recordsRead)
        }
    }

    /// The graph of one record, the eps DBSCAN used, the points it was made of and their probe
    /// rows (a cloud's `rows`).
    struct MadeGraph {
        let summary: MapperSummary
        let eps: Double?
        let space: MetricSpace
        let rows: [Int]?
    }

    /// The graph of one cloud or distance record.
    static func graph(of record: Record, _ settings: Settings, context: ToolContext) throws -> MadeGraph {
        let space: MetricSpace
        var labels: PointLabels?
        var given: Matrix<Double>?
        var rows: [Int]?
        switch record.type {
        case "cloud":
            let cloud = try CloudRecord(record)
            context.warnIfDistances(cloud.points, record)
            space = .points(cloud.points, settings.metric)
            labels = cloud.labels.map { PointLabels($0.map(labelText)) }
            given = try precomputedLens(record, rows: cloud.points.rows)
            rows = cloud.rows
        case "distance":
            space = .distances(try DistanceRecord(record).matrix)
        default:
            throw record.error("is a \(record.type) record, expected cloud or distance")
        }
        try space.checkFinite()
        let lens = try lensValues(space, settings, given: given)
        let eps = settings.clusterName == "dbscan"
            ? try settings.eps ?? EpsKnee.eps(space: space, minSamples: settings.minSamples, threads: settings.threads) : nil
        let clusterer = try ClustererRegistry.make(settings.clusterName, eps: eps ?? 1, minSamples: settings.minSamples)
        let mapper = Mapper(cover: settings.cover, clusterer: clusterer, nerve: settings.nerve, threads: settings.threads)
        let graph = try mapper.graph(space: space, lens: lens)
        let summary = MapperSummary(graph: graph, space: space, lens: lens, labels: labels,
                                    withSimplices: settings.nerve.maxSimplexDimension >= 2)
        return MadeGraph(summary: summary, eps: eps, space: space, rows: rows)
    }

    /// A record's graph for the page: keyed by its `meta.layer` (else its id), with the cloud's
    /// probe rows checked against `--inputs`.
    static func pageLayer(_ made: MadeGraph, record: Record, name: String, inputs: PageInputs?) throws -> MapperPageLayer {
        try inputs?.check(largestRow: made.rows?.max() ?? made.space.count - 1, layer: record.place)
        return MapperPageLayer(summary: made.summary, space: made.space, title: name,
                               key: record.meta["layer"]?.stringValue ?? name, rows: made.rows)
    }

    /// The lens columns of every `--lens` item side by side.
    static func lensValues(_ space: MetricSpace, _ settings: Settings, given: Matrix<Double>?) throws -> Matrix<Double> {
        let names = settings.lenses(distances: space.points == nil)
        let parts = try names.map { try LensRegistry.make($0, bandwidth: settings.bandwidth, given: given).values(space) }
        let cols = parts.reduce(0) { $0 + $1.cols }
        var out = Matrix<Double>(rows: space.count, cols: cols)
        var offset = 0
        for part in parts {
            for i in 0..<part.rows { for j in 0..<part.cols { out[i, offset + j] = part[i, j] } }
            offset += part.cols
        }
        return out
    }

    /// A cloud record's `lens` field: one number per point, or one row of numbers per point.
    static func precomputedLens(_ record: Record, rows: Int) throws -> Matrix<Double>? {
        guard let value = record.fields["lens"] else { return nil }
        let lens: Matrix<Double>
        if case .numbers(let xs) = value {
            lens = Matrix(rows: xs.count, cols: 1, storage: xs)
        } else {
            lens = try record.matrix("lens", what: "lens rows")
        }
        guard lens.rows == rows else { throw record.error("has \(lens.rows) lens values for \(rows) points") }
        return lens
    }

    /// A label as text: integers without a decimal point, strings as they are.
    static func labelText(_ label: JSONValue) -> String {
        if let k = label.intValue { return String(k) }
        if let s = label.stringValue { return s }
        return label.doubleValue.map { $0.description } ?? label.typeName
    }

    static func parameters(_ s: Settings, eps: Double?, lenses: [String]) -> JSONObject {
        var o = JSONObject([
            ("lens", .string(lenses.joined(separator: ","))), ("cover", .string(s.coverName)),
            ("cluster", .string(s.clusterName)), ("min_intersection", .number(Double(s.nerve.minIntersection))),
        ])
        if let uniform = (s.cover as? UniformCover) ?? (s.cover as? BalancedCover)?.uniform {
            o["intervals"] = .number(Double(uniform.intervals))
            o["overlap"] = .number(uniform.overlap)
        }
        if let eps {
            o["eps"] = .number(eps)
            o["min_samples"] = .number(Double(s.minSamples))
            o["metric"] = .string(s.metric.rawValue)
        }
        return o
    }
}
