import Foundation
import Testing
@testable import TDAKit

/// A summary of the labelled ReLU fixture graph, shared by the writer tests.
func fixtureSummary(_ name: String = "relu_a", simplices: Bool = false) throws -> (MapperSummary, GraphFixture) {
    let f = try loadGraphFixture(name)
    let mapper = Mapper(cover: try UniformCover(intervals: f.intervals, overlap: f.overlap),
                        clusterer: try DBSCAN(eps: f.eps, minSamples: f.minSamples),
                        nerve: Nerve(minIntersection: f.minIntersection, maxSimplexDimension: simplices ? 3 : 1))
    let lens = Matrix(rowArrays: f.lens)
    let graph = try mapper.graph(space: f.space, lens: lens)
    let labels = f.labels.map { PointLabels($0.map(String.init)) }
    return (MapperSummary(graph: graph, space: f.space, lens: lens, labels: labels, withSimplices: simplices), f)
}

@Suite("Mapper statistics and writers")
struct MapperWriterTests {
    @Test func nodeStatisticsAgreeWithTheirDefinitions() throws {
        let (summary, f) = try fixtureSummary()
        for (node, stats) in zip(summary.graph.nodes, summary.nodeStatistics) {
            #expect(stats.size == node.members.count)
            #expect(stats.labelCounts.map(\.count).reduce(0, +) == stats.size)
            let labels = try #require(f.labels)
            let majority = Dictionary(grouping: node.members) { labels[$0] }.values.map(\.count).max() ?? 0
            #expect(stats.purity == Double(majority) / Double(stats.size))
            #expect(stats.topLabels.count == min(3, stats.labelCounts.count))
            // Mean lens by a plain sum; 1e-12 allows for a different summation order.
            let mean = node.members.reduce(0) { $0 + f.lens[$1][0] } / Double(node.members.count)
            #expect(abs(stats.meanLens[0] - mean) <= 1e-12 * abs(mean))
            // The lens is the L2 norm here, so the mean norm equals the mean lens.
            #expect(abs((stats.meanNorm ?? .nan) - mean) <= 1e-9 * abs(mean))
        }
    }

    /// Components by breadth-first search, and the Euler characteristic: cycles = E - V + C.
    @Test(arguments: graphFixtureNames)
    func graphStatisticsMatchABreadthFirstSearch(name: String) throws {
        let (summary, _) = try fixtureSummary(name)
        let g = summary.graph
        var neighbours = [[Int]](repeating: [], count: g.nodes.count)
        for (a, b) in g.links { neighbours[a].append(b); neighbours[b].append(a) }
        var seen = [Bool](repeating: false, count: g.nodes.count), components = 0
        for start in g.nodes.indices where !seen[start] {
            components += 1
            var queue = [start]; seen[start] = true
            while let v = queue.popLast() { for w in neighbours[v] where !seen[w] { seen[w] = true; queue.append(w) } }
        }
        #expect(summary.statistics.components == components)
        #expect(summary.statistics.cycles == g.links.count - g.nodes.count + components)
        #expect(summary.statistics.coveredPoints == Set(g.nodes.flatMap(\.members)).count)
    }

    @Test func twoCirclesGiveTwoCycles() throws {
        let (summary, _) = try fixtureSummary("circles")
        #expect(summary.statistics.cycles == 2)
    }

    @Test func recordPayloadHasNodesLinksAndStats() throws {
        let (summary, f) = try fixtureSummary()
        let payload = graphRecordPayload(summary)
        let nodes = try #require(payload["nodes"]?.arrayElements)
        #expect(nodes.count == f.nodes.count)
        for node in nodes {
            let o = try #require(node.objectValue)
            let id = try #require(o["id"]?.stringValue)
            #expect(o["members"]?.arrayElements?.compactMap(\.intValue) == f.nodes[id])
            #expect(o["purity"]?.doubleValue != nil)
        }
        let links = try #require(payload["links"]?.arrayElements)
        #expect(links.map { $0.arrayElements?.compactMap(\.stringValue) ?? [] } == f.links)
        #expect(payload["stats"]?.objectValue?["nodes"]?.intValue == f.nodes.count)
        #expect(payload["simplices"] == nil)
    }

    @Test func simplicesListVerticesEdgesThenHigher() throws {
        let (summary, _) = try fixtureSummary("relu_c", simplices: true)
        let g = summary.graph
        let simplices = try #require(graphRecordPayload(summary)["simplices"]?.arrayElements)
        #expect(simplices.count == g.nodes.count + g.links.count + g.simplices.count)
        for s in g.simplices {
            let common = s.dropFirst().reduce(g.nodes[s[0]].members) { sortedIntersection($0, g.nodes[$1].members) }
            #expect(!common.isEmpty)
        }
    }

    @Test func dotNamesEveryNodeAndLink() throws {
        let (summary, _) = try fixtureSummary()
        let dot = graphDOT(summary)
        #expect(dot.hasPrefix("graph \"mapper\" {"))
        for node in summary.graph.nodes { #expect(dot.contains("\"\(node.id)\" [label=")) }
        #expect(dot.components(separatedBy: " -- ").count - 1 == summary.graph.links.count)
    }
}
