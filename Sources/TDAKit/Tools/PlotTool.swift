import Glibc

/// The `tda-plot` tool (also `tda plot`): draw records as standalone SVG pictures.
///
/// Reads every record first and draws every figure in memory, so bad input stops the tool before
/// anything is written; files are then written atomically by the kit.
public enum PlotTool {
    public static let spec = ToolSpec(
        name: "tda-plot",
        summary: "draw records as SVG pictures",
        options: [
            OptionSpec("output", short: "o", .file, default: "-",
                       help: "Write FILE.svg (all figures as a grid of panels), DIR/ (one SVG per figure, named from ids) or - (standard output; one figure only)."),
            OptionSpec("output-dir", short: "d", .directory, help: "Write one SVG per figure into DIR (created if missing)."),
            OptionSpec("kind", short: "k", .choice(PlotOptions.Kind.allCases.map(\.rawValue)), default: "auto",
                       help: "Plot kind: diagram or barcode for diagram records; line, bars or image for vector records."),
            OptionSpec("shape", .text, placeholder: "RxC", help: "Grid of --kind image vectors: R rows of C values (default: from pJ_I names, else square)."),
            OptionSpec("color-by", .text, placeholder: "FIELD", help: "Colour graph nodes by a numeric node field (e.g. mean_lens, purity, size) instead of majority label."),
            OptionSpec("pca", help: "Draw clouds on their first two principal components instead of their first two coordinates."),
            OptionSpec("width", .integer, default: "640", placeholder: "PX", help: "Width of each figure in pixels."),
            OptionSpec("height", .integer, default: "480", placeholder: "PX", help: "Height of each figure in pixels."),
            OptionSpec("seed", .integer, default: "0", placeholder: "S", help: "Seed of the graph force layout (same seed, same picture)."),
            OptionSpec("x", .text, placeholder: "FIELD", help: "One scatter of all records: x from FIELD (meta.gap, or a vector value name); needs --y."),
            OptionSpec("y", .text, placeholder: "FIELD", help: "The y field of the all-records scatter."),
            OptionSpec("label", .text, placeholder: "FIELD", help: "Colour the all-records scatter by FIELD (e.g. meta.depth)."),
            StandardOptions.inputFormat(table: "diagram (dim,birth,death rows, or birth,death of one dimension)"),
        ],
        epilog: "Record types: diagram, vector, graph, report, epoch, cloud, distance. A combined figure or a directory is needed for\nmore than one figure; the epoch records of one run (same id) make one figure."
    )

    public static func run(_ context: ToolContext) throws {
        let args = context.arguments
        let width = try size(args, "width"), height = try size(args, "height")
        var options = PlotOptions()
        options.kind = PlotOptions.Kind(rawValue: args.string("kind") ?? "auto") ?? .auto
        options.shape = try args.string("shape").map(parseShape)
        options.colorBy = args.string("color-by")
        options.pca = args.flag("pca")
        options.seed = context.seed
        let output = args.string("output") ?? "-"
        if args.isSet("output-dir"), args.isSet("output") { throw ToolError.usage("give either --output or --output-dir, not both") }
        let directory = args.string("output-dir") ?? (output.hasSuffix("/") || isDirectory(output) ? output : nil)

        var records = try StandardOptions.records(context, paths: args.operands, tableType: "diagram")
        if args.isSet("x") || args.isSet("y") {
            guard let x = args.string("x"), let y = args.string("y") else { throw ToolError.usage("--x and --y go together") }
            records = [try FieldScatter.cloud(records, x: x, y: y, label: args.string("label")).record]
        }
        let figures = try FigureBuilder.figures(records, options: options)
        if let directory {
            try makeDirectory(directory)
            let base = directory.hasSuffix("/") ? directory : directory + "/"
            for (figure, name) in zip(figures, FigureFileNames.names(figures)) {
                try context.output(base + name).append(figure.svg(width: width, height: height))
            }
        } else {
            guard output != "-" || figures.count == 1 else {
                throw ToolError.usage("the input makes \(figures.count) figures; write them with -o FILE.svg (one grid) or -o DIR/ (one file each)")
            }
            let title = figures.count == 1 ? figures[0].title : "\(figures.count) figures"
            try context.output(output).append(Figure.grid(figures, width: width, height: height, title: title))
        }
    }

    static func size(_ args: ParsedArguments, _ name: String) throws(ToolError) -> Double {
        let value = args.int(name) ?? 0
        guard (100...20_000).contains(value) else { throw ToolError.usage("--\(name) must be between 100 and 20000 pixels, not \(value)") }
        return Double(value)
    }

    /// `RxC` (also `R×C` or `R,C`) with positive R and C.
    static func parseShape(_ text: String) throws(ToolError) -> (rows: Int, cols: Int) {
        let parts = text.split(whereSeparator: { $0 == "x" || $0 == "X" || $0 == "×" || $0 == "," })
        guard parts.count == 2, let r = Int(parts[0]), let c = Int(parts[1]), r > 0, c > 0 else {
            throw ToolError.usage("--shape wants ROWSxCOLS with positive numbers, like 20x20, not '\(text)'")
        }
        return (r, c)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return path != "-" && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// `mkdir -p`: creates the directory and missing parents; failure is EX_CANTCREAT (73).
    static func makeDirectory(_ path: String) throws(ToolError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw ToolError(.cannotCreate, "\(path): cannot create directory: \(String(cString: strerror(errno)))")
            }
        }
        guard isDirectory(path) else { throw ToolError(.cannotCreate, "\(path): exists and is not a directory") }
    }
}
