/// The `tda-plot` tool: draw records as SVG pictures.
///
/// Not built yet: its issue has not landed, so real work exits 69 (EX_UNAVAILABLE).
public enum PlotTool {
    public static let spec = ToolSpec(
        name: "tda-plot",
        summary: "draw records as SVG pictures",
        options: [StandardOptions.output]
    )

    public static func run(_ context: ToolContext) throws {
        throw ToolError(.unavailable, "not built yet (see the project's open issues)")
    }
}
