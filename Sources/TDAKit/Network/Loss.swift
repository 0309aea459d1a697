/// Training losses, by their command-line names, with PyTorch's mean reduction.
public enum Loss: String, CaseIterable, Sendable {
    /// `nn.CrossEntropyLoss` on logits: mean over samples of −log softmax(z)[label].
    case crossEntropy = "cross-entropy"
    /// `nn.MSELoss` against one-hot targets: mean over samples and outputs of (z − onehot)².
    case mse

    /// The loss of a batch of outputs and its gradient with respect to the outputs.
    public func evaluate(_ outputs: Matrix<Float>, labels: [Int]) -> (loss: Double, gradient: Matrix<Float>) {
        let (n, c) = (outputs.rows, outputs.cols)
        var gradient = Matrix<Float>(rows: n, cols: c)
        var total: Double = 0
        for i in 0..<n {
            let row = outputs.storage[(i * c)..<((i + 1) * c)]
            switch self {
            case .crossEntropy:
                let top = row.max() ?? 0
                let exps = row.map { expValue($0 - top) }
                let sum = exps.reduce(0, +)
                total += Double(logValue(Double(sum))) + Double(top) - Double(row[row.startIndex + labels[i]])
                for j in 0..<c {
                    gradient.storage[i * c + j] = (exps[j] / sum - (j == labels[i] ? 1 : 0)) / Float(n)
                }
            case .mse:
                for j in 0..<c {
                    let d = row[row.startIndex + j] - (j == labels[i] ? 1 : 0)
                    total += Double(d * d)
                    gradient.storage[i * c + j] = 2 * d / Float(n * c)
                }
            }
        }
        return (self == .crossEntropy ? total / Double(n) : total / Double(n * c), gradient)
    }
}

/// Index of the largest output of each row (the predicted class; first index on ties, as argmax).
public func predictedClasses(_ outputs: Matrix<Float>) -> [Int] {
    (0..<outputs.rows).map { i in
        var best = 0
        for j in 1..<max(outputs.cols, 1) where outputs[i, j] > outputs[i, best] { best = j }
        return best
    }
}
