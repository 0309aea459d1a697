/// A persistence diagram given as a table instead of a record: rows `dim,birth,death` (the CSV
/// `ph-rips --output-format csv` writes, `inf` for an infinite death) or, with two columns, the
/// `birth,death` pairs of one dimension — ripser.py's `dgms[k]` saved with numpy, whose
/// dimension is the number that ends an .npz key (`arr_1`, `h1`, `dgm1`), else 0.
enum DiagramTable {
    static func diagram(rows: Matrix<Double>, key: String, location: String) throws(ToolError) -> PersistenceDiagram {
        let width = rows.cols
        guard width == 2 || width == 3 else {
            throw ToolError.data(location, "a diagram table has 3 columns (dim, birth, death) or 2 (birth, death), not \(width)")
        }
        let ownDimension = Int(String(key.reversed().prefix { $0.isNumber }.reversed())) ?? 0
        var dimensions: [[PersistencePair]] = []
        for i in 0..<rows.rows {
            let dim = width == 3 ? rows[i, 0] : Double(ownDimension)
            let (birth, death) = (rows[i, width - 2], rows[i, width - 1])
            guard dim >= 0, dim == dim.rounded(), dim <= 64 else { throw ToolError.data("\(location) row \(i + 1)", "dimension \(dim) is not 0, 1, 2, …") }
            guard birth.isFinite, death >= birth else {
                throw ToolError.data("\(location) row \(i + 1)", "bar (\(birth), \(death)) needs a finite birth and a death at or after it")
            }
            while dimensions.count <= Int(dim) { dimensions.append([]) }
            dimensions[Int(dim)].append(PersistencePair(birth: birth, death: death))
        }
        return PersistenceDiagram(dimensions: dimensions)
    }

    /// The numbers of a diagram CSV: an optional header, `inf`/`Infinity` allowed (deaths).
    static func csvRows(_ bytes: [UInt8], name: String) throws(ToolError) -> Matrix<Double> {
        var rows = try CSV.parse(bytes, name: name)
        if let first = rows.first, first.allSatisfy({ CSV.parseNumber($0) == nil && !CSV.looksNonFinite($0) }) { rows.removeFirst() }
        let width = rows.first?.count ?? 3
        var flat: [Double] = []
        for (r, row) in rows.enumerated() {
            guard row.count == width else { throw ToolError.data("\(name):\(r + 2)", "row has \(row.count) fields, expected \(width)") }
            for field in row {
                let trimmed = field.trimmingCharacters(in: .whitespaces).lowercased()
                guard let x = CSV.parseNumber(field) ?? (["inf", "+inf", "infinity"].contains(trimmed) ? Double.infinity : nil) else {
                    throw ToolError.data("\(name):\(r + 2)", "\"\(field)\" is not a number (inf for an infinite death)")
                }
                flat.append(x)
            }
        }
        return Matrix(rows: rows.count, cols: width, storage: flat)
    }
}
