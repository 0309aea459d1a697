/// The `ph-rips` tool: Vietoris–Rips persistent homology of clouds and distance matrices.
///
/// Not built yet: its issue has not landed, so real work exits 69 (EX_UNAVAILABLE).
public enum PhRipsTool {
    public static let spec = ToolSpec(
        name: "ph-rips",
        summary: "Vietoris–Rips persistent homology of clouds and distance matrices",
        options: [OptionSpec("maxdim", .integer, default: "1", help: "Highest homology dimension."), StandardOptions.threads]
    )

    public static func run(_ context: ToolContext) throws {
        throw ToolError(.unavailable, "not built yet (see the project's open issues)")
    }
}
