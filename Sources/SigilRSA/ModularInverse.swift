// Modular inversion for the blinding of RSA signing.
//
// Bernstein and Yang's "divsteps" (Fast constant-time gcd computation and modular
// inversion, 2019), in the variable-time form with 62 steps per batch that libsecp256k1's
// `modinv64_var` uses: each batch runs 62 division steps on the low 64 bits of f and g
// alone, which yields a 2×2 matrix of 63-bit integers; the matrix is then applied to the
// full-width f and g (which it divides by 2⁶²) and to the coefficients d and e modulo n.
// Numbers are stored as signed 62-bit limbs (two's complement, in `Int64`), so a batch
// costs a few passes of 64×64-bit multiplications instead of 62 passes of shifts and
// subtractions.
//
// It runs in variable time: its branches and trip count depend on the value inverted. It
// is only ever applied to a product v·b of two fresh random values (see `RSA.PrivateKey`),
// so its timing can reveal something about that product but nothing about the blinding
// value v nor the key; BoringSSL blinds its inversion of the blinding value the same way.

extension MontgomeryModulus {
    /// The inverse of `value` (k limbs) modulo the odd modulus, or nil when it has none
    /// (gcd ≠ 1, or `value` is zero).
    ///
    /// Variable time: for blinded random values only.
    ///
    /// Invariants (Bernstein–Yang): d·value ≡ f and e·value ≡ g (mod n), with f odd; each
    /// batch of division steps divides f and g by 2⁶²; when g reaches zero, f = ±gcd(n, value).
    func inverse(of value: [UInt64]) -> [UInt64]? {
        let k = limbCount
        guard value.count == k else { return nil }
        let width = SignedLimbs.limbCount(forWordCount: k)
        let n = SignedLimbs(words: modulus, limbCount: width)
        var f = n
        var g = SignedLimbs(words: value, limbCount: width)
        var d = SignedLimbs(zeroWithLimbCount: width)
        var e = SignedLimbs(zeroWithLimbCount: width)
        e.limbs[0] = 1
        // n⁻¹ mod 2⁶², from the Montgomery constant −n⁻¹ mod 2⁶⁴.
        let modulusInverse = (0 &- inverse) & SignedLimbs.mask
        var length = width  // limbs of f and g still in use
        var eta: Int64 = -1  // −delta of the paper
        // Each batch runs 62 steps. Bernstein and Yang bound the steps needed for any input
        // by about 2.88 per bit of n; the cap, 3 per bit, is a safety net.
        var batches = 0
        let maximumBatches = (3 * 64 * k) / 62 + 8
        while true {
            batches += 1
            guard batches <= maximumBatches else { return nil }
            let matrix: TransitionMatrix
            (eta, matrix) = divisionSteps(eta: eta, f: f.limbs[0], g: g.limbs[0])
            SignedLimbs.updateCoefficients(&d, &e, matrix, modulus: n, modulusInverse: modulusInverse)
            SignedLimbs.updateValues(&f, &g, matrix, length: length)
            if g.limbs[0] == 0 {
                var rest: Int64 = 0
                for index in 1..<length { rest |= g.limbs[index] }
                if rest == 0 { break }
            }
            // Drop the top limb of f and g when both fit in one limb fewer.
            let fTop = f.limbs[length - 1]
            let gTop = g.limbs[length - 1]
            if length > 1, fTop ^ (fTop >> 63) == 0, gTop ^ (gTop >> 63) == 0 {
                f.limbs[length - 2] |= Int64(bitPattern: UInt64(bitPattern: fTop) << 62)
                g.limbs[length - 2] |= Int64(bitPattern: UInt64(bitPattern: gTop) << 62)
                length -= 1
            }
        }
        // Now f = ±gcd(n, value) in its first `length` limbs; an inverse exists when it is ±1.
        f.limbs.removeLast(width - length)
        var gcd = f.words(count: k + 1)
        let fIsNegative = Int64(bitPattern: gcd[k]) < 0
        if fIsNegative { SignedLimbs.negate(&gcd) }
        guard gcd[0] == 1, gcd[1...].allSatisfy({ $0 == 0 }) else { return nil }
        // d·value ≡ f = ±1: the inverse is ±d, brought into [0, n).
        var result = d.words(count: k + 1)
        if fIsNegative { SignedLimbs.negate(&result) }
        var extendedModulus = modulus
        extendedModulus.append(0)
        // d lies in (−2n, n), so at most two additions or one subtraction of n are needed.
        while Int64(bitPattern: result[k]) < 0 { SignedLimbs.add(&result, extendedModulus) }
        while !SignedLimbs.isLess(result, than: extendedModulus) { SignedLimbs.subtract(&result, extendedModulus) }
        return Array(result[0..<k])
    }

    /// Runs 62 division steps on the low 64 bits of f (odd) and g, and returns the new
    /// eta and the transition matrix scaled by 2⁶² (libsecp256k1's `divsteps_62_var`).
    ///
    /// Several steps are taken at once: the zero low bits of g are shifted out together,
    /// and g is made divisible by up to 4 or 6 bits with one multiple of f.
    private func divisionSteps(eta startEta: Int64, f f0: Int64, g g0: Int64) -> (Int64, TransitionMatrix) {
        var u: UInt64 = 1
        var v: UInt64 = 0
        var q: UInt64 = 0
        var r: UInt64 = 1
        var f = UInt64(bitPattern: f0)
        var g = UInt64(bitPattern: g0)
        var eta = startEta
        var remaining = 62
        while true {
            let zeros = (g | (UInt64.max << UInt64(remaining))).trailingZeroBitCount
            g >>= UInt64(zeros)
            u <<= UInt64(zeros)
            v <<= UInt64(zeros)
            eta -= Int64(zeros)
            remaining -= zeros
            if remaining == 0 { break }
            let multiplier: UInt64
            if eta < 0 {
                eta = -eta
                (f, g) = (g, 0 &- f)
                (u, q) = (q, 0 &- u)
                (v, r) = (r, 0 &- v)
                let limit = min(Int(eta) + 1, remaining)
                let mask = (UInt64.max >> UInt64(64 - limit)) & 63
                // f·(f² − 2) is f⁻¹ mod 64 for odd f.
                multiplier = (f &* g &* (f &* f &- 2)) & mask
            } else {
                let limit = min(Int(eta) + 1, remaining)
                let mask = (UInt64.max >> UInt64(64 - limit)) & 15
                // f + (((f + 1) & 4) << 1) is f⁻¹ mod 16 for odd f.
                let fInverse = f &+ (((f &+ 1) & 4) << 1)
                multiplier = (0 &- fInverse &* g) & mask
            }
            g = g &+ f &* multiplier
            q = q &+ u &* multiplier
            r = r &+ v &* multiplier
        }
        return (
            eta,
            TransitionMatrix(
                u: Int64(bitPattern: u), v: Int64(bitPattern: v), q: Int64(bitPattern: q), r: Int64(bitPattern: r))
        )
    }
}

/// The matrix of 62 division steps, scaled by 2⁶²: (f, g) ← (u·f + v·g, q·f + r·g) / 2⁶².
private struct TransitionMatrix {
    var u: Int64
    var v: Int64
    var q: Int64
    var r: Int64
}

/// A signed integer in limbs of 62 bits (least significant first), each limb in [0, 2⁶²)
/// except the last, which carries the sign and any excess.
private struct SignedLimbs {
    static let mask: UInt64 = (1 << 62) - 1

    var limbs: [Int64]

    /// Limbs enough for any value in (−2⁶⁴ᵏ⁺¹, 2⁶⁴ᵏ⁺¹) and the growth of one batch.
    static func limbCount(forWordCount k: Int) -> Int { (64 * k + 2) / 62 + 1 }

    init(zeroWithLimbCount count: Int) {
        limbs = [Int64](repeating: 0, count: count)
    }

    /// The value of little-endian 64-bit words.
    init(words: [UInt64], limbCount count: Int) {
        var limbs = [Int64](repeating: 0, count: count)
        for index in 0..<count {
            let bit = index * 62
            let word = bit / 64
            let offset = UInt64(bit % 64)
            guard word < words.count else { break }
            var value = words[word] >> offset
            if offset > 2, word + 1 < words.count { value |= words[word + 1] << (64 - offset) }
            limbs[index] = Int64(bitPattern: value & SignedLimbs.mask)
        }
        self.limbs = limbs
    }

    /// The value as `count` little-endian 64-bit words in two's complement.
    func words(count: Int) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: count)
        // Carry-propagate limb by limb into a running two's-complement accumulator.
        var accumulator = SignedAccumulator()
        var bits: UInt64 = 0  // bits pending in `pending`
        var pending: UInt64 = 0
        var wordIndex = 0
        for limb in limbs {
            accumulator.add(limb)
            let chunk = accumulator.takeLow62()
            // Append 62 bits to the output stream.
            pending |= chunk << bits
            let total = bits + 62
            if total >= 64 {
                if wordIndex < count { words[wordIndex] = pending }
                wordIndex += 1
                pending = bits == 0 ? 0 : chunk >> (64 - bits)
                bits = total - 64
            } else {
                bits = total
            }
        }
        // Sign-extend whatever remains (the accumulator holds the sign).
        let sign = UInt64(bitPattern: accumulator.high >> 63)
        let fill = accumulator.low
        if wordIndex < count {
            words[wordIndex] = pending | (fill << bits)
            wordIndex += 1
        }
        while wordIndex < count {
            words[wordIndex] = sign
            wordIndex += 1
        }
        return words
    }

    /// d, e ← (u·d + v·e)/2⁶², (q·d + r·e)/2⁶², each plus the multiple of n that makes the
    /// division exact and keeps the result in (−2n, n) (libsecp256k1's `update_de_62`).
    static func updateCoefficients(
        _ d: inout SignedLimbs, _ e: inout SignedLimbs, _ t: TransitionMatrix, modulus n: SignedLimbs,
        modulusInverse: UInt64
    ) {
        let count = d.limbs.count
        let signD = d.limbs[count - 1] >> 63
        let signE = e.limbs[count - 1] >> 63
        var md = (t.u & signD) &+ (t.v & signE)
        var me = (t.q & signD) &+ (t.r & signE)
        var cd = SignedAccumulator()
        var ce = SignedAccumulator()
        cd.add(t.u, d.limbs[0])
        cd.add(t.v, e.limbs[0])
        ce.add(t.q, d.limbs[0])
        ce.add(t.r, e.limbs[0])
        md = md &- Int64(bitPattern: (modulusInverse &* cd.low &+ UInt64(bitPattern: md)) & mask)
        me = me &- Int64(bitPattern: (modulusInverse &* ce.low &+ UInt64(bitPattern: me)) & mask)
        cd.add(n.limbs[0], md)
        ce.add(n.limbs[0], me)
        _ = cd.takeLow62()  // zero by the choice of md
        _ = ce.takeLow62()
        for index in 1..<count {
            cd.add(t.u, d.limbs[index])
            cd.add(t.v, e.limbs[index])
            cd.add(n.limbs[index], md)
            ce.add(t.q, d.limbs[index])
            ce.add(t.r, e.limbs[index])
            ce.add(n.limbs[index], me)
            d.limbs[index - 1] = Int64(bitPattern: cd.takeLow62())
            e.limbs[index - 1] = Int64(bitPattern: ce.takeLow62())
        }
        d.limbs[count - 1] = cd.lowSigned
        e.limbs[count - 1] = ce.lowSigned
    }

    /// f, g ← (u·f + v·g)/2⁶², (q·f + r·g)/2⁶² on their first `length` limbs (exact divisions).
    static func updateValues(_ f: inout SignedLimbs, _ g: inout SignedLimbs, _ t: TransitionMatrix, length: Int) {
        var cf = SignedAccumulator()
        var cg = SignedAccumulator()
        cf.add(t.u, f.limbs[0])
        cf.add(t.v, g.limbs[0])
        cg.add(t.q, f.limbs[0])
        cg.add(t.r, g.limbs[0])
        _ = cf.takeLow62()  // zero by construction of the matrix
        _ = cg.takeLow62()
        for index in 1..<length {
            let fLimb = f.limbs[index]
            let gLimb = g.limbs[index]
            cf.add(t.u, fLimb)
            cf.add(t.v, gLimb)
            cg.add(t.q, fLimb)
            cg.add(t.r, gLimb)
            f.limbs[index - 1] = Int64(bitPattern: cf.takeLow62())
            g.limbs[index - 1] = Int64(bitPattern: cg.takeLow62())
        }
        f.limbs[length - 1] = cf.lowSigned
        g.limbs[length - 1] = cg.lowSigned
    }

    /// words ← −words (two's complement).
    static func negate(_ words: inout [UInt64]) {
        var carry: UInt64 = 1
        for index in 0..<words.count {
            (words[index], carry) = addWithCarry(~words[index], 0, carry)
        }
    }

    /// a ← a + b (same widths, modulo 2⁶⁴ᵂ).
    static func add(_ a: inout [UInt64], _ b: [UInt64]) {
        var carry: UInt64 = 0
        for index in 0..<a.count {
            (a[index], carry) = addWithCarry(a[index], b[index], carry)
        }
    }

    /// a ← a − b (same widths, modulo 2⁶⁴ᵂ).
    static func subtract(_ a: inout [UInt64], _ b: [UInt64]) {
        var borrow: UInt64 = 0
        for index in 0..<a.count {
            (a[index], borrow) = subtractWithBorrow(a[index], b[index], borrow)
        }
    }

    /// Whether a < b, both non-negative (same widths).
    static func isLess(_ a: [UInt64], than b: [UInt64]) -> Bool {
        var index = a.count - 1
        while index >= 0 {
            if a[index] != b[index] { return a[index] < b[index] }
            index -= 1
        }
        return false
    }
}

/// A signed 128-bit sum of products of signed 64-bit values, as a low word and a signed high word.
private struct SignedAccumulator {
    var low: UInt64 = 0
    var high: Int64 = 0

    /// Adds x·y.
    @inline(__always)
    mutating func add(_ x: Int64, _ y: Int64) {
        let product = x.multipliedFullWidth(by: y)
        let (sum, carry) = low.addingReportingOverflow(product.low)
        low = sum
        high = high &+ product.high &+ (carry ? 1 : 0)
    }

    /// Adds the signed word x.
    @inline(__always)
    mutating func add(_ x: Int64) {
        let (sum, carry) = low.addingReportingOverflow(UInt64(bitPattern: x))
        low = sum
        high = high &+ (x >> 63) &+ (carry ? 1 : 0)
    }

    /// Returns the low 62 bits and shifts the sum right by 62 (arithmetically).
    @inline(__always)
    mutating func takeLow62() -> UInt64 {
        let taken = low & SignedLimbs.mask
        low = (low >> 62) | (UInt64(bitPattern: high) << 2)
        high >>= 62
        return taken
    }

    /// The low word as a signed value (the sum must fit in 64 bits).
    var lowSigned: Int64 { Int64(bitPattern: low) }
}
