#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The conditional mutual information score of the PGDL competition (Jiang et al., "NeurIPS 2020
/// Competition: Predicting Generalization in Deep Learning", 2020; its scoring program), exactly as
/// computed here:
///
/// 1. Every ordered pair of models (i, j), i = j included, gives two signs: V_g = [gapᵢ > gapⱼ] and
///    V_μ = [μᵢ > μⱼ] (ties count as "not greater").
/// 2. For a conditioning pair of distinct hyper-parameters (h, h′), the pair falls in the bin
///    (h(i), h(j), h′(i), h′(j)); values are compared as labels (their JSON text).
/// 3. In each non-empty bin, I(V_g; V_μ) and H(V_g) are computed from the 2 × 2 table of counts with
///    log₂ and 0 · log 0 = 0 (the scoring program adds 1e-12 inside its logarithms, a difference
///    below 1e-11). Empty bins, which occur only when the grid of hyper-parameters is incomplete,
///    are left out.
/// 4. The score for (h, h′) is mean_bins I / mean_bins H; the result is the minimum over all ordered
///    pairs h ≠ h′. With one hyper-parameter the bins are (h(i), h(j)); with none, one bin.
public enum ConditionalMutualInformation {
    /// `hyperparameters[k][i]` is the label of hyper-parameter k for model i.
    public static func score(measure: [Double], gap: [Double], hyperparameters: [[String]]) -> Double {
        let n = measure.count
        let conditionings: [[Int]]
        switch hyperparameters.count {
        case 0: conditionings = [[]]
        case 1: conditionings = [[0]]
        default:
            conditionings = hyperparameters.indices.flatMap { a in hyperparameters.indices.filter { $0 != a }.map { [a, $0] } }
        }
        var best = Double.infinity
        for conditioning in conditionings {
            var bins: [[String]: [Double]] = [:]
            for i in 0..<n {
                for j in 0..<n {
                    let key = conditioning.flatMap { [hyperparameters[$0][i], hyperparameters[$0][j]] }
                    let cell = (gap[i] > gap[j] ? 0 : 2) + (measure[i] > measure[j] ? 0 : 1)
                    bins[key, default: [0, 0, 0, 0]][cell] += 1
                }
            }
            var information = 0.0, entropy = 0.0
            // In key order: a Dictionary's order changes from run to run, and so would the
            // last bits of the sums.
            for key in bins.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let table = bins[key]!
                information += mutualInformation(table)
                entropy += self.entropy([table[0] + table[1], table[2] + table[3]])
            }
            best = min(best, information / entropy)
        }
        return best
    }

    /// I(A; B) in bits from counts [a0b0, a0b1, a1b0, a1b1].
    static func mutualInformation(_ t: [Double]) -> Double {
        let total = t.reduce(0, +)
        let a = [t[0] + t[1], t[2] + t[3]], b = [t[0] + t[2], t[1] + t[3]]
        var sum = 0.0
        for i in 0..<2 {
            for j in 0..<2 where t[2 * i + j] > 0 {
                let joint = t[2 * i + j] / total
                sum += joint * log2(joint / ((a[i] / total) * (b[j] / total)))
            }
        }
        return sum
    }

    /// Shannon entropy in bits of counts.
    static func entropy(_ counts: [Double]) -> Double {
        let total = counts.reduce(0, +)
        return -counts.filter { $0 > 0 }.reduce(0) { $0 + ($1 / total) * log2($1 / total) }
    }
}
