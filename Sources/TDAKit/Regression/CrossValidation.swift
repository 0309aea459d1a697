/// One held-out fold: the records in `test` are predicted by a model fitted on all the others.
public struct Fold: Sendable, Codable, Equatable {
    public var repetition: Int
    public var index: Int
    /// Record indices, ascending.
    public var test: [Int]

    public init(repetition: Int, index: Int, test: [Int]) {
        self.repetition = repetition
        self.index = index
        self.test = test
    }

    /// The complement of `test` in 0..<count, ascending.
    public func train(count: Int) -> [Int] {
        var held = [Bool](repeating: false, count: count)
        for i in test { held[i] = true }
        return (0..<count).filter { !held[$0] }
    }
}

/// Repeated K-fold cross-validation, `--cv kfold:K` or `kfold:KxR` (default 5 folds × 2 repeats).
public struct RepeatedKFold: Sendable, Equatable {
    public var folds: Int
    public var repeats: Int

    public init(folds: Int = 5, repeats: Int = 2) {
        self.folds = folds
        self.repeats = repeats
    }

    public init(parsing text: String) throws {
        let invalid = RegressionError.invalidCrossValidation(text)
        guard text.hasPrefix("kfold:") else { throw invalid }
        let sizes = text.dropFirst(6).split(separator: "x", omittingEmptySubsequences: false).map { Int(String($0)) }
        guard (1...2).contains(sizes.count), let k = sizes[0], k >= 2 else { throw invalid }
        let r = sizes.count == 2 ? sizes[1] : 1
        guard let r, r >= 1 else { throw invalid }
        self.init(folds: k, repeats: r)
    }

    /// The folds for `count` records. Units are the records, or with `groups` the distinct group
    /// labels (so records of one group always share a fold). For each repetition the units are
    /// shuffled with `generator.shuffle` (Fisher–Yates from one generator, repetitions in turn) and
    /// cut into K consecutive parts as scikit-learn's `KFold`: the first (units mod K) parts get
    /// one extra unit. Throws when there are fewer units than folds.
    public func splits(count: Int, groups: [String]? = nil, generator: inout Xoshiro256StarStar) throws -> [Fold] {
        var unitOf = Array(0..<count)
        var unitCount = count
        if let groups {
            var index: [String: Int] = [:]
            unitOf = groups.map { label in
                if let i = index[label] { return i }
                index[label] = index.count
                return index.count - 1
            }
            unitCount = index.count
        }
        guard unitCount >= folds else {
            throw RegressionError.invalidFolds("\(unitCount) \(groups == nil ? "records" : "groups") for \(folds) folds")
        }
        var result: [Fold] = []
        for repetition in 0..<repeats {
            var units = Array(0..<unitCount)
            generator.shuffle(&units)
            var foldOfUnit = [Int](repeating: 0, count: unitCount)
            var start = 0
            for fold in 0..<folds {
                let size = unitCount / folds + (fold < unitCount % folds ? 1 : 0)
                for u in units[start..<(start + size)] { foldOfUnit[u] = fold }
                start += size
            }
            for fold in 0..<folds {
                result.append(Fold(repetition: repetition, index: fold,
                                   test: (0..<count).filter { foldOfUnit[unitOf[$0]] == fold }))
            }
        }
        return result
    }
}
