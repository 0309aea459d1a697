/// The `perslay-vec` tool: turn persistence diagrams into vectors and distances.
///
/// Not built yet: its issue has not landed, so real work exits 69 (EX_UNAVAILABLE).
public enum PerslayVecTool {
    public static let spec = ToolSpec(
        name: "perslay-vec",
        summary: "turn persistence diagrams into vectors and distances",
        options: [OptionSpec("dims", .text, default: "0,1", help: "Homology dimensions to use.")]
    )

    public static func run(_ context: ToolContext) throws {
        throw ToolError(.unavailable, "not built yet (see the project's open issues)")
    }
}
