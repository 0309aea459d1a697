import Foundation

/// The probe inputs a Mapper page draws as thumbnails: one row per probe sample, read as
/// `nn-activations` reads its probe data, so a cloud's `rows` index them.
public struct PageInputs: Sendable {
    public let features: Matrix<Float>
    /// `[channels, height, width]` for images, `[features]` for flat vectors.
    public let shape: [Int]

    public init(features: Matrix<Float>, shape: [Int]) {
        self.features = features
        self.shape = shape
    }

    /// Reads `path` (CSV, `.npy`, sample records; `split` keeps those samples when the file
    /// marks them) with the image `shape` or flat.
    public static func read(_ path: String, shape: TensorShape?, split: String) throws -> PageInputs {
        let features = try ProbeInputs.read(path, labels: nil, labelColumn: nil, split: split).features
        guard let shape else { return PageInputs(features: features, shape: [features.cols]) }
        guard shape.count == features.cols else {
            throw ToolError.data(path, "has \(features.cols) values per sample, --input-shape \(shape) needs \(shape.count)")
        }
        return PageInputs(features: features, shape: shape.dimensions)
    }

    /// One byte per value on the page.
    var bytesPerInput: Int { features.cols }

    /// Fails with a data error naming the layer when a point's row is not an input.
    public func check(largestRow: Int, layer: String) throws(ToolError) {
        guard largestRow < features.rows else {
            throw ToolError.data(layer, "points come from probe row \(largestRow) but --inputs has \(features.rows) samples")
        }
    }

    /// The shape, the value range and the `rows` as base64 bytes: each value scaled linearly
    /// from the range of all inputs to 0…255 (one scale for the page, so thumbnails compare).
    func pageData(rows: [Int]) -> JSONObject {
        // One pass, no copy: the inputs of a large layer are millions of values.
        let (least, most) = features.storage.reduce((Float.infinity, -Float.infinity)) { range, v in
            v.isFinite ? (min(range.0, v), max(range.1, v)) : range
        }
        let lo = least <= most ? Double(least) : 0, hi = least <= most ? Double(most) : 1
        let scale = hi > lo ? 255 / (hi - lo) : 0
        var images = JSONObject()
        for r in rows {
            let bytes = (0..<features.cols).map { j -> UInt8 in
                let v = Double(features[r, j])
                return v.isFinite ? UInt8(min(max(((v - lo) * scale).rounded(), 0), 255)) : 0
            }
            images[String(r)] = .string(Data(bytes).base64EncodedString())
        }
        return JSONObject([("shape", .numbers(shape.map(Double.init))), ("lo", .number(lo)), ("hi", .number(hi)), ("rows", .object(images))])
    }
}
