import Testing
@testable import TDAKit

struct DiagramVectorizerTests {
    let diagram = PersistenceDiagram(dimensions: [
        [PersistencePair(birth: 0, death: 0.5), PersistencePair(birth: 0, death: .infinity)],
        [PersistencePair(birth: 0.2, death: 0.6)],
    ])

    @Test func namesAndValuesFollowVectorizationThenDimension() throws {
        let vectorizer = DiagramVectorizer(vectorizations: [try VectorizationRegistry.make("stats:set=ballester"),
                                                            try VectorizationRegistry.make("entropy")],
                                           dimensions: [1, 0])
        let fitted = try vectorizer.fitted(to: [diagram])
        #expect(fitted.valueNames == ["stats.H1.sd_birth", "stats.H1.sd_death", "stats.H1.mean_birth",
                                      "stats.H1.mean_death", "stats.H0.sd_birth", "stats.H0.sd_death",
                                      "stats.H0.mean_birth", "stats.H0.mean_death", "entropy.H1.entropy",
                                      "entropy.H0.entropy"])
        // Essential bars are dropped by default: H0 keeps only (0, 0.5).
        #expect(try fitted.vector(diagram) == [0, 0, 0.2, 0.6, 0, 0, 0, 0.5, 0, 0])
    }

    @Test func infinityValueReplacesEssentialDeaths() throws {
        let stats = try VectorizationRegistry.make("stats:set=ballester")
        let vectorizer = DiagramVectorizer(vectorizations: [stats], dimensions: [0], infinityValue: 1.5)
        #expect(try vectorizer.fitted(to: [diagram]).vector(diagram) == [0, 0.5, 0, 1])
        let onlyInfinite = PersistenceDiagram(dimensions: [[PersistencePair(birth: 0, death: .infinity)]])
        let dropping = DiagramVectorizer(vectorizations: [stats], dimensions: [0, 2])
        #expect(try dropping.fitted(to: [onlyInfinite]).vector(onlyInfinite) == [0, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func invalidPointsAreRejected() throws {
        let stats = try VectorizationRegistry.make("stats")
        let vectorizer = DiagramVectorizer(vectorizations: [stats], dimensions: [0])
        for bad in [PersistencePair(birth: 1, death: 0.5), PersistencePair(birth: .nan, death: 1),
                    PersistencePair(birth: 0, death: .nan)] {
            let diagram = PersistenceDiagram(dimensions: [[PersistencePair(birth: 0, death: 1), bad]])
            #expect(throws: VectorizationError.self) { try vectorizer.fitted(to: [diagram]) }
        }
        let low = DiagramVectorizer(vectorizations: [stats], dimensions: [0], infinityValue: -1)
        #expect(throws: VectorizationError.self) { try low.fitted(to: [diagram]) }
    }
}
