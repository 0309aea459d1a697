/// What to draw and how, from tda-plot's options.
public struct PlotOptions: Sendable {
    /// A plot kind other than a record type's default; each applies to one record type.
    public enum Kind: String, Sendable, CaseIterable {
        case auto, diagram, barcode, line, bars, image

        /// The record type this kind draws (nil for `auto`).
        public var recordType: String? {
            switch self {
            case .auto: return nil
            case .diagram, .barcode: return "diagram"
            case .line, .bars, .image: return "vector"
            }
        }
    }

    public var kind: Kind = .auto
    /// Grid shape of `--kind image` vectors (`--shape RxC`).
    public var shape: (rows: Int, cols: Int)?
    /// A numeric node field for Mapper graphs (`--color-by`).
    public var colorBy: String?
    /// Project clouds onto their first two principal components.
    public var pca = false
    /// Seed of the force layout.
    public var seed: UInt64 = 0

    public init() {}
}

/// Turns records into figures: one per record, except that the `epoch` records of one run
/// (same id) make one figure of training curves.
public enum FigureBuilder {
    /// The record types tda-plot draws.
    public static let plottableTypes = ["diagram", "vector", "graph", "report", "epoch", "cloud", "distance"]

    /// All figures for `records`, in input order (a run of epochs at its first record). Empty
    /// input, a record type that cannot be drawn, and a `--kind` that fits no record are errors.
    public static func figures(_ records: [Record], options: PlotOptions) throws(ToolError) -> [Figure] {
        guard !records.isEmpty else { throw ToolError(.dataError, "no records to plot (the input is empty)") }
        if let type = options.kind.recordType, !records.contains(where: { $0.type == type }) {
            throw ToolError.usage("--kind \(options.kind.rawValue) draws \(type) records, and the input has none")
        }
        var figures: [Figure] = []
        var runs: [String: Int] = [:]
        var runRecords: [[Record]] = []
        for (number, record) in records.enumerated() {
            guard plottableTypes.contains(record.type) else {
                throw record.error("is a \(record.type) record, which tda-plot cannot draw (it draws \(plottableTypes.joined(separator: ", ")))")
            }
            if record.type == "epoch" {
                let run = record.id ?? ""
                if let k = runs[run] {
                    runRecords[k].append(record)
                } else {
                    runs[run] = runRecords.count
                    runRecords.append([record])
                    figures.append(Figure(id: record.id, type: "epoch", title: record.id ?? "training", panels: []))
                }
                continue
            }
            figures.append(try figure(record, number: number, options: options))
        }
        var run = 0
        for k in figures.indices where figures[k].type == "epoch" {
            figures[k].panels = try TrainingCurvePlot.panels(runRecords[run])
            run += 1
        }
        return figures
    }

    /// The figure of one non-epoch record; its title is the id (or `TYPE N` without one).
    static func figure(_ record: Record, number: Int, options: PlotOptions) throws(ToolError) -> Figure {
        let title = record.id ?? "\(record.type) \(number + 1)"
        let kind = options.kind.recordType == record.type ? options.kind : .auto
        var panels: [any PlotPanel] = []
        var fullTitle = title
        switch record.type {
        case "diagram":
            let diagram = try DiagramRecord(record).diagram
            panels = [kind == .barcode ? DiagramPlot.barcode(diagram) : DiagramPlot.scatter(diagram)]
        case "vector":
            let vector = try VectorRecord(record)
            guard !vector.values.isEmpty else { throw record.error("has no values to draw") }
            guard vector.values.allSatisfy(\.isFinite) else { throw record.error("has a non-finite value") }
            switch kind {
            case .bars: panels = [VectorPlot.bars(vector)]
            case .image: panels = try HeatMapPlot.panels(vector, given: options.shape, record: record)
            default: panels = [VectorPlot.line(vector)]
            }
        case "graph":
            panels = [try GraphPlot(record, colorBy: options.colorBy, seed: options.seed)]
        case "distance":
            // A heat map, row i and column j in the record's order (its `names`, when present).
            let matrix = try DistanceRecord(record).matrix
            guard matrix.rows > 0 else { throw record.error("has an empty matrix") }
            guard matrix.storage.allSatisfy(\.isFinite) else { throw record.error("has a non-finite distance") }
            panels = [HeatMapPlot.image(matrix.storage, rows: matrix.rows, cols: matrix.cols, subtitle: "\(matrix.rows) × \(matrix.cols) distances")]
        case "report":
            let data = try ReportPlot.data(record)
            panels = [ReportPlot.scatter(truth: data.truth, predicted: data.predicted)]
            fullTitle += "  (R² = \(NumberText.fixed(data.r2, places: 3)))"
        default:
            panels = [try CloudPlot.scatter(try CloudRecord(record), pca: options.pca, record: record)]
        }
        return Figure(id: record.id, type: record.type, title: fullTitle, panels: panels)
    }
}
