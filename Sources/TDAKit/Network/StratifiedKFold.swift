/// Stratified K-fold cross-validation of a classifier (`nn-train fit --cv K`): each class's
/// samples, shuffled by the seeded generator, are dealt to the folds in turn, the deal going on
/// from class to class, so every fold has the class proportions of the data (±1 sample per
/// class) and the folds' sizes differ by at most one, as scikit-learn's `StratifiedKFold`.
public enum StratifiedKFold {
    /// The K folds of samples labelled `labels` (test indices ascending). Throws when a fold
    /// would be empty.
    public static func folds(labels: [Int], k: Int, generator: inout Xoshiro256StarStar) throws -> [Fold] {
        guard k >= 2, labels.count >= k else {
            throw ToolError.usage("--cv \(k) needs 2 ≤ K ≤ the \(labels.count) samples")
        }
        var foldOf = [Int](repeating: 0, count: labels.count)
        var next = 0
        for label in Set(labels).sorted() {
            var members = labels.indices.filter { labels[$0] == label }
            generator.shuffle(&members)
            for i in members {
                foldOf[i] = next
                next = (next + 1) % k
            }
        }
        return (0..<k).map { fold in Fold(repetition: 0, index: fold, test: labels.indices.filter { foldOf[$0] == fold }) }
    }
}
