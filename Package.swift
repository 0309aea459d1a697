// swift-tools-version:6.0
// tda-tools: topological data analysis of neural networks from the shell.
// One library module (TDAKit) and thin executables; no package dependencies.
import PackageDescription

/// Cross-module optimisation lets the thin executables call TDAKit's generic and hot
/// numeric code specialised (STYLE.md: unspecialised generics across modules ran 10–25× slower).
/// `TDA_NO_CMO=1 swift build -c release` turns it off, to measure what it buys (bench/RESULTS.md).
let crossModule = Context.environment["TDA_NO_CMO"] == nil
let libraryFlags: [SwiftSetting] = crossModule ? [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))] : []

let tools = ["nn-train", "nn-activations", "ph-rips", "ph-graph", "mapper", "perslay-vec", "gap-regress", "tda", "tda-plot"]

let package = Package(
    name: "tda-tools",
    platforms: [.macOS(.v13)],
    products: tools.map { .executable(name: $0, targets: [$0]) },
    targets: [
        .target(name: "TDAKit", exclude: ["CommandLine/README.md"], swiftSettings: libraryFlags, linkerSettings: [.linkedLibrary("m")]),
        .testTarget(name: "TDAKitTests", dependencies: ["TDAKit"], exclude: ["Fixtures"]),
        .testTarget(name: "CLITests", dependencies: ["TDAKit"]),
    ] + tools.map { .executableTarget(name: $0, dependencies: ["TDAKit"], path: "Sources/\($0)") }
)
