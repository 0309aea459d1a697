/// The `--help` text of a tool, generated from its `ToolSpec`.
public enum HelpText {
    public static func render(_ spec: ToolSpec) -> String {
        var out = "\(spec.name) — \(spec.summary)\n\nUsage:\n"
        if spec.subcommands.isEmpty {
            out += "  \(spec.name) [OPTIONS] \(spec.operandPlaceholder)\n"
        } else {
            for sub in spec.subcommands { out += "  \(spec.name) \(sub.name) [OPTIONS] \(sub.operandPlaceholder)\n" }
            if let fallback = spec.defaultSubcommand {
                out += "  \(spec.name) [OPTIONS] \(spec.operandPlaceholder)   (runs '\(fallback)')\n"
            } else if !spec.subcommandRequired {
                out += "  \(spec.name) [OPTIONS] \(spec.operandPlaceholder)\n"
            }
            out += "\nSubcommands:\n"
            for sub in spec.subcommands { out += row(sub.name, sub.summary) }
        }
        out += "\nOptions:\n"
        for option in spec.options { out += render(option) }
        for sub in spec.subcommands where !sub.options.isEmpty {
            out += "\nOptions of '\(sub.name)':\n"
            for option in sub.options { out += render(option) }
        }
        if !spec.epilog.isEmpty { out += "\n\(spec.epilog)\n" }
        out += "\nSee \(spec.name)(1) for details and examples.\n"
        return out
    }

    /// `TOOL SUBCOMMAND --help`: that subcommand's usage and options, then the common ones.
    public static func render(_ spec: ToolSpec, subcommand sub: SubcommandSpec) -> String {
        var out = "\(spec.name) \(sub.name) — \(sub.summary)\n\nUsage:\n  \(spec.name) \(sub.name) [OPTIONS] \(sub.operandPlaceholder)\n"
        if !sub.options.isEmpty {
            out += "\nOptions of '\(sub.name)':\n"
            for option in sub.options { out += render(option) }
        }
        out += "\nCommon options:\n"
        for option in spec.options { out += render(option) }
        out += "\nSee \(spec.name)(1) for details and examples; '\(spec.name) --help' lists every subcommand.\n"
        return out
    }

    static func render(_ option: OptionSpec) -> String {
        var left = option.short.map { "-\($0), " } ?? "    "
        left += "--\(option.name)"
        if option.takesValue { left += " \(option.placeholder)" }
        var help = option.help
        if case .choice(let words) = option.kind { help += " One of: \(words.joined(separator: ", "))." }
        if case .list(let words) = option.kind { help += " Items: \(words.joined(separator: ", "))." }
        if let value = option.defaultValue { help += " [default: \(value)]" }
        return row(left, help)
    }

    static func row(_ left: String, _ right: String) -> String {
        let pad = 26
        if left.count + 2 >= pad { return "  \(left)\n" + String(repeating: " ", count: pad + 2) + right + "\n" }
        return "  " + left + String(repeating: " ", count: pad - left.count) + right + "\n"
    }
}
