/// The `nn-activations` tool: stream a network's layer activations as point clouds.
///
/// Not built yet: its issue has not landed, so real work exits 69 (EX_UNAVAILABLE).
public enum NNActivationsTool {
    public static let spec = ToolSpec(
        name: "nn-activations",
        summary: "stream a network's layer activations as point clouds",
        options: [OptionSpec("model", .file, help: "Model file."), StandardOptions.seed]
    )

    public static func run(_ context: ToolContext) throws {
        throw ToolError(.unavailable, "not built yet (see the project's open issues)")
    }
}
