/// Encodes `vector` records that all share one `names` list, with the names encoded once.
///
/// perf showed re-escaping the 400–500 value names of every landscape or image record to be 30%
/// of `perslay-vec landscape`. The bytes are exactly those of `RecordWriter.write(vector.record)`:
/// type, id, values, names, meta, then a newline. Being a value, it encodes on any thread.
public struct VectorRecordEncoder: Sendable {
    /// `,"names":[…]`, or empty when the records carry no names.
    let namesField: [UInt8]

    public init(names: [String]?) {
        var field: [UInt8] = []
        if let names {
            field = Array(#","names":"#.utf8)
            field.append(UInt8(ascii: "["))
            for (i, name) in names.enumerated() {
                if i > 0 { field.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(name, to: &field)
            }
            field.append(UInt8(ascii: "]"))
        }
        namesField = field
    }

    /// Appends the line of the record `VectorRecord(id:meta:values:names:)` with this encoder's
    /// names to `out`; false, with `out` unchanged, when a value is NaN (`RecordWriter.write`
    /// then reports it for the record).
    public func append(id: String?, meta: JSONObject, values: [Double], to out: inout [UInt8]) -> Bool {
        let start = out.count
        out.append(contentsOf: #"{"type":"vector""#.utf8)
        if let id {
            out.append(contentsOf: #","id":"#.utf8)
            JSONWriter.writeString(id, to: &out)
        }
        out.append(contentsOf: #","values":"#.utf8)
        do {
            try JSONWriter.write(.numbers(values), to: &out)
            out.append(contentsOf: namesField)
            out.append(contentsOf: #","meta":"#.utf8)
            try JSONWriter.write(.object(meta), to: &out)
        } catch {
            out.removeSubrange(start...)
            return false
        }
        out.append(contentsOf: "}\n".utf8)
        return true
    }
}
