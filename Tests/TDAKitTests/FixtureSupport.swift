import Foundation

/// Locates committed golden fixtures next to the test sources (no bundle resources needed).
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Decodes a JSON fixture with `JSONDecoder`, which reads doubles exactly
    /// (unlike `JSONSerialization` on Linux).
    static func decode<T: Decodable>(_ type: T.Type, _ relative: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: url(relative)))
    }
}
