import Testing
@testable import TDAKit

@Suite("Stratified K-fold")
struct StratifiedKFoldTests {
    @Test("folds partition the samples, keep the class proportions and balance their sizes")
    func proportions() throws {
        let labels = (0..<125).map { $0 < 83 ? 0 : $0 < 120 ? 1 : 2 }
        var generator = Xoshiro256StarStar(seed: 4)
        let folds = try StratifiedKFold.folds(labels: labels, k: 10, generator: &generator)
        #expect(folds.flatMap(\.test).sorted() == Array(0..<125))
        let sizes = folds.map(\.test.count)
        #expect(sizes.max()! - sizes.min()! <= 1)
        for c in 0..<3 {
            let counts = folds.map { f in f.test.filter { labels[$0] == c }.count }
            #expect(counts.max()! - counts.min()! <= 1, "class \(c): \(counts)")
        }
        var again = Xoshiro256StarStar(seed: 4)
        #expect(try StratifiedKFold.folds(labels: labels, k: 10, generator: &again) == folds)
    }

    @Test("fewer samples than folds is a usage error")
    func tooFew() {
        var generator = Xoshiro256StarStar(seed: 0)
        #expect(throws: ToolError.self) { try StratifiedKFold.folds(labels: [0, 1], k: 3, generator: &generator) }
    }
}
