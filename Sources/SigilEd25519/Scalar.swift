// Integers modulo the order L = 2²⁵² + 27742317777372353535851937790883648493 of the
// edwards25519 base point (RFC 8032 §5.1), on four 64-bit words with Montgomery
// multiplication. Every operation runs in time independent of the values.

import SigilConstantTime

/// An integer modulo L (or, for the clamped secret scalar, any value below 2²⁵⁶), as four
/// little-endian 64-bit words.
struct Scalar: Sendable {
    var w0: UInt64
    var w1: UInt64
    var w2: UInt64
    var w3: UInt64

    @inline(__always)
    init(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) {
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
        self.w3 = w3
    }

    /// L, the order of the base point.
    static let order = Scalar(0x5812_631a_5cf5_d3ed, 0x14de_f9de_a2f7_9cd6, 0, 0x1000_0000_0000_0000)
    /// 2²⁵⁶ mod L (R, the Montgomery radix, reduced).
    static let montgomeryR = Scalar(
        0xd6ec_3174_8d98_951d, 0xc6ef_5bf4_737d_cf70, 0xffff_ffff_ffff_fffe, 0x0fff_ffff_ffff_ffff)
    /// 2⁵¹² mod L (R²).
    static let montgomeryR2 = Scalar(
        0xa406_11e3_449c_0f01, 0xd00e_1ba7_6885_9347, 0xceec_73d2_17f5_be65, 0x0399_411b_7c30_9a3d)
    /// −L⁻¹ mod 2⁶⁴.
    static let montgomeryInverse: UInt64 = 0xd2b5_1da3_1254_7e1b

    /// The 32 little-endian bytes at `input`, as they are (not reduced).
    init(loading input: UnsafeRawPointer) {
        self.init(
            UInt64(littleEndian: input.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
            UInt64(littleEndian: input.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
            UInt64(littleEndian: input.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
            UInt64(littleEndian: input.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
    }

    /// The 64 little-endian bytes at `input` (a SHA-512 digest) reduced modulo L (RFC 8032 §5.1.6).
    init(reducingWide input: UnsafeRawPointer) {
        let low = Scalar(loading: input)
        let high = Scalar(loading: input + 32)
        // low + high·2²⁵⁶ ≡ REDC(low·R) + REDC(high·R²)  (mod L); both products are below L·2²⁵⁶.
        self = Scalar.add(
            Scalar.montgomeryMultiply(low, Scalar.montgomeryR), Scalar.montgomeryMultiply(high, Scalar.montgomeryR2))
    }

    /// Writes the 32 little-endian bytes to `output`.
    func store(into output: UnsafeMutableRawPointer) {
        output.storeBytes(of: w0.littleEndian, toByteOffset: 0, as: UInt64.self)
        output.storeBytes(of: w1.littleEndian, toByteOffset: 8, as: UInt64.self)
        output.storeBytes(of: w2.littleEndian, toByteOffset: 16, as: UInt64.self)
        output.storeBytes(of: w3.littleEndian, toByteOffset: 24, as: UInt64.self)
    }

    /// Word `index` (0…3), or 0 above.
    @inline(__always)
    func word(_ index: Int) -> UInt64 {
        switch index {
        case 0: w0
        case 1: w1
        case 2: w2
        case 3: w3
        default: 0
        }
    }

    /// Whether the 32 little-endian bytes at `input` encode an integer below L, the only
    /// encodings of S that RFC 8032 §5.1.7 accepts.
    ///
    /// Variable time: for public values only.
    static func isCanonical(_ input: UnsafeRawPointer) -> Bool {
        let s = Scalar(loading: input)
        let l = Scalar.order
        if s.w3 != l.w3 { return s.w3 < l.w3 }
        if s.w2 != l.w2 { return s.w2 < l.w2 }
        if s.w1 != l.w1 { return s.w1 < l.w1 }
        return s.w0 < l.w0
    }

    /// (a + b) mod L, for a, b < L.
    static func add(_ a: Scalar, _ b: Scalar) -> Scalar {
        var carry: UInt64 = 0
        var s0: UInt64 = 0
        var s1: UInt64 = 0
        var s2: UInt64 = 0
        var s3: UInt64 = 0
        (s0, carry) = addWithCarry(a.w0, b.w0, carry)
        (s1, carry) = addWithCarry(a.w1, b.w1, carry)
        (s2, carry) = addWithCarry(a.w2, b.w2, carry)
        (s3, carry) = addWithCarry(a.w3, b.w3, carry)
        // a + b < 2L < 2²⁵⁴, so the final carry is zero.
        return subtractOrderIfNeeded(s0, s1, s2, s3, 0)
    }

    /// (k·a + r) mod L, for k, r < L and any a below 2²⁵⁶ (RFC 8032 §5.1.6, step 5).
    static func multiplyAdd(_ k: Scalar, _ a: Scalar, _ r: Scalar) -> Scalar {
        let aMontgomery = montgomeryMultiply(a, montgomeryR2)  // a·R mod L
        return add(montgomeryMultiply(k, aMontgomery), r)  // k·a·R·R⁻¹ = k·a
    }

    /// a·b·2⁻²⁵⁶ mod L (Montgomery multiplication, CIOS), for a < 2²⁵⁶ and b < L, so that
    /// a·b < L·2²⁵⁶ and the result before its final masked subtraction is below 2L.
    static func montgomeryMultiply(_ a: Scalar, _ b: Scalar) -> Scalar {
        var t0: UInt64 = 0
        var t1: UInt64 = 0
        var t2: UInt64 = 0
        var t3: UInt64 = 0
        var t4: UInt64 = 0
        let n = Scalar.order
        for i in 0..<4 {
            let bi = b.word(i)
            var carry: UInt64 = 0
            (t0, carry) = multiplyAccumulate(a.w0, bi, t0, carry)
            (t1, carry) = multiplyAccumulate(a.w1, bi, t1, carry)
            (t2, carry) = multiplyAccumulate(a.w2, bi, t2, carry)
            (t3, carry) = multiplyAccumulate(a.w3, bi, t3, carry)
            var t5: UInt64 = 0
            (t4, t5) = addWithCarry(t4, carry, 0)
            let m = t0 &* montgomeryInverse
            // The low word of m·L₀ + t₀ is zero by the choice of m; only its carry remains.
            carry = multiplyAccumulate(m, n.w0, t0, 0).1
            (t0, carry) = multiplyAccumulate(m, n.w1, t1, carry)
            (t1, carry) = multiplyAccumulate(m, n.w2, t2, carry)
            (t2, carry) = multiplyAccumulate(m, n.w3, t3, carry)
            var top: UInt64 = 0
            (t3, top) = addWithCarry(t4, carry, 0)
            t4 = t5 &+ top
        }
        return subtractOrderIfNeeded(t0, t1, t2, t3, t4)
    }

    /// The five-word value t, below 2L, reduced to below L by a masked subtraction.
    @inline(__always)
    private static func subtractOrderIfNeeded(
        _ t0: UInt64, _ t1: UInt64, _ t2: UInt64, _ t3: UInt64, _ t4: UInt64
    ) -> Scalar {
        let n = Scalar.order
        var borrow: UInt64 = 0
        var d0: UInt64 = 0
        var d1: UInt64 = 0
        var d2: UInt64 = 0
        var d3: UInt64 = 0
        (d0, borrow) = subtractWithBorrow(t0, n.w0, borrow)
        (d1, borrow) = subtractWithBorrow(t1, n.w1, borrow)
        (d2, borrow) = subtractWithBorrow(t2, n.w2, borrow)
        (d3, borrow) = subtractWithBorrow(t3, n.w3, borrow)
        (_, borrow) = subtractWithBorrow(t4, 0, borrow)
        // borrow = 1: t < L, keep t.
        let keep = maskFromBit(borrow)
        return Scalar(select(keep, t0, d0), select(keep, t1, d1), select(keep, t2, d2), select(keep, t3, d3))
    }
}
