/// File names for one SVG per figure in an output directory.
///
/// A name is the figure's id with every character outside `A-Z a-z 0-9 . _ -` replaced by `_`
/// (`m07/L2` → `m07_L2.svg`) and no leading dot; a figure without an id is `TYPE-N`. Repeated
/// names get `-2`, `-3`, … so no figure overwrites another.
public enum FigureFileNames {
    public static func names(_ figures: [Figure]) -> [String] {
        var used = Set<String>()
        return figures.enumerated().map { number, figure in
            var stem = figure.id.map(sanitize) ?? ""
            if stem.isEmpty { stem = "\(figure.type)-\(number + 1)" }
            var name = stem, copy = 1
            while used.contains(name.lowercased()) {
                copy += 1
                name = "\(stem)-\(copy)"
            }
            used.insert(name.lowercased())
            return name + ".svg"
        }
    }

    static func sanitize(_ id: String) -> String {
        var out = String(id.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": return Character(scalar)
            default: return "_"
            }
        })
        while out.hasPrefix(".") { out.removeFirst() }
        return String(out.prefix(200))
    }
}
