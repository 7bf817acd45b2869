import SigilConstantTime

// Modular inversion for the blinding of RSA signing.
//
// The binary extended Euclidean algorithm below runs in variable time: its branches and
// trip count depend on the value inverted. It is only ever applied to a product v·b of two
// fresh random values (see `RSA.PrivateKey`), so its timing can reveal something about
// that product but nothing about the blinding value v nor the key; BoringSSL blinds its
// inversion of the blinding value the same way. Its modular subtraction is a masked select
// through `valueBarrier` all the same.

extension MontgomeryModulus {
    /// The inverse of `value` (k limbs) modulo the odd modulus, or nil when it has none (gcd ≠ 1, or `value` is zero).
    ///
    /// Variable time: for blinded random values only.
    ///
    /// Invariants: x1·value ≡ u and x2·value ≡ v (mod n). Each round strips the trailing
    /// zeros of u (or v) at once and divides x1 (or x2) by the same power of two modulo n
    /// with one multiply-add pass (x + m·n is divisible by 2^s for m = −x·n⁻¹ mod 2^s).
    func inverse(of value: [UInt64]) -> [UInt64]? {
        let k = limbCount
        guard value.count == k else { return nil }
        var state = [UInt64](repeating: 0, count: 5 * k + 1)
        let found: Bool = modulus.withUnsafeBufferPointer { modulusBuffer in
            state.withUnsafeMutableBufferPointer { buffer in
                let n = modulusBuffer.baseAddress!
                let u = buffer.baseAddress!
                let v = u + k
                let x1 = v + k
                let x2 = x1 + k
                let wide = x2 + k  // one spare limb for x + m·n
                for index in 0..<k {
                    u[index] = value[index]
                    v[index] = n[index]
                }
                x1[0] = 1
                // Each round removes at least one bit from u or v: 2·64·k + 2 rounds bound
                // the loop whatever the input (never reached for valid input).
                var rounds = 0
                while rounds <= 128 * k + 2 {
                    rounds += 1
                    guard let shiftU = MontgomeryModulus.trailingZeroCount(u, count: k),
                        let shiftV = MontgomeryModulus.trailingZeroCount(v, count: k)
                    else { return false }
                    if shiftU > 0 {
                        MontgomeryModulus.shiftRight(u, count: k, by: shiftU)
                        divideByPowerOfTwo(x1, shiftU, modulus: n, spare: wide)
                    }
                    if shiftV > 0 {
                        MontgomeryModulus.shiftRight(v, count: k, by: shiftV)
                        divideByPowerOfTwo(x2, shiftV, modulus: n, spare: wide)
                    }
                    if MontgomeryModulus.isOne(u, count: k) {
                        for index in 0..<k { wide[index] = x1[index] }
                        return true
                    }
                    if MontgomeryModulus.isOne(v, count: k) {
                        for index in 0..<k { wide[index] = x2[index] }
                        return true
                    }
                    if MontgomeryModulus.isLess(v, than: u, count: k) || MontgomeryModulus.isEqual(u, v, count: k) {
                        MontgomeryModulus.subtract(u, v, count: k)
                        MontgomeryModulus.subtractModulo(x1, x2, modulus: n, count: k)
                    } else {
                        MontgomeryModulus.subtract(v, u, count: k)
                        MontgomeryModulus.subtractModulo(x2, x1, modulus: n, count: k)
                    }
                }
                return false
            }
        }
        guard found else { return nil }
        return Array(state[(4 * k)..<(5 * k)])
    }

    /// x = x / 2^shift mod n, for x < n and 1 ≤ shift ≤ 63.
    ///
    /// `spare`: k + 1 limbs.
    private func divideByPowerOfTwo(
        _ x: UnsafeMutablePointer<UInt64>, _ shift: Int, modulus n: UnsafePointer<UInt64>,
        spare: UnsafeMutablePointer<UInt64>
    ) {
        let k = limbCount
        let mask: UInt64 = (1 << UInt64(shift)) &- 1
        let m = UInt128((x[0] &* inverse) & mask)  // x + m·n ≡ 0 (mod 2^shift)
        var carry: UInt128 = 0
        for index in 0..<k {
            let sum = m &* UInt128(n[index]) &+ UInt128(x[index]) &+ carry
            spare[index] = UInt64(truncatingIfNeeded: sum)
            carry = sum &>> 64
        }
        spare[k] = UInt64(truncatingIfNeeded: carry)
        // (x + m·n) / 2^shift < n: shift the k + 1 limbs down into k.
        let back = UInt64(64 - shift)
        for index in 0..<k {
            x[index] = (spare[index] >> UInt64(shift)) | (spare[index + 1] << back)
        }
    }

    /// The number of trailing zero bits, at most 63 per call (the caller loops), or nil for zero.
    private static func trailingZeroCount(_ value: UnsafePointer<UInt64>, count k: Int) -> Int? {
        for index in 0..<k where value[index] != 0 {
            return index == 0 ? value[0].trailingZeroBitCount : 63
        }
        return nil
    }

    private static func shiftRight(_ value: UnsafeMutablePointer<UInt64>, count k: Int, by shift: Int) {
        let back = UInt64(64 - shift)
        for index in 0..<(k - 1) {
            value[index] = (value[index] >> UInt64(shift)) | (value[index + 1] << back)
        }
        value[k - 1] >>= UInt64(shift)
    }

    private static func isOne(_ value: UnsafePointer<UInt64>, count k: Int) -> Bool {
        guard value[0] == 1 else { return false }
        for index in 1..<max(1, k) where value[index] != 0 { return false }
        return true
    }

    private static func isEqual(_ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, count k: Int) -> Bool {
        for index in 0..<k where a[index] != b[index] { return false }
        return true
    }

    private static func isLess(_ a: UnsafePointer<UInt64>, than b: UnsafePointer<UInt64>, count k: Int) -> Bool {
        var index = k - 1
        while index >= 0 {
            if a[index] != b[index] { return a[index] < b[index] }
            index -= 1
        }
        return false
    }

    /// a = a − b, for a ≥ b.
    private static func subtract(_ a: UnsafeMutablePointer<UInt64>, _ b: UnsafePointer<UInt64>, count k: Int) {
        var borrow: UInt64 = 0
        for index in 0..<k {
            (a[index], borrow) = subtractWithBorrow(a[index], b[index], borrow)
        }
    }
}
