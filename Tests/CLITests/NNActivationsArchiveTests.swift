import Foundation
import Testing
import TDAKit

/// `nn-activations --output-format npz`: a zip of `.npy` entries that must hold exactly the
/// clouds of the JSON Lines output. The archive is read here by an independent walk of the zip
/// structure (the CRC is the library's, which CRC32Tests hold to the bitwise definition).
@Suite struct NNActivationsArchiveTests {
    struct Entry { var name: String; var data: [UInt8] }

    /// The entries in file order, checking every local header's CRC and sizes and that the
    /// central directory lists the same names at the same offsets.
    static func entries(_ archive: [UInt8]) throws -> [Entry] {
        func u16(_ at: Int) -> Int { Int(archive[at]) | Int(archive[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        var entries: [Entry] = [], offsets: [Int] = [], at = 0
        while u32(at) == 0x0403_4B50 {
            let (crc, size, stored, nameLength) = (u32(at + 14), u32(at + 18), u32(at + 22), u16(at + 26))
            #expect(u16(at + 8) == 0 && size == stored, "stored, uncompressed")
            let name = String(decoding: archive[(at + 30)..<(at + 30 + nameLength)], as: UTF8.self)
            let start = at + 30 + nameLength + u16(at + 28)
            let data = Array(archive[start..<(start + size)])
            #expect(UInt32(crc) == data.withUnsafeBytes { CRC32.checksum($0) }, "CRC of \(name)")
            entries.append(Entry(name: name, data: data))
            offsets.append(at)
            at = start + size
        }
        let end = archive.count - 22
        #expect(u32(end) == 0x0605_4B50 && u16(end + 10) == entries.count && u32(end + 16) == at)
        var central = at
        for (entry, offset) in zip(entries, offsets) {
            #expect(u32(central) == 0x0201_4B50 && u32(central + 42) == offset)
            let nameLength = u16(central + 28)
            #expect(String(decoding: archive[(central + 46)..<(central + 46 + nameLength)], as: UTF8.self) == entry.name)
            central += 46 + nameLength
        }
        #expect(central == end)
        return entries
    }

    @Test func theArchiveHoldsTheCloudsOfTheRecords() throws {
        let draws = " --layers dense1,dense2 --points neurons --neurons 4 --draws 2 --inputs 30"
        let samples = " --layers dense3 --inputs 25"
        let r = try Shell.run(NNActivationsTests.model + """
         nn-activations --model m.json \(draws) --output-format npz -o a.npz -j 3 &&
         nn-activations --model m.json \(draws) --output-format npz -j 1 | cmp - a.npz &&
         nn-activations --model m.json \(samples) --output-format npz -o s.npz &&
         base64 -w0 a.npz && echo && base64 -w0 s.npz && echo &&
         nn-activations --model m.json \(draws) && nn-activations --model m.json \(samples)
        """)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 7)
        let archive = try Self.entries(Array(try #require(Data(base64Encoded: lines[0])))) +
            Self.entries(Array(try #require(Data(base64Encoded: lines[1]))))
        let records = try lines.dropFirst(2).map { line -> JSONObject in
            guard case .object(let record) = try JSONParser.parse(line) else { throw ToolError.usage("not an object") }
            return record
        }
        // Each cloud's points, then its labels and probe rows (inputs as points) or its neurons.
        let companions = records.map { $0["labels"] != nil ? [".labels.npy", ".rows.npy"] : [".neurons.npy"] }
        let names = zip(records, companions).flatMap { record, suffixes -> [String] in
            let id = record["id"]?.stringValue ?? ""
            return [id + ".npy"] + suffixes.map { id + $0 }
        }
        #expect(archive.map(\.name) == names)
        try #require(archive.count == names.count)
        var next = 0
        for (record, suffixes) in zip(records, companions) {
            let points = archive[next]
            let arrays = archive[(next + 1)...(next + suffixes.count)].map { entry in
                (try? NPY.read(entry.data, name: entry.name).storage.map { Int($0) }) ?? []
            }
            next += 1 + suffixes.count
            #expect(points.data.count > 10 && (10 + Int(points.data[8])) % 64 == 0, "data aligned to 64 bytes, as numpy writes")
            #expect(String(decoding: points.data.prefix(40), as: UTF8.self).contains("'descr': '<f4'"))
            let fromArchive = try NPY.read(points.data, name: points.name)
            let fromRecord = try #require(record["points"]?.arrayElements).map { row -> [Double] in
                guard case .numbers(let xs) = row else { return [] }
                return xs.map { Double(Float($0)) }  // the float32 digits read back to that float
            }
            #expect(fromArchive.rows == fromRecord.count && fromArchive.storage == Array(fromRecord.joined()), "\(points.name)")
            if let labels = record["labels"]?.arrayElements {
                #expect(arrays[0] == labels.compactMap(\.intValue))
                #expect(arrays[1] == record["rows"]?.arrayElements?.compactMap(\.intValue) && arrays[1].count == fromRecord.count)
            } else {
                let layer = record["meta"]?.objectValue?["layer"]?.stringValue ?? ""
                let expected = record["names"]?.arrayElements?.compactMap(\.stringValue)
                #expect(arrays[0].map { "\(layer):\($0)" } == expected)
            }
        }
    }

    /// A terminal gets no binary: `script` gives the tool one as standard output.
    @Test func anArchiveIsNotWrittenToATerminal() throws {
        let r = try Shell.run(NNActivationsTests.model + """
         script -qec "nn-activations --model m.json --inputs 5 --output-format npz" /dev/null; echo "status $?"
        """)
        #expect(r.stdout.hasSuffix("status 64\n"), "\(r.stdout)")
        #expect(r.stdout.contains("nn-activations: error: --output-format npz writes a binary archive; give -o FILE or redirect standard output"))
    }

    /// 33 000 draws are 66 000 arrays, past what a zip without zip64 can list.
    @Test func anArchiveOverTheZipLimitsIsAUsageErrorAndNoFile() throws {
        let r = try Shell.run(NNActivationsTests.model + """
         nn-activations --model m.json --layers dense1 --points neurons --neurons 1 --draws 33000 --inputs 2 --output-format npz -o big.npz
         echo "status $?"; test -e big.npz && echo "partial file written"
        """)
        #expect(r.stdout == "status 64\n")
        #expect(r.stderr == "nn-activations: error: --output-format npz: the archive would exceed the zip limits (65535 arrays, 4 GiB); use jsonl\n")
    }

    /// The binary path `--output-format npz | ph-rips --input-format npz` gives the diagrams of
    /// records written with float64 digits (both carry the exact float32 activations).
    @Test func anArchivePipedIntoPhRipsGivesTheDiagramsOfTheRecords() throws {
        let clouds = " --points neurons --neurons 4 --draws 2 --inputs 40 --allow-fewer -q"
        let r = try Shell.run(NNActivationsTests.model + """
         nn-activations --model m.json \(clouds) --output-format npz | ph-rips --metric abs-correlation --input-format npz &&
         nn-activations --model m.json \(clouds) --precision float64 | ph-rips --metric abs-correlation
        """)
        #expect(r.status == 0, "\(r.stderr)")
        // Our parser reads the numbers bit-exactly (JSONSerialization may not on Linux).
        let diagrams = try r.stdout.split(separator: "\n").map { line in
            try DiagramRecord(try #require(try Array(line.utf8).withUnsafeBytes { try RecordReader.parseLine($0, location: "out") }))
        }
        try #require(diagrams.count == 10)
        let (binary, text) = (diagrams.prefix(5), diagrams.suffix(5))
        #expect(binary.map(\.id) == ["m/dense1/s0", "m/dense1/s1", "m/dense2/s0", "m/dense2/s1", "m/dense3"])
        #expect(binary.map(\.id) == text.map(\.id) && binary.map(\.diagram) == text.map(\.diagram))
        #expect(binary.allSatisfy { $0.diagram.dimensions[0].count == 4 || $0.id == "m/dense3" }, "one bar per neuron in H0")
    }
}
