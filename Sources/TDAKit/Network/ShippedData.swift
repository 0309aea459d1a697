/// Real data sets shipped inside the toolkit (generated into Swift sources by scripts in
/// `scripts/`), so that a study on real data needs no download.
public enum ShippedData: String, CaseIterable, Sendable {
    /// 1797 handwritten digits, 8×8 pixels scaled to [0, 1] (count/16), ten classes
    /// (scikit-learn's `load_digits`; UCI, Alpaydin & Kaynak, CC BY 4.0).
    case digits

    /// All samples in the shipped order, flat or reshaped to `shape` (e.g. 1×8×8 for CNNs).
    public func dataset(shape: TensorShape? = nil) -> Dataset {
        var pixels = [Float](), labels = [Int]()
        pixels.reserveCapacity(1797 * 64)
        for line in digitsSamples.utf8.split(separator: UInt8(ascii: "\n")) {
            labels.append(Int(line[line.startIndex] - UInt8(ascii: "0")))
            for letter in line.dropFirst() { pixels.append(Float(letter - UInt8(ascii: "a")) / 16) }
        }
        return Dataset(features: Matrix(rows: labels.count, cols: 64, storage: pixels), labels: labels,
                       shape: shape ?? TensorShape(features: 64), classes: 10)
    }

    /// The sample count, known without decoding.
    public var count: Int { 1797 }
}
