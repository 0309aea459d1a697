/// `diagram` records as network inputs for a `perslay` first layer: per record, its chosen
/// diagram channels, each padded to P points (b, d, mask), a C × P × 3 sample; the class is the
/// record's `y` (as `ph-graph` copies it from the graph), else `meta.y`.
///
/// Channels are named `h0`, `h1`, … (the ordinary `diagrams` by dimension) and `ord0`, `rel1`,
/// `ext0`, `ext1` (the `extended` lists); the default is the four extended lists when the first
/// record has them (PersLay's graph recipe), else every ordinary dimension. Points with an
/// infinite death are dropped (PersLay's `DiagramSelector(use=True)`, finite points only).
/// P is the largest channel of the data unless fixed by the model's input shape; a longer
/// diagram keeps its P most persistent points (PersLay's `ProminentPoints`), earlier first on ties.
public enum DiagramSamples {
    public static let extendedChannels = ["ord0", "rel1", "ext0", "ext1"]

    /// The inputs, class fields and splits (when any record has `meta.split`) of diagram records.
    public static func read(_ records: [Record], channels requested: [String]?, shape: TensorShape?)
        throws -> (x: Matrix<Float>, shape: TensorShape, channels: [String], fields: [String], splits: [String]?) {
        guard let first = records.first else { throw ToolError.usage("no diagram records") }
        let channels = requested ?? defaultChannels(first)
        if let shape, shape.channels != channels.count || shape.width != 3 || !shape.isSpatial {
            throw ToolError.usage("the input shape \(shape) does not hold \(channels.count) diagram channels (\(channels.joined(separator: ","))) of padded points")
        }
        var diagrams = [[[(Double, Double)]]](), labels = RecordLabels()
        for record in records {
            guard record.type == "diagram" else { throw record.error("is a \(record.type) record among diagram records") }
            diagrams.append(try channels.map { try points(record, channel: $0) })
            try labels.add(record, y: record.fields["y"])
        }
        let width = shape?.height ?? max(1, diagrams.lazy.flatMap { $0.map(\.count) }.max() ?? 1)
        let sampleShape = TensorShape(channels: channels.count, height: width, width: 3)
        try MemoryGuard.check("\(records.count) samples of \(sampleShape) padded diagram values", bytes: Double(records.count * sampleShape.count) * 4)
        var x = Matrix<Float>(rows: records.count, cols: sampleShape.count)
        for (i, sample) in diagrams.enumerated() {
            for (c, diagram) in sample.enumerated() {
                for (k, p) in prominent(diagram, width).enumerated() {
                    let at = i * sampleShape.count + (c * width + k) * 3
                    (x.storage[at], x.storage[at + 1], x.storage[at + 2]) = (Float(p.0), Float(p.1), 1)
                }
            }
        }
        return (x, sampleShape, channels, labels.fields, labels.namedSplits)
    }

    static func defaultChannels(_ record: Record) -> [String] {
        if record.fields["extended"]?.objectValue != nil { return extendedChannels }
        let count = record.fields["diagrams"]?.arrayElements?.count ?? 1
        return (0..<max(1, count)).map { "h\($0)" }
    }

    /// The finite points of one channel of a record.
    static func points(_ record: Record, channel: String) throws -> [(Double, Double)] {
        let list: JSONValue?
        if extendedChannels.contains(channel) {
            guard let extended = record.fields["extended"]?.objectValue else {
                throw record.error("has no extended diagrams for channel \(channel) (run ph-graph without --ordinary, or choose h0, h1, …)")
            }
            list = extended[channel]
        } else if channel.hasPrefix("h"), let k = Int(channel.dropFirst()), k >= 0 {
            let dimensions = record.fields["diagrams"]?.arrayElements ?? []
            list = k < dimensions.count ? dimensions[k] : .array([])
        } else {
            throw ToolError.usage("unknown diagram channel '\(channel)' (known: h0, h1, …, \(extendedChannels.joined(separator: ", ")))")
        }
        guard let bars = (list ?? .array([])).arrayElements else { throw record.error("channel \(channel) is not a list of points") }
        var out = [(Double, Double)]()
        for (i, bar) in bars.enumerated() {
            let xy = bar.arrayElements ?? []
            guard xy.count == 2, let b = xy[0].doubleValue, b.isFinite else { throw record.error("channel \(channel) point \(i) is not a [birth, death] pair") }
            if let d = xy[1].doubleValue, d.isFinite { out.append((b, d)) }
        }
        return out
    }

    /// The `count` most persistent points, in their original order.
    static func prominent(_ points: [(Double, Double)], _ count: Int) -> [(Double, Double)] {
        guard points.count > count else { return points }
        let kept = points.indices.sorted { a, b in
            let (pa, pb) = (abs(points[a].1 - points[a].0), abs(points[b].1 - points[b].0))
            return pa > pb || (pa == pb && a < b)
        }.prefix(count).sorted()
        return kept.map { points[$0] }
    }
}
