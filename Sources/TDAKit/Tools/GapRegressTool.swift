/// The `gap-regress` tool: predict the generalization gap from topological features.
///
/// Not built yet: its issue has not landed, so real work exits 69 (EX_UNAVAILABLE).
public enum GapRegressTool {
    public static let spec = ToolSpec(
        name: "gap-regress",
        summary: "predict the generalization gap from topological features",
        options: [OptionSpec("target", .text, default: "meta.gap", help: "Target field."), StandardOptions.seed]
    )

    public static func run(_ context: ToolContext) throws {
        throw ToolError(.unavailable, "not built yet (see the project's open issues)")
    }
}
