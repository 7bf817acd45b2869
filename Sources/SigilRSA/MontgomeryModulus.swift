import SigilConstantTime

// Montgomery arithmetic modulo an odd modulus n of k limbs, R = 2^(64·k).
//
// The kernels work on raw limb pointers so that the exponentiation loops allocate nothing;
// callers preallocate their scratch once per operation. Every kernel runs the same sequence
// of instructions for any values of its inputs (the loops depend only on k), and the final
// conditional subtraction is a masked select whose mask passes through `valueBarrier`, so
// that the optimiser cannot turn it into a branch; the same code serves the public and the
// secret exponentiations.

/// An odd modulus with its Montgomery constants, computed once (per key).
struct MontgomeryModulus: Sendable {
    /// The modulus, `limbCount` limbs; the top limbs may be zero (padding for CRT).
    let modulus: [UInt64]
    /// k, the number of limbs of every operand.
    let limbCount: Int
    /// -n⁻¹ mod 2⁶⁴.
    let inverse: UInt64
    /// R mod n: one in Montgomery form.
    let one: [UInt64]
    /// R² mod n: multiplying by it enters Montgomery form.
    let rSquared: [UInt64]
    /// R³ mod n: multiplying a Montgomery reduction by it gives Montgomery form.
    let rCubed: [UInt64]

    /// Precomputes the constants for `modulus`, or returns nil unless it is odd and > 1.
    ///
    /// The computation of R and R² mod n uses masked subtraction only, so it is also fit for
    /// secret moduli (the primes of a private key). Its cost is about 2·64·k modular doublings.
    init?(_ modulus: BigUInt) {
        guard modulus.isOdd, modulus.bitWidth > 1 else { return nil }
        let k = modulus.limbs.count
        self.modulus = modulus.limbs
        limbCount = k
        // Newton's iteration for n0⁻¹ mod 2⁶⁴: x₀ = n0 is right to 3 bits, each step doubles.
        let n0 = modulus.limbs[0]
        var inverse = n0
        for _ in 0..<5 { inverse = inverse &* (2 &- n0 &* inverse) }
        let negatedInverse = 0 &- inverse
        self.inverse = negatedInverse

        // R mod n: start from 2^(bits-1) < n and double up to 2^(64k); then on to R² mod n.
        let bits = modulus.bitWidth
        var value = [UInt64](repeating: 0, count: k)
        value[(bits - 1) / 64] = 1 << UInt64((bits - 1) % 64)
        var scratch = [UInt64](repeating: 0, count: k)
        modulus.limbs.withUnsafeBufferPointer { n in
            value.withUnsafeMutableBufferPointer { v in
                scratch.withUnsafeMutableBufferPointer { s in
                    for _ in 0..<(64 * k - bits + 1) {
                        MontgomeryModulus.doubleModulo(
                            v.baseAddress!, modulus: n.baseAddress!, count: k, scratch: s.baseAddress!)
                    }
                }
            }
        }
        one = value
        modulus.limbs.withUnsafeBufferPointer { n in
            value.withUnsafeMutableBufferPointer { v in
                scratch.withUnsafeMutableBufferPointer { s in
                    for _ in 0..<(64 * k) {
                        MontgomeryModulus.doubleModulo(
                            v.baseAddress!, modulus: n.baseAddress!, count: k, scratch: s.baseAddress!)
                    }
                }
            }
        }
        rSquared = value
        var cubed = [UInt64](repeating: 0, count: k)
        var wide = [UInt64](repeating: 0, count: k + 1)
        modulus.limbs.withUnsafeBufferPointer { n in
            value.withUnsafeBufferPointer { r2 in
                cubed.withUnsafeMutableBufferPointer { c in
                    wide.withUnsafeMutableBufferPointer { t in
                        MontgomeryModulus.multiply(
                            c.baseAddress!, r2.baseAddress!, r2.baseAddress!, modulus: n.baseAddress!,
                            inverse: negatedInverse, count: k, scratch: t.baseAddress!)
                    }
                }
            }
        }
        rCubed = cubed
    }

    // MARK: - Kernels

    /// value = 2·value mod n, for value < n; masked subtraction.
    ///
    /// `scratch`: k limbs.
    @inline(__always)
    static func doubleModulo(
        _ value: UnsafeMutablePointer<UInt64>, modulus n: UnsafePointer<UInt64>, count k: Int,
        scratch: UnsafeMutablePointer<UInt64>
    ) {
        var carry: UInt64 = 0
        for j in 0..<k {
            let limb = value[j]
            value[j] = (limb << 1) | carry
            carry = limb >> 63
        }
        var borrow: UInt64 = 0
        for j in 0..<k {
            (scratch[j], borrow) = subtractWithBorrow(value[j], n[j], borrow)
        }
        // 2·value ≥ n exactly when the doubling carried out or the subtraction did not borrow.
        let mask = maskFromBit(carry | (borrow ^ 1))
        for j in 0..<k {
            value[j] = select(mask, scratch[j], value[j])
        }
    }

    /// result = t - n if (top:t) ≥ n, else t; for (top:t) < 2n.
    ///
    /// A masked select through `valueBarrier`, no branch. `result` must not alias `t`.
    @inline(__always)
    static func subtractModulusIfNeeded(
        _ result: UnsafeMutablePointer<UInt64>, _ t: UnsafePointer<UInt64>, top: UInt64,
        modulus n: UnsafePointer<UInt64>, count k: Int
    ) {
        var borrow: UInt64 = 0
        for j in 0..<k {
            (result[j], borrow) = subtractWithBorrow(t[j], n[j], borrow)
        }
        let mask = maskFromBit(top | (borrow ^ 1))
        for j in 0..<k {
            result[j] = select(mask, result[j], t[j])
        }
    }

    /// a = a − b mod n, for a, b < n: n is added back under a mask (through `valueBarrier`), not a branch.
    ///
    /// Serves Garner's recombination in signing (secret values) and the inversion of the blinding value.
    static func subtractModulo(
        _ a: UnsafeMutablePointer<UInt64>, _ b: UnsafePointer<UInt64>, modulus n: UnsafePointer<UInt64>, count k: Int
    ) {
        var borrow: UInt64 = 0
        for j in 0..<k {
            (a[j], borrow) = subtractWithBorrow(a[j], b[j], borrow)
        }
        let mask = maskFromBit(borrow)
        var carry: UInt64 = 0
        for j in 0..<k {
            (a[j], carry) = addWithCarry(a[j], n[j] & mask, carry)
        }
    }

    /// result = a·b·R⁻¹ mod n (CIOS, multiplication and reduction fused in one pass per limb of b).
    ///
    /// Inputs with a·b < n·R give a result < n. `result` may alias `a` or `b`. `scratch`: k + 1 limbs.
    @inline(__always)
    static func multiply(
        _ result: UnsafeMutablePointer<UInt64>, _ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>,
        modulus n: UnsafePointer<UInt64>, inverse: UInt64, count k: Int, scratch t: UnsafeMutablePointer<UInt64>
    ) {
        t.update(repeating: 0, count: k + 1)
        let n0 = n[0]
        let a0 = a[0]
        for i in 0..<k {
            let bi = b[i]
            var (low, carryA) = multiplyAdd(a0, bi, t[0], 0)
            let m = low &* inverse
            var carryB = multiplyAddHigh(m, n0, low)  // the low word becomes zero
            var j = 1
            // Two limbs per pass (fewer loop instructions), then the odd one out.
            while j &+ 1 < k {
                (low, carryA) = multiplyAdd(a[j], bi, t[j], carryA)
                (t[j &- 1], carryB) = multiplyAdd(m, n[j], low, carryB)
                (low, carryA) = multiplyAdd(a[j &+ 1], bi, t[j &+ 1], carryA)
                (t[j], carryB) = multiplyAdd(m, n[j &+ 1], low, carryB)
                j &+= 2
            }
            if j < k {
                (low, carryA) = multiplyAdd(a[j], bi, t[j], carryA)
                (t[j &- 1], carryB) = multiplyAdd(m, n[j], low, carryB)
            }
            let (top, topCarry1) = addWithCarry(t[k], carryA, 0)
            let (topSum, topCarry2) = addWithCarry(top, carryB, 0)
            t[k - 1] = topSum
            t[k] = topCarry1 | topCarry2  // (top:t) < 2n < 2R: at most one of them carries
        }
        subtractModulusIfNeeded(result, t, top: t[k], modulus: n, count: k)
    }

    /// result = w·R⁻¹ mod n for a 2k-limb w < n·R (Montgomery reduction, REDC).
    ///
    /// `w` is overwritten. `result` must not alias `w`.
    ///
    /// Rows are reduced two at a time: m₁ for row i + 1 is known as soon as row i has
    /// updated limb i + 1, and the two rows' carry chains are then independent, which keeps
    /// the multiplier busy (a single chain is bound by the latency of its additions).
    @inline(__always)
    static func reduce(
        _ result: UnsafeMutablePointer<UInt64>, wide w: UnsafeMutablePointer<UInt64>,
        modulus n: UnsafePointer<UInt64>, inverse: UInt64, count k: Int
    ) {
        var extra: UInt64 = 0  // carry pending into limb i + k
        var i = 0
        while i &+ 1 < k {
            let m0 = w[i] &* inverse
            var carry0 = multiplyAddHigh(m0, n[0], w[i])  // the low limb becomes zero
            let low1: UInt64
            (low1, carry0) = multiplyAdd(m0, n[1], w[i &+ 1], carry0)
            let m1 = low1 &* inverse
            var carry1 = multiplyAddHigh(m1, n[0], low1)
            var t = 1
            // Two limbs per pass (fewer loop instructions), then the odd one out.
            while t &+ 1 < k &- 1 {
                let position = i &+ 1 &+ t
                var x: UInt64
                (x, carry0) = multiplyAdd(m0, n[t &+ 1], w[position], carry0)
                (w[position], carry1) = multiplyAdd(m1, n[t], x, carry1)
                (x, carry0) = multiplyAdd(m0, n[t &+ 2], w[position &+ 1], carry0)
                (w[position &+ 1], carry1) = multiplyAdd(m1, n[t &+ 1], x, carry1)
                t &+= 2
            }
            if t < k &- 1 {
                let position = i &+ 1 &+ t
                let x: UInt64
                (x, carry0) = multiplyAdd(m0, n[t &+ 1], w[position], carry0)
                (w[position], carry1) = multiplyAdd(m1, n[t], x, carry1)
            }
            let (top, topCarry) = addWithCarry(w[i &+ k], carry0, extra)
            let high: UInt64
            (w[i &+ k], high) = multiplyAdd(m1, n[k &- 1], top, carry1)
            (w[i &+ k &+ 1], extra) = addWithCarry(w[i &+ k &+ 1], high, topCarry)
            i &+= 2
        }
        if i < k {  // odd k: the last row alone
            let m = w[i] &* inverse
            var carry: UInt64 = 0
            for j in 0..<k {
                (w[i &+ j], carry) = multiplyAdd(m, n[j], w[i &+ j], carry)
            }
            (w[i &+ k], extra) = addWithCarry(w[i &+ k], carry, extra)
        }
        subtractModulusIfNeeded(result, w + k, top: extra, modulus: n, count: k)
    }

    /// result = a²·R⁻¹ mod n: the square computed with each cross product once (two rows at a time, for two independent
    /// carry chains), doubled, plus the squares a[i]², then reduced.
    ///
    /// `result` may alias `a`. `scratch`: 2k limbs.
    @inline(__always)
    static func square(
        _ result: UnsafeMutablePointer<UInt64>, _ a: UnsafePointer<UInt64>,
        modulus n: UnsafePointer<UInt64>, inverse: UInt64, count k: Int, scratch w: UnsafeMutablePointer<UInt64>
    ) {
        w.update(repeating: 0, count: 2 * k)
        // Cross products a[i]·a[j], i < j; rows i and i + 1 together. Row i covers limbs
        // 2i+1 ..< i+k, row i + 1 covers 2i+3 ..< i+k+1; limbs i+k and i+k+1 are still zero.
        var i = 0
        while i &+ 2 < k {
            let a0 = a[i]
            let a1 = a[i &+ 1]
            var carry0: UInt64
            (w[2 &* i &+ 1], carry0) = multiplyAdd(a0, a1, w[2 &* i &+ 1], 0)
            (w[2 &* i &+ 2], carry0) = multiplyAdd(a0, a[i &+ 2], w[2 &* i &+ 2], carry0)
            var carry1: UInt64 = 0
            var position = 2 &* i &+ 3
            // Two limbs per pass (fewer loop instructions), then the odd one out.
            while position &+ 1 < i &+ k {
                var x: UInt64
                (x, carry0) = multiplyAdd(a0, a[position &- i], w[position], carry0)
                (w[position], carry1) = multiplyAdd(a1, a[position &- i &- 1], x, carry1)
                (x, carry0) = multiplyAdd(a0, a[position &- i &+ 1], w[position &+ 1], carry0)
                (w[position &+ 1], carry1) = multiplyAdd(a1, a[position &- i], x, carry1)
                position &+= 2
            }
            if position < i &+ k {
                let x: UInt64
                (x, carry0) = multiplyAdd(a0, a[position &- i], w[position], carry0)
                (w[position], carry1) = multiplyAdd(a1, a[position &- i &- 1], x, carry1)
            }
            (w[i &+ k], w[i &+ k &+ 1]) = multiplyAdd(a1, a[k &- 1], carry0, carry1)
            i &+= 2
        }
        while i < k &- 1 {  // the remaining row, alone
            let ai = a[i]
            var carry: UInt64 = 0
            var j = i &+ 1
            while j < k {
                (w[i &+ j], carry) = multiplyAdd(ai, a[j], w[i &+ j], carry)
                j &+= 1
            }
            w[i &+ k] = carry
            i &+= 1
        }
        // Double them and add the squares a[i]², in one pass over limb pairs.
        var shifted: UInt64 = 0
        var carry: UInt64 = 0
        for index in 0..<k {
            let lowLimb = w[2 &* index]
            let highLimb = w[2 &* index &+ 1]
            let doubledLow = (lowLimb << 1) | shifted
            let doubledHigh = (highLimb << 1) | (lowLimb >> 63)
            shifted = highLimb >> 63
            let high: UInt64
            (w[2 &* index], high) = multiplyAdd(a[index], a[index], doubledLow, carry)
            (w[2 &* index &+ 1], carry) = addWithCarry(doubledHigh, high, 0)
        }
        reduce(result, wide: w, modulus: n, inverse: inverse, count: k)
    }
}
