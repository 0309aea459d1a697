/// The `mapper` tool: Mapper graphs of point clouds.
///
/// Not built yet: its issue has not landed, so real work exits 69 (EX_UNAVAILABLE).
public enum MapperTool {
    public static let spec = ToolSpec(
        name: "mapper",
        summary: "Mapper graphs of point clouds",
        options: [OptionSpec("intervals", .integer, default: "10", help: "Cover intervals per lens dimension."), StandardOptions.output]
    )

    public static func run(_ context: ToolContext) throws {
        throw ToolError(.unavailable, "not built yet (see the project's open issues)")
    }
}
