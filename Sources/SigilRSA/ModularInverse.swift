// Modular inversion for the blinding of RSA signing.
//
// The binary extended Euclidean algorithm below runs in variable time. It is only ever
// applied to a product v·b of two fresh random values (see `RSA.PrivateKey`), so its timing
// can reveal something about that product but nothing about the blinding value v nor the key.

extension BigUInt {
    /// The inverse of `self` modulo the odd `modulus` (same width), or nil when it has none
    /// (gcd ≠ 1, or `self` is zero). Variable time: for blinded random values only.
    func inverse(modulo modulus: BigUInt) -> BigUInt? {
        let k = modulus.limbs.count
        guard limbs.count == k, modulus.isOdd else { return nil }
        var u = limbs
        var v = modulus.limbs
        var x1 = [UInt64](repeating: 0, count: k)  // x1·self ≡ u (mod n)
        x1[0] = 1
        var x2 = [UInt64](repeating: 0, count: k)  // x2·self ≡ v (mod n)
        let n = modulus.limbs
        // Each round removes at least one bit from u or v, so 2·64·k + 2 rounds bound the loop
        // whatever the input (a guard against hangs, never reached for valid input).
        var rounds = 0
        while rounds <= 128 * k + 2 {
            rounds += 1
            if BigUInt.isZero(u) || BigUInt.isZero(v) { return nil }
            while u[0] & 1 == 0 {
                BigUInt.shiftRightOne(&u, carry: 0)
                BigUInt.halveModulo(&x1, modulus: n)
            }
            while v[0] & 1 == 0 {
                BigUInt.shiftRightOne(&v, carry: 0)
                BigUInt.halveModulo(&x2, modulus: n)
            }
            if BigUInt.isOne(u) { return BigUInt(limbs: x1) }
            if BigUInt.isOne(v) { return BigUInt(limbs: x2) }
            if BigUInt.compare(BigUInt(limbs: u), BigUInt(limbs: v)) >= 0 {
                BigUInt.subtract(&u, v)
                BigUInt.subtractModulo(&x1, x2, modulus: n)
            } else {
                BigUInt.subtract(&v, u)
                BigUInt.subtractModulo(&x2, x1, modulus: n)
            }
        }
        return nil
    }

    private static func isZero(_ value: [UInt64]) -> Bool {
        for limb in value where limb != 0 { return false }
        return true
    }

    private static func isOne(_ value: [UInt64]) -> Bool {
        guard value[0] == 1 else { return false }
        for limb in value.dropFirst() where limb != 0 { return false }
        return true
    }

    /// value = (carry:value) >> 1.
    private static func shiftRightOne(_ value: inout [UInt64], carry: UInt64) {
        var incoming = carry
        var index = value.count - 1
        while index >= 0 {
            let limb = value[index]
            value[index] = (limb >> 1) | (incoming << 63)
            incoming = limb & 1
            index -= 1
        }
    }

    /// x = x/2 mod n for odd n and x < n: (x + n)/2 when x is odd.
    private static func halveModulo(_ x: inout [UInt64], modulus n: [UInt64]) {
        let mask = 0 &- (x[0] & 1)
        var carry: UInt64 = 0
        for index in 0..<x.count {
            (x[index], carry) = addWithCarry(x[index], n[index] & mask, carry)
        }
        shiftRightOne(&x, carry: carry)
    }

    /// a = a - b, for a ≥ b.
    private static func subtract(_ a: inout [UInt64], _ b: [UInt64]) {
        var borrow: UInt64 = 0
        for index in 0..<a.count {
            (a[index], borrow) = subtractWithBorrow(a[index], b[index], borrow)
        }
    }

    /// a = a - b mod n, for a, b < n.
    private static func subtractModulo(_ a: inout [UInt64], _ b: [UInt64], modulus n: [UInt64]) {
        var borrow: UInt64 = 0
        for index in 0..<a.count {
            (a[index], borrow) = subtractWithBorrow(a[index], b[index], borrow)
        }
        let mask = 0 &- borrow
        var carry: UInt64 = 0
        for index in 0..<a.count {
            (a[index], carry) = addWithCarry(a[index], n[index] & mask, carry)
        }
    }
}
