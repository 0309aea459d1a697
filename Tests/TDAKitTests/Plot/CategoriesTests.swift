import Testing
@testable import TDAKit

/// Label marks depend on the label alone, and legends are sorted by value or text.
@Suite struct CategoriesTests {
    /// The marks a figure with these labels gives them, by label.
    static func marks(_ labels: [String]) -> [String: MarkStyle] {
        var categories = Categories()
        return Dictionary(uniqueKeysWithValues: labels.map { ($0, categories.style($0)) })
    }

    @Test func classIndicesKeepTheirOkabeItoMark() {
        let marks = Self.marks(["2", "0", "1", "9"])
        #expect(marks["0"] == MarkStyle(Palette.okabeIto[0]) && marks["2"] == MarkStyle(Palette.okabeIto[2]))
        #expect(marks["9"] == MarkStyle(Palette.okabeIto[1], ring: true))
    }

    /// The regression: 0 and 0.1 shared a colour (0.1 took the first free colour, then 0 its own).
    @Test func zeroAndATenthDiffer() {
        for order in [["0.1", "0"], ["0", "0.1"]] {
            let marks = Self.marks(order)
            #expect(marks["0"] != marks["0.1"], "\(order)")
        }
        #expect(Categories.text(.number(0)) != Categories.text(.number(0.1)))
        #expect(Categories.text(.number(0.1234)) != Categories.text(.number(0.1235)), "numbers are not rounded into one label")
    }

    /// A label's mark does not depend on the other labels of its figure or their order.
    @Test(arguments: ["3", "0.1", "setosa", "-2", "07"])
    func markIsTheSameInEveryFigure(label: String) {
        let alone = Self.marks([label])[label]
        #expect(Self.marks(["1", label])[label] == alone)
        #expect(Self.marks([label, "7", "virginica", "0.5"])[label] == alone)
        #expect(Self.marks(["x", "y", "z", "0", "1", "2", label])[label] == alone)
        #expect(alone == Categories.style(of: label))
    }

    /// Labels that are not class indices never take an Okabe–Ito colour.
    @Test func otherLabelsUseTheirOwnPalette() {
        for label in ["0.1", "0.5", "-1", "07", "setosa", "true", "1e-05"] {
            #expect(Palette.tolMuted.contains(Categories.style(of: label).color), "\(label)")
        }
    }

    @Test func legendsSortNumbersByValueAndTextAsStrings() {
        var numbers = Categories()
        for label in ["10", "2", "0.5", "-1", "1e-05", "3"] { _ = numbers.style(label) }
        #expect(numbers.entries(swatch: .dot).map(\.label) == ["-1", "1e-05", "0.5", "2", "3", "10"])
        var text = Categories()
        for label in ["virginica", "10", "setosa", "2", "Zeta"] { _ = text.style(label) }
        #expect(text.entries(swatch: .dot).map(\.label) == ["10", "2", "Zeta", "setosa", "virginica"])
    }
}
