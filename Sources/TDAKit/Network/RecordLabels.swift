/// The class and split of each record of a labelled record file (diagram and graph records as
/// network data), collected in record order: the class is `y` (else `meta.y`), a class index or
/// name, kept as text; the split is `meta.split`, "train" when absent.
struct RecordLabels {
    private(set) var fields: [String] = []
    private var splits: [String] = []
    private var anySplit = false

    /// Adds a record with class `y` (its own field, passed by the caller) or `meta.y`. Without a
    /// class it is an error unless not `required`; then its field is empty.
    mutating func add(_ record: Record, y: JSONValue?, required: Bool = true) throws(ToolError) {
        let y = y ?? record.meta["y"], field = y?.stringValue ?? y?.doubleValue?.description
        guard field != nil || !required else { throw record.error("has no class \"y\" (a class index or name)") }
        fields.append(field ?? "")
        let split = record.meta["split"]?.stringValue
        anySplit = anySplit || split != nil
        splits.append(split ?? "train")
    }

    /// The records' splits, when any of them named one.
    var namedSplits: [String]? { anySplit ? splits : nil }
}
