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

    /// Levenshtein distance (insertions, deletions, substitutions), over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
