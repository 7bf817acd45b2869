// Arithmetic in the field GF(2²⁵⁵ − 19) of Curve25519 (RFC 7748 §4.1, RFC 8032 §5.1), on
// five 51-bit limbs with 128-bit products (`DoubleWord`). Every operation here runs in time
// independent of the values: no branch and no memory address depends on a limb.

import SigilConstantTime

/// An element of GF(p), p = 2²⁵⁵ − 19, as five unsigned 51-bit limbs (radix 2⁵¹, little-endian).
///
/// Limbs may exceed 51 bits between operations: `multiply` and `square` accept limbs below
/// 2⁵⁴ and return limbs just above 2⁵¹ at most; `subtract` returns reduced limbs; `add`
/// does not reduce, so a sum of two outputs of the other operations has limbs below 2⁵³.
/// Only `encoded()` produces the unique representative below p.
struct FieldElement: Sendable {
    var l0: UInt64
    var l1: UInt64
    var l2: UInt64
    var l3: UInt64
    var l4: UInt64

    @inline(__always)
    init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64, _ l4: UInt64) {
        self.l0 = l0
        self.l1 = l1
        self.l2 = l2
        self.l3 = l3
        self.l4 = l4
    }

    static let limbMask: UInt64 = (1 << 51) - 1

    static let zero = FieldElement(0, 0, 0, 0, 0)
    static let one = FieldElement(1, 0, 0, 0, 0)
    /// d = −121665/121666, the curve constant of edwards25519 (RFC 8032 §5.1).
    static let d = FieldElement(
        0x34dca135978a3, 0x1a8283b156ebd, 0x5e7a26001c029, 0x739c663a03cbb, 0x52036cee2b6ff)
    /// 2·d.
    static let d2 = FieldElement(
        0x69b9426b2f159, 0x35050762add7a, 0x3cf44c0038052, 0x6738cc7407977, 0x2406d9dc56dff)
    /// A square root of −1: 2^((p−1)/4) (RFC 8032 §5.1.3).
    static let sqrtMinusOne = FieldElement(
        0x61b274a0ea0b0, 0x0d5a5fc8f189d, 0x7ef5e9cbd0c60, 0x78595a6804c9e, 0x2b8324804fc1d)

    // MARK: Carrying

    /// Propagates carries so that every limb is below 2⁵¹ + 2¹⁸ (the value is unchanged mod p).
    @inline(__always)
    static func carried(
        _ t0: DoubleWord, _ t1: DoubleWord, _ t2: DoubleWord, _ t3: DoubleWord, _ t4: DoubleWord
    ) -> FieldElement {
        let mask = limbMask
        var c = t0 >> 51
        let r0 = t0.low & mask
        let s1 = t1 &+ c
        c = s1 >> 51
        let r1 = s1.low & mask
        let s2 = t2 &+ c
        c = s2 >> 51
        let r2 = s2.low & mask
        let s3 = t3 &+ c
        c = s3 >> 51
        let r3 = s3.low & mask
        let s4 = t4 &+ c
        c = s4 >> 51
        let r4 = s4.low & mask
        // 2²⁵⁵ ≡ 19 (mod p).
        let s0 = DoubleWord(r0) &+ c.multiplied(by: 19)
        let f0 = s0.low & limbMask
        let f1 = r1 &+ (s0 >> 51).low
        return FieldElement(f0, f1, r2, r3, r4)
    }

    /// The same value with every limb below 2⁵¹ + 2¹⁸.
    @inline(__always)
    func weaklyReduced() -> FieldElement {
        let mask = FieldElement.limbMask
        var r0 = l0 & mask
        var r1 = l1 & mask
        var r2 = l2 & mask
        var r3 = l3 & mask
        let r4 = l4 & mask
        r0 = r0 &+ (l4 >> 51) &* 19
        r1 = r1 &+ (l0 >> 51)
        r2 = r2 &+ (l1 >> 51)
        r3 = r3 &+ (l2 >> 51)
        return FieldElement(r0, r1, r2, r3, r4 &+ (l3 >> 51))
    }

    // MARK: Ring operations

    /// a + b without reduction.
    @inline(__always)
    static func + (a: FieldElement, b: FieldElement) -> FieldElement {
        FieldElement(a.l0 &+ b.l0, a.l1 &+ b.l1, a.l2 &+ b.l2, a.l3 &+ b.l3, a.l4 &+ b.l4)
    }

    /// a − b, computed as a + 4p − b and weakly reduced; b's limbs must be below 2⁵³.
    #if arch(wasm32)
    @inline(never)
    #else
    @inline(__always)
    #endif
    static func - (a: FieldElement, b: FieldElement) -> FieldElement {
        // 4p = (2⁵³ − 76, 2⁵³ − 4, 2⁵³ − 4, 2⁵³ − 4, 2⁵³ − 4) in radix 2⁵¹.
        FieldElement(
            (a.l0 &+ 0x1f_ffff_ffff_ffb4) &- b.l0,
            (a.l1 &+ 0x1f_ffff_ffff_fffc) &- b.l1,
            (a.l2 &+ 0x1f_ffff_ffff_fffc) &- b.l2,
            (a.l3 &+ 0x1f_ffff_ffff_fffc) &- b.l3,
            (a.l4 &+ 0x1f_ffff_ffff_fffc) &- b.l4
        ).weaklyReduced()
    }

    /// −a.
    @inline(__always)
    static prefix func - (a: FieldElement) -> FieldElement {
        FieldElement.zero - a
    }

    /// a · b mod p (limbs below 2⁵⁴ in, below 2⁵¹ + 2¹⁸ out).
    ///
    /// Inlined natively, for speed. On wasm32, which has no 64 × 64 → 128-bit multiply (each
    /// of the 25 limb products is a call and a carry chain), it stays one function, so that
    /// the point formulas and table builders that use it many times call it rather than copy
    /// it (the module's size); the code and its constant-time behaviour are the same.
    #if arch(wasm32)
    @inline(never)
    #else
    @inline(__always)
    #endif
    static func * (a: FieldElement, b: FieldElement) -> FieldElement {
        let (a0, a1, a2, a3, a4) = (a.l0, a.l1, a.l2, a.l3, a.l4)
        let (b0, b1, b2, b3, b4) = (b.l0, b.l1, b.l2, b.l3, b.l4)
        // Limb products at 2⁵¹ᵏ for k ≥ 5 wrap around multiplied by 19.
        let b1_19 = b.l1 &* 19
        let b2_19 = b.l2 &* 19
        let b3_19 = b.l3 &* 19
        let b4_19 = b.l4 &* 19
        let t0: DoubleWord =
            .product(a0, b0) &+ .product(a1, b4_19) &+ .product(a2, b3_19) &+ .product(a3, b2_19)
            &+ .product(a4, b1_19)
        let t1: DoubleWord =
            .product(a0, b1) &+ .product(a1, b0) &+ .product(a2, b4_19) &+ .product(a3, b3_19)
            &+ .product(a4, b2_19)
        let t2: DoubleWord =
            .product(a0, b2) &+ .product(a1, b1) &+ .product(a2, b0) &+ .product(a3, b4_19)
            &+ .product(a4, b3_19)
        let t3: DoubleWord =
            .product(a0, b3) &+ .product(a1, b2) &+ .product(a2, b1) &+ .product(a3, b0)
            &+ .product(a4, b4_19)
        let t4: DoubleWord =
            .product(a0, b4) &+ .product(a1, b3) &+ .product(a2, b2) &+ .product(a3, b1)
            &+ .product(a4, b0)
        return carried(t0, t1, t2, t3, t4)
    }

    /// a² mod p.
    ///
    /// Inlined natively; one function on wasm32, as `*` is.
    #if arch(wasm32)
    @inline(never)
    #else
    @inline(__always)
    #endif
    func squared() -> FieldElement {
        let (a0, a1, a2, a3, a4) = (l0, l1, l2, l3, l4)
        let d0 = l0 &* 2
        let d1 = l1 &* 2
        let a3_19 = l3 &* 19
        let a4_19 = l4 &* 19
        let d2_19 = l2 &* 38
        let d3_19 = l3 &* 38
        let t0: DoubleWord = .product(a0, a0) &+ .product(d1, a4_19) &+ .product(d2_19, a3)
        let t1: DoubleWord = .product(d0, a1) &+ .product(d2_19, a4) &+ .product(a3, a3_19)
        let t2: DoubleWord = .product(d0, a2) &+ .product(a1, a1) &+ .product(d3_19, a4)
        let t3: DoubleWord = .product(d0, a3) &+ .product(d1, a2) &+ .product(a4, a4_19)
        let t4: DoubleWord = .product(d0, a4) &+ .product(d1, a3) &+ .product(a2, a2)
        return FieldElement.carried(t0, t1, t2, t3, t4)
    }

    /// a^(2ⁿ) mod p, for n ≥ 1.
    @inline(__always)
    func squared(times n: Int) -> FieldElement {
        var result = squared()
        var remaining = n - 1
        while remaining > 0 {
            result = result.squared()
            remaining -= 1
        }
        return result
    }

    /// a^(2²⁵⁰ − 1) and a¹¹, the common prefix of `inverse()` and `powP58()` (the addition
    /// chain of ref10's fe_invert; its length does not depend on the value).
    @inline(__always)
    private func power2To250MinusOne() -> (power: FieldElement, eleven: FieldElement) {
        let z2 = squared()
        let z9 = self * z2.squared(times: 2)
        let z11 = z2 * z9
        let z2to5minus1 = z9 * z11.squared()
        let z2to10minus1 = z2to5minus1.squared(times: 5) * z2to5minus1
        let z2to20minus1 = z2to10minus1.squared(times: 10) * z2to10minus1
        let z2to40minus1 = z2to20minus1.squared(times: 20) * z2to20minus1
        let z2to50minus1 = z2to40minus1.squared(times: 10) * z2to10minus1
        let z2to100minus1 = z2to50minus1.squared(times: 50) * z2to50minus1
        let z2to200minus1 = z2to100minus1.squared(times: 100) * z2to100minus1
        let z2to250minus1 = z2to200minus1.squared(times: 50) * z2to50minus1
        return (z2to250minus1, z11)
    }

    /// a⁻¹ = a^(p−2) mod p by a fixed chain of 254 squarings and 11 multiplications (0 maps to 0).
    func inverse() -> FieldElement {
        let (power, eleven) = power2To250MinusOne()
        return power.squared(times: 5) * eleven
    }

    /// a^((p−5)/8) = a^(2²⁵² − 3), used for square roots (RFC 8032 §5.1.3).
    func powP58() -> FieldElement {
        let (power, _) = power2To250MinusOne()
        return power.squared(times: 2) * self
    }

    // MARK: Masks and encoding

    /// `a` where `mask` is all ones, `b` where it is zero.
    @inline(__always)
    static func select(_ mask: UInt64, _ a: FieldElement, _ b: FieldElement) -> FieldElement {
        FieldElement(
            SigilConstantTime.select(mask, a.l0, b.l0),
            SigilConstantTime.select(mask, a.l1, b.l1),
            SigilConstantTime.select(mask, a.l2, b.l2),
            SigilConstantTime.select(mask, a.l3, b.l3),
            SigilConstantTime.select(mask, a.l4, b.l4))
    }

    /// The unique representative below p, as four little-endian 64-bit words.
    func canonicalWords() -> (UInt64, UInt64, UInt64, UInt64) {
        let mask = FieldElement.limbMask
        // Two weak reductions leave every limb below 2⁵¹ + 19.
        let h = weaklyReduced().weaklyReduced()
        // Now h < 2p. q = 1 exactly when h ≥ p, that is when h + 19 ≥ 2²⁵⁵ (the carry chain
        // is exact whatever the limb sizes).
        var q = (h.l0 &+ 19) >> 51
        q = (h.l1 &+ q) >> 51
        q = (h.l2 &+ q) >> 51
        q = (h.l3 &+ q) >> 51
        q = (h.l4 &+ q) >> 51
        // h − q·p = h + 19q − q·2²⁵⁵: add 19q, carry, and drop bit 255.
        var r0 = h.l0 &+ 19 &* q
        var r1 = h.l1 &+ (r0 >> 51)
        r0 &= mask
        var r2 = h.l2 &+ (r1 >> 51)
        r1 &= mask
        var r3 = h.l3 &+ (r2 >> 51)
        r2 &= mask
        var r4 = h.l4 &+ (r3 >> 51)
        r3 &= mask
        r4 &= mask
        return (r0 | r1 << 51, r1 >> 13 | r2 << 38, r2 >> 26 | r3 << 25, r3 >> 39 | r4 << 12)
    }

    /// The 32-byte little-endian encoding of the canonical representative (RFC 8032 §5.1.2,
    /// before the sign bit is placed in bit 255), written to `output`.
    func encode(into output: UnsafeMutableRawPointer) {
        let (w0, w1, w2, w3) = canonicalWords()
        output.storeBytes(of: w0.littleEndian, toByteOffset: 0, as: UInt64.self)
        output.storeBytes(of: w1.littleEndian, toByteOffset: 8, as: UInt64.self)
        output.storeBytes(of: w2.littleEndian, toByteOffset: 16, as: UInt64.self)
        output.storeBytes(of: w3.littleEndian, toByteOffset: 24, as: UInt64.self)
    }

    /// The element whose 255-bit little-endian encoding is at `input` (bit 255 ignored).
    ///
    /// The value may be p or above (up to 2²⁵⁵ − 1); callers that need a canonical input
    /// check it with `isCanonicalEncoding`.
    init(decoding input: UnsafeRawPointer) {
        let w0 = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        let w1 = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let w2 = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        let w3 = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        let mask = FieldElement.limbMask
        self.init(
            w0 & mask,
            (w0 >> 51 | w1 << 13) & mask,
            (w1 >> 38 | w2 << 26) & mask,
            (w2 >> 25 | w3 << 39) & mask,
            (w3 >> 12) & mask)
    }

    /// Whether the 255-bit value at `input` (bit 255 ignored) is below p.
    ///
    /// Variable time: for public encodings only.
    static func isCanonicalEncoding(_ input: UnsafeRawPointer) -> Bool {
        let w0 = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        let w1 = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let w2 = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        let w3 = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: 24, as: UInt64.self)) & (UInt64.max >> 1)
        // p = 2²⁵⁵ − 19: the values p … 2²⁵⁵ − 1 have every bit from 5 to 254 set and a low
        // word of at least 2⁶⁴ − 19.
        let top = w3 == UInt64.max >> 1 && w2 == UInt64.max && w1 == UInt64.max
        return !(top && w0 >= UInt64.max - 18)
    }

    /// All ones when the element is zero (mod p), zero otherwise.
    func zeroMask() -> UInt64 {
        let (w0, w1, w2, w3) = canonicalWords()
        return maskIfZero(w0 | w1 | w2 | w3)
    }

    /// The least significant bit of the canonical representative: the "sign" of RFC 8032 §5.1.2.
    func isNegativeBit() -> UInt64 {
        canonicalWords().0 & 1
    }

    /// Whether two elements are equal mod p.
    ///
    /// Variable time: for public values only.
    func isEqualPublic(_ other: FieldElement) -> Bool {
        let a = canonicalWords()
        let b = other.canonicalWords()
        return a.0 == b.0 && a.1 == b.1 && a.2 == b.2 && a.3 == b.3
    }
}

/// An unsigned 128-bit value as two 64-bit words, with the wrapping arithmetic that the field
/// multiplication needs: sums of 64 × 64-bit products and carries out of them.
///
/// The standard library's `UInt128` would do the same, but it needs the runtime of macOS 15,
/// iOS 18, tvOS 18, watchOS 11 or visionOS 2; this is built from `multipliedFullWidth(by:)`
/// and `addingReportingOverflow(_:)`, which every Swift runtime has. Every operation runs in
/// time independent of the values.
struct DoubleWord: Sendable {
    /// The upper 64 bits.
    var high: UInt64
    /// The lower 64 bits.
    var low: UInt64

    /// The value `high`·2⁶⁴ + `low`.
    @inline(__always)
    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// A value below 2⁶⁴.
    @inline(__always)
    init(_ low: UInt64) {
        self.init(high: 0, low: low)
    }

    /// The full 128-bit product a·b (never overflows).
    @inline(__always)
    static func product(_ a: UInt64, _ b: UInt64) -> DoubleWord {
        let (high, low) = wideProduct(a, b)
        return DoubleWord(high: high, low: low)
    }

    /// a + b mod 2¹²⁸.
    @inline(__always)
    static func &+ (a: DoubleWord, b: DoubleWord) -> DoubleWord {
        let (low, carry) = a.low.addingReportingOverflow(b.low)
        return DoubleWord(high: a.high &+ b.high &+ carryBit(carry), low: low)
    }

    /// self · k mod 2¹²⁸.
    @inline(__always)
    func multiplied(by k: UInt64) -> DoubleWord {
        let (high, low) = wideProduct(self.low, k)
        return DoubleWord(high: self.high &* k &+ high, low: low)
    }

    /// a shifted right by `count` bits, 0 < `count` < 64.
    @inline(__always)
    static func >> (a: DoubleWord, count: UInt64) -> DoubleWord {
        DoubleWord(high: a.high &>> count, low: (a.low &>> count) | (a.high &<< (64 &- count)))
    }
}
