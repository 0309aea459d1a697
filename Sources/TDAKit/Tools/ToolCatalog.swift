/// Every executable of the toolkit, in the order `tda --list` shows them.
public enum ToolCatalog {
    public static let tools: [ToolSpec] = [
        NNTrainTool.spec, NNActivationsTool.spec, PhRipsTool.spec, PhGraphTool.spec, MapperTool.spec,
        PerslayVecTool.spec, GapRegressTool.spec, PlotTool.spec,
    ]

    /// The specs whose completions and man pages ship: the tools and the `tda` umbrella.
    public static var allSpecs: [ToolSpec] { tools + [TdaTool.spec] }

    public static func spec(named name: String) -> ToolSpec? { allSpecs.first { $0.name == name } }
}
