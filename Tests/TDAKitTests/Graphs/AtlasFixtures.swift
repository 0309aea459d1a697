import Foundation
import Testing
@testable import TDAKit

/// One graph with gudhi's diagrams, recorded by scripts/references/graph_persistence.py:
/// a graph of networkx's atlas (graphs/atlas.jsonl.gz) or of MUTAG (graphs/mutag.jsonl.gz,
/// without links: the test reads the shipped set).
struct FixtureGraph: Decodable, Sendable {
    let g: Int
    let n: Int
    /// Links flattened: [a0, b0, a1, b1, ...].
    let links: [Int]?
    /// Per vertex function: H0 essential births, H1 essential births, then Ord0, Rel1, Ext0,
    /// Ext1 flattened as [b0, d0, b1, d1, ...], each point (min, max).
    let diagrams: [String: [[Double]]]

    var graph: Graph {
        let links = self.links ?? []
        return Graph(vertexCount: n, links: stride(from: 0, to: links.count - 1, by: 2).map { (links[$0], links[$0 + 1]) })
    }

    /// The vertex function the script named `name`, recomputed here.
    func function(_ name: String) -> [Double] {
        switch name {
        case "degree": return VertexFiltration.degree.values(graph)
        case "ties": return (0..<n).map { Double((7 * $0 + 3 * g) % 3) }
        default: return VertexFiltration(name).map { $0.values(graph) } ?? []
        }
    }
}

enum GraphFixtures {
    /// The vertex functions of the atlas fixture.
    static let functions = ["degree", "hks:0.1", "hks:10", "ties"]

    static let atlas = load("atlas.jsonl.gz")
    static let mutag = load("mutag.jsonl.gz")

    /// The graphs of a fixture: gunzipped by our own DEFLATE decoder (the header has no optional
    /// fields, mtime 0), then one JSON object per line after the source line.
    static func load(_ name: String) -> [FixtureGraph] {
        guard let data = try? Data(contentsOf: Fixtures.url("graphs/\(name)")), data.count > 18 else { return [] }
        let bytes = [UInt8](data)
        let size = bytes[(bytes.count - 4)...].reversed().reduce(0) { $0 << 8 | Int($1) }
        guard let text = try? bytes[10..<(bytes.count - 8)].withUnsafeBytes({ try Inflate.inflate($0, size: size) }) else { return [] }
        let lines = text.split(separator: UInt8(ascii: "\n")).dropFirst()
        return lines.compactMap { try? JSONDecoder().decode(FixtureGraph.self, from: Data($0)) }
    }

    /// True when our diagrams of `graph` under `f` are the fixture's `expected` ones (see
    /// `sameDiagram`); ordinary H0's finite points are compared with the fixture's Ord0.
    static func matches(_ graph: Graph, _ f: [Double], _ expected: [[Double]], tolerance: Double) -> Bool {
        let extended = GraphPersistence.extended(graph, f)
        let ordinary = GraphPersistence.ordinary(graph, f)
        let finite = ordinary[0].filter { $0.death.isFinite }.map { ($0.birth, $0.death) }
        return expected.count == 6
            && extended.named.enumerated().allSatisfy { k, named in
                sameDiagram(named.1.map { ($0.birth, $0.death) }, points(expected[2 + k]), tolerance: tolerance)
            }
            && sameDiagram(finite, points(expected[2]), tolerance: tolerance)
            && sameValues(ordinary[0].filter { !$0.death.isFinite }.map(\.birth), expected[0], tolerance: tolerance)
            && sameValues(ordinary[1].map(\.birth), expected[1], tolerance: tolerance)
            && ordinary[1].allSatisfy { !$0.death.isFinite && $0.deathVertex == nil }
    }
}

extension VertexFiltration {
    /// The function on a bare graph (degree and heat kernel signatures need nothing else).
    func values(_ graph: Graph) -> [Double] {
        (try? values(of: GraphRecordView(id: nil, graph: graph), place: "test")) ?? []
    }
}

/// Points as (birth, death) pairs from a flat list.
func points(_ flat: [Double]) -> [(Double, Double)] {
    stride(from: 0, to: flat.count - 1, by: 2).map { (flat[$0], flat[$0 + 1]) }
}

/// True when the two diagrams agree within `tolerance`: points of persistence ≤ tolerance are
/// dropped from both (rounding noise in tied values makes such points appear in one and not
/// the other), then every expected point must match a distinct point within the tolerance in
/// both coordinates, and the counts must agree.
func sameDiagram(_ ours: [(Double, Double)], _ theirs: [(Double, Double)], tolerance: Double) -> Bool {
    let a = ours.filter { $0.1 - $0.0 > tolerance }.sorted { $0 < $1 }
    let b = theirs.filter { $0.1 - $0.0 > tolerance }.sorted { $0 < $1 }
    guard a.count == b.count else { return false }
    var used = [Bool](repeating: false, count: a.count)
    for p in b {
        guard let k = a.indices.first(where: { !used[$0] && abs(a[$0].0 - p.0) <= tolerance && abs(a[$0].1 - p.1) <= tolerance }) else {
            return false
        }
        used[k] = true
    }
    return true
}

/// True when two multisets of numbers agree within `tolerance` after sorting.
func sameValues(_ a: [Double], _ b: [Double], tolerance: Double) -> Bool {
    a.count == b.count && zip(a.sorted(), b.sorted()).allSatisfy { abs($0 - $1) <= tolerance }
}
