import Testing
@testable import TDAKit

struct CrossValidationTests {
    @Test func parsesKFoldSpecifications() throws {
        #expect(try RepeatedKFold(parsing: "kfold:5") == RepeatedKFold(folds: 5, repeats: 1))
        #expect(try RepeatedKFold(parsing: "kfold:2x5") == RepeatedKFold(folds: 2, repeats: 5))
        for bad in ["kfold:1", "kfold:", "kfold:3x0", "fold:3", "kfold:3x", "kfold:ax2"] {
            #expect(throws: RegressionError.invalidCrossValidation(bad)) { try RepeatedKFold(parsing: bad) }
        }
    }

    /// Every repetition partitions the records; sizes differ by at most one as KFold's.
    @Test(arguments: [(23, 5, 2), (10, 2, 5), (7, 7, 1)])
    func foldsPartitionTheRecords(count: Int, folds: Int, repeats: Int) throws {
        var g = Xoshiro256StarStar(seed: 1)
        let splits = try RepeatedKFold(folds: folds, repeats: repeats).splits(count: count, generator: &g)
        #expect(splits.count == folds * repeats)
        for r in 0..<repeats {
            let mine = splits.filter { $0.repetition == r }
            #expect(mine.flatMap(\.test).sorted() == Array(0..<count))
            let sizes = mine.map(\.test.count)
            #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
            #expect(sizes == sizes.sorted(by: >))
        }
        var again = Xoshiro256StarStar(seed: 1)
        #expect(try RepeatedKFold(folds: folds, repeats: repeats).splits(count: count, generator: &again) == splits)
    }

    @Test func groupsStayInOneFold() throws {
        let groups = (0..<30).map { "model\($0 % 7)" }
        var g = Xoshiro256StarStar(seed: 4)
        let splits = try RepeatedKFold(folds: 3, repeats: 2).splits(count: 30, groups: groups, generator: &g)
        for fold in splits {
            let inFold = Set(fold.test.map { groups[$0] })
            #expect((0..<30).filter { inFold.contains(groups[$0]) } == fold.test)
        }
        #expect(throws: RegressionError.self) {
            try RepeatedKFold(folds: 8).splits(count: 30, groups: groups, generator: &g)
        }
    }
}
