/// "Did you mean …?" for mistyped names: the candidate with the smallest edit distance, if close.
public enum Suggestion {
    /// The closest candidate within a distance of about a third of the word (at least 1, and less
    /// than the word's length, so one-letter typos get no wild guesses), or nil.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = min(max(1, word.count / 3), word.count - 1)
        var best: (String, Int)?
        for candidate in candidates {
            let d = editDistance(word, candidate)
            if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        if best == nil, let prefixed = candidates.first(where: { $0.hasPrefix(word) && word.count >= 3 }) { return prefixed }
        return best?.0
    }

    /// Edit distance counting insertions, deletions, substitutions and swaps of neighbouring
    /// characters (optimal string alignment), so `--hepl` is one step from `--help`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
