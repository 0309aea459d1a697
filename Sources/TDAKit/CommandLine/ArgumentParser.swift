/// The parsed command line: the chosen subcommand, option values (already validated against
/// their kinds) and operands.
public struct ParsedArguments: Sendable {
    public let spec: ToolSpec
    public let subcommand: String?
    /// True when the subcommand was named on the command line (not a tool's default one).
    public let subcommandGiven: Bool
    public let operands: [String]
    let values: [String: [String]]

    /// True when the flag or option was given.
    public func isSet(_ name: String) -> Bool { values[name] != nil }

    /// The last value given, else the declared default (nil for defaults in words, like "all cores").
    public func string(_ name: String) -> String? {
        if let given = values[name]?.last { return given }
        return option(name)?.defaultValue
    }

    /// Every value of a repeatable option, in order.
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    public func flag(_ name: String) -> Bool { values[name] != nil }

    /// An integer option (validated at parse time); nil when absent with no numeric default.
    public func int(_ name: String) -> Int? { string(name).flatMap { Int($0) } }

    /// A number option (validated at parse time).
    public func double(_ name: String) -> Double? { string(name).flatMap { CSV.parseNumber($0) } }

    func option(_ name: String) -> OptionSpec? {
        let pool = spec.options + (subcommand.flatMap { spec.subcommand(named: $0)?.options } ?? [])
        return pool.first { $0.name == name }
    }
}

/// Parses arguments against a `ToolSpec`: `--name value`, `--name=value`, `-x value`, `-xVALUE`,
/// bundled short flags, `--` to end options, and `-` as an operand. Unknown options are usage
/// errors that suggest the closest valid name.
public enum ArgumentParser {
    public static func parse(_ arguments: [String], spec: ToolSpec) throws(ToolError) -> ParsedArguments {
        var values: [String: [String]] = [:]
        var operands: [String] = []
        var subcommand: SubcommandSpec?
        var optionsEnded = false
        var i = 0
        let fallback = spec.defaultSubcommand.flatMap(spec.subcommand(named:))
        var available = spec.options + (fallback?.options ?? [])

        func take(_ option: OptionSpec, _ inline: String?) throws(ToolError) {
            guard option.takesValue else {
                if inline != nil { throw .usage("option --\(option.name) takes no value") }
                values[option.name, default: []].append("")
                return
            }
            let value: String
            if let inline {
                value = inline
            } else {
                i += 1
                guard i < arguments.count else { throw .usage("option --\(option.name) needs a value (\(option.placeholder))") }
                value = arguments[i]
            }
            try validate(value, for: option)
            if option.repeatable { values[option.name, default: []].append(value) } else { values[option.name] = [value] }
        }

        while i < arguments.count {
            let argument = arguments[i]
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                if subcommand == nil, operands.isEmpty, !spec.subcommands.isEmpty, let sub = spec.subcommand(named: argument) {
                    subcommand = sub
                    available = spec.options + sub.options
                } else if subcommand == nil, operands.isEmpty, spec.subcommandRequired {
                    let names = spec.subcommands.map(\.name)
                    let hint = Suggestion.closest(to: argument, in: names).map { "; did you mean '\($0)'?" } ?? " (one of: \(names.joined(separator: ", ")))"
                    throw .usage("unknown subcommand '\(argument)'\(hint)")
                } else {
                    operands.append(argument)
                }
            } else if argument == "--" {
                optionsEnded = true
            } else if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix(while: { $0 != "=" }))
                let inline = body.contains("=") ? String(body.drop(while: { $0 != "=" }).dropFirst()) : nil
                guard let option = available.first(where: { $0.name == name }) else {
                    throw unknownOption("--\(name)", available: available, spec: spec, subcommand: subcommand)
                }
                try take(option, inline)
            } else {
                var rest = Substring(argument.dropFirst())
                while let letter = rest.first {
                    rest = rest.dropFirst()
                    guard let option = available.first(where: { $0.short == letter }) else {
                        throw unknownOption("-\(letter)", available: available, spec: spec, subcommand: subcommand)
                    }
                    if option.takesValue {
                        try take(option, rest.isEmpty ? nil : String(rest))
                        break
                    }
                    try take(option, nil)
                }
            }
            i += 1
        }
        let given = subcommand != nil
        if subcommand == nil { subcommand = fallback }
        if spec.subcommandRequired, subcommand == nil, values["help"] == nil, values["version"] == nil {
            throw .usage("missing subcommand (one of: \(spec.subcommands.map(\.name).joined(separator: ", ")))")
        }
        let operandKind = subcommand?.operands ?? spec.operands
        if operandKind == .none, let first = operands.first {
            throw .usage("unexpected argument '\(first)'")
        }
        return ParsedArguments(spec: spec, subcommand: subcommand?.name, subcommandGiven: given, operands: operands, values: values)
    }

    static func unknownOption(_ given: String, available: [OptionSpec], spec: ToolSpec, subcommand: SubcommandSpec?) -> ToolError {
        let names = available.map { "--\($0.name)" }
        var message = "unknown option '\(given)'"
        if subcommand == nil, let owner = spec.subcommands.first(where: { $0.options.contains { "--\($0.name)" == given } }) {
            message += " here; it belongs to the '\(owner.name)' subcommand"
        } else if let best = Suggestion.closest(to: given, in: names) {
            message += "; did you mean '\(best)'?"
        }
        return .usage(message)
    }

    static func validate(_ value: String, for option: OptionSpec) throws(ToolError) {
        switch option.kind {
        case .integer:
            guard let number = Int(value) else { throw .usage("option --\(option.name) wants an integer, not '\(value)'") }
            if let range = option.range, !range.contains(number) {
                throw .usage("option --\(option.name) wants an integer from \(range.lowerBound) to \(range.upperBound), not \(number)")
            }
        case .number:
            guard CSV.parseNumber(value) != nil else { throw .usage("option --\(option.name) wants a finite number, not '\(value)'") }
        case .choice(let words):
            guard words.contains(value) else { throw badWord(value, option: option, words: words) }
        case .list(let words):
            for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                let head = String(item.prefix(while: { $0 != ":" }))
                guard words.contains(head) else { throw badWord(head, option: option, words: words) }
            }
        case .flag, .text, .file, .directory:
            break
        }
    }

    static func badWord(_ value: String, option: OptionSpec, words: [String]) -> ToolError {
        let hint = Suggestion.closest(to: value, in: words).map { "; did you mean '\($0)'?" } ?? ""
        return .usage("option --\(option.name): unknown value '\(value)' (one of: \(words.joined(separator: ", ")))\(hint)")
    }
}
