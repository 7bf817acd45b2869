import SigilConstantTime

// Modular addition, subtraction and Montgomery multiplication on limb arrays whose length is
// a parameter rather than part of the type: one function serves every curve and modulus.
//
// `ModularElement` uses these on wasm32 only, where a copy of its generic arithmetic inlined
// into every point operation of every curve made most of the WebAssembly module; natively it
// keeps its own, which the compiler specialises and unrolls per curve. The operations are
// the same ones in the same order, so they run in time independent of the values: carries
// and borrows are arithmetic, the conditional subtraction is masked, and the limb count and
// the modulus are public.

/// `t` = a·b·R⁻¹ mod m, R = 2^(64·`count`), for a, b < m (CIOS: multiply and reduce limb by limb).
///
/// - Parameters:
///   - a: `count` limbs, least significant first, below m.
///   - b: `count` limbs, below m.
///   - m: the odd modulus, `count` limbs.
///   - negatedInverse: −m⁻¹ mod 2⁶⁴.
///   - count: the number of limbs.
///   - t: receives the `count` limbs of the product, below m; may not overlap a, b or m.
@inline(never)
func montgomeryProduct(
    _ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, modulus m: UnsafePointer<UInt64>,
    negatedInverse: UInt64, count: Int, into t: UnsafeMutablePointer<UInt64>
) {
    t.update(repeating: 0, count: count)
    var top: UInt64 = 0
    for i in 0..<count {
        let bi = b[i]
        var carry: UInt64 = 0
        for j in 0..<count {
            (t[j], carry) = multiplyAccumulate(a[j], bi, t[j], carry)
        }
        let (upperLow, upperHigh) = addWithCarry(top, carry, 0)
        let factor = t[0] &* negatedInverse
        (_, carry) = multiplyAccumulate(factor, m[0], t[0], 0)
        for j in 1..<count {
            (t[j - 1], carry) = multiplyAccumulate(factor, m[j], t[j], carry)
        }
        let lastCarry: UInt64
        (t[count - 1], lastCarry) = addWithCarry(upperLow, carry, 0)
        top = upperHigh &+ lastCarry
    }
    conditionallySubtractModulus(t, carry: top, modulus: m, count: count)
}

/// `s` = a + b mod m, for a, b < m.
///
/// - Parameters:
///   - a: `count` limbs, below m.
///   - b: `count` limbs, below m.
///   - m: the modulus, `count` limbs.
///   - count: the number of limbs.
///   - s: receives the sum, below m; may not overlap a, b or m.
@inline(never)
func modularSum(
    _ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, modulus m: UnsafePointer<UInt64>, count: Int,
    into s: UnsafeMutablePointer<UInt64>
) {
    var carry: UInt64 = 0
    for i in 0..<count {
        (s[i], carry) = addWithCarry(a[i], b[i], carry)
    }
    conditionallySubtractModulus(s, carry: carry, modulus: m, count: count)
}

/// `d` = a − b mod m, for a, b < m.
///
/// - Parameters:
///   - a: `count` limbs, below m.
///   - b: `count` limbs, below m.
///   - m: the modulus, `count` limbs.
///   - count: the number of limbs.
///   - d: receives the difference, below m; may not overlap a, b or m.
@inline(never)
func modularDifference(
    _ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, modulus m: UnsafePointer<UInt64>, count: Int,
    into d: UnsafeMutablePointer<UInt64>
) {
    var borrow: UInt64 = 0
    for i in 0..<count {
        (d[i], borrow) = subtractWithBorrow(a[i], b[i], borrow)
    }
    // Add m back when the subtraction borrowed.
    let mask = maskFromBit(borrow)
    var carry: UInt64 = 0
    for i in 0..<count {
        (d[i], carry) = addWithCarry(d[i], m[i] & mask, carry)
    }
}

/// Reduces `carry`·R + `value`, a value below 2m, below m in place: subtracts m, or 0 when
/// that would borrow beyond the carry (a masked subtraction, no branch).
///
/// - Parameters:
///   - value: `count` limbs, replaced by the reduced value.
///   - carry: the bit above `value` (0 or 1).
///   - m: the modulus, `count` limbs.
///   - count: the number of limbs.
@inline(__always)
func conditionallySubtractModulus(
    _ value: UnsafeMutablePointer<UInt64>, carry: UInt64, modulus m: UnsafePointer<UInt64>, count: Int
) {
    var borrow: UInt64 = 0
    for i in 0..<count {
        (_, borrow) = subtractWithBorrow(value[i], m[i], borrow)
    }
    // value − m is the answer unless it borrowed beyond the carry.
    let subtract = ~maskFromBit(borrow & ~carry & 1)
    borrow = 0
    for i in 0..<count {
        (value[i], borrow) = subtractWithBorrow(value[i], m[i] & subtract, borrow)
    }
}
