/// The `nn-train` tool: train neural networks (MLPs and small CNNs) and write model files.
///
/// Not built yet: its issue has not landed, so real work exits 69 (EX_UNAVAILABLE).
public enum NNTrainTool {
    public static let spec = ToolSpec(
        name: "nn-train",
        summary: "train neural networks (MLPs and small CNNs) and write model files",
        options: [StandardOptions.seed, StandardOptions.threads, StandardOptions.output]
    )

    public static func run(_ context: ToolContext) throws {
        throw ToolError(.unavailable, "not built yet (see the project's open issues)")
    }
}
