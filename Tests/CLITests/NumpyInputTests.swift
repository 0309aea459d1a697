import Foundation
import Testing

/// The tools on files numpy wrote (scripts/references/numpy_fixtures.py): a deflated archive
/// and a Fortran-order array give what their stored and C-order twins give.
@Suite("numpy-written input")
struct NumpyInputTests {
    static let fixtures = "Tests/TDAKitTests/Fixtures/records"

    @Test func phRipsReadsSavezCompressed() throws {
        let compressed = try Shell.run("ph-rips --input-format npz \(Self.fixtures)/numpy_compressed.npz")
        let stored = try Shell.run("ph-rips --input-format npz \(Self.fixtures)/numpy_stored.npz")
        #expect(compressed.status == 0 && compressed.stderr.isEmpty, "\(compressed.stderr)")
        #expect(compressed.stdout.split(separator: "\n").count == 2)
        #expect(compressed.stdout == stored.stdout)
    }

    /// Both copies are named x.npy, as the file name is the record id.
    @Test func mapperReadsFortranOrder() throws {
        let result = try Shell.run("""
            dir=$(mktemp -d); trap 'rm -r "$dir"' EXIT; mkdir "$dir/c" "$dir/f"
            cp \(Self.fixtures)/numpy_c_order.npy "$dir/c/x.npy"; cp \(Self.fixtures)/numpy_fortran.npy "$dir/f/x.npy"
            mapper --input-format npy --intervals 3 --eps 1.5 --min-samples 2 "$dir/f/x.npy" > "$dir/f.json" || exit 1
            mapper --input-format npy --intervals 3 --eps 1.5 --min-samples 2 "$dir/c/x.npy" > "$dir/c.json" || exit 1
            cmp "$dir/f.json" "$dir/c.json" && grep -c '"members"' "$dir/f.json"
            """)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "1\n", "one graph with nodes")
    }

    /// One byte changed in the deflated data: in the middle a literal changes and the CRC
    /// catches it; in the block header the code is broken.
    @Test func damagedArchivesAreDataErrors() throws {
        let result = try Shell.run("""
            dir=$(mktemp -d); trap 'rm -r "$dir"' EXIT
            for at in 5000 80; do
                cp \(Self.fixtures)/numpy_compressed.npz "$dir/x.npz"
                printf '\\125' | dd of="$dir/x.npz" bs=1 seek=$at conv=notrunc status=none
                ph-rips --input-format npz "$dir/x.npz"; echo "status $?"
            done 2>&1 | sed "s|$dir/||"
            head -c 60000 \(Self.fixtures)/numpy_compressed.npz | ph-rips --input-format npz 2>&1
            """)
        #expect(result.stdout == """
            ph-rips: error: x.npz: not a readable .npz archive: large.npy fails its CRC check
            status 65
            ph-rips: error: x.npz: not a readable .npz archive: large.npy does not inflate: literal/length code: over-subscribed code lengths
            status 65
            ph-rips: error: stdin: not a readable .npz archive: no zip end record

            """)
    }
}
