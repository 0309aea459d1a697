/// `davies_bouldin`: how well a network's penultimate representation separates the classes.
extension GeneralizationMeasures {
    /// The Davies–Bouldin index (Davies and Bouldin 1979) of the rows of `points` grouped by
    /// `labels`, exactly as scikit-learn's `davies_bouldin_score`: each cluster has its centroid
    /// c_i and scatter S_i, the mean Euclidean distance of its members to c_i, and
    /// DB = mean_i max_{j ≠ i} (S_i + S_j) / ‖c_i − c_j‖. Lower: tighter classes, further apart.
    ///
    /// Edge cases as sklearn's: the clusters are the labels present; 0 when every S_i, or every
    /// centroid distance, is within 1e-8 of 0 (its `isclose`); a centroid distance of exactly 0
    /// counts as infinite, so that pair's ratio is 0; nil where sklearn raises, for fewer than 2
    /// or more than n − 1 clusters of n points. Computed in Double.
    public static func daviesBouldin(_ points: Matrix<Float>, labels: [Int]) -> Double? {
        let classes = Array(Set(labels)).sorted()
        guard classes.count > 1, classes.count < points.rows else { return nil }
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let cluster = labels.map { index[$0] ?? 0 }
        let (k, d) = (classes.count, points.cols)
        var centroids = [[Double]](repeating: [Double](repeating: 0, count: d), count: k)
        var counts = [Int](repeating: 0, count: k)
        for (i, c) in cluster.enumerated() {
            counts[c] += 1
            for j in 0..<d { centroids[c][j] += Double(points[i, j]) }
        }
        for c in 0..<k { centroids[c] = centroids[c].map { $0 / Double(counts[c]) } }
        var scatter = [Double](repeating: 0, count: k)
        for (i, c) in cluster.enumerated() {
            scatter[c] += euclidean(d) { Double(points[i, $0]) - centroids[c][$0] }
        }
        for c in 0..<k { scatter[c] /= Double(counts[c]) }
        let separation = (0..<k).map { a in (0..<k).map { b in euclidean(d) { centroids[a][$0] - centroids[b][$0] } } }
        let nearZero = { (x: Double) in abs(x) <= 1e-8 }
        if scatter.allSatisfy(nearZero) || separation.joined().allSatisfy(nearZero) { return 0 }
        let worst = (0..<k).map { (a: Int) -> Double in
            var largest = 0.0
            for b in 0..<k where separation[a][b] != 0 { largest = max(largest, (scatter[a] + scatter[b]) / separation[a][b]) }
            return largest
        }
        return Statistics.mean(worst)
    }

    /// √Σ_j difference(j)², j < dimensions.
    private static func euclidean(_ dimensions: Int, _ difference: (Int) -> Double) -> Double {
        var sum = 0.0
        for j in 0..<dimensions {
            let x = difference(j)
            sum += x * x
        }
        return sum.squareRoot()
    }
}
