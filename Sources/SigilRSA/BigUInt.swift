// A fixed-width unsigned big integer on UInt64 limbs, and the limb-level primitives the
// Montgomery code builds on. Internal to SigilRSA (the tests reach it through
// `@testable import`); never public API.
//
// Limbs are little-endian: `limbs[0]` is the least significant 64 bits. A value's width is
// fixed when it is made; operations that need equal widths say so.

import SigilConstantTime

/// An unsigned integer of a fixed number of 64-bit limbs (little-endian limb order).
struct BigUInt: Sendable, Hashable {
    /// The limbs, least significant first.
    ///
    /// Never empty.
    var limbs: [UInt64]

    /// A value from its limbs (least significant first); an empty array means zero in one limb.
    init(limbs: [UInt64]) {
        self.limbs = limbs.isEmpty ? [0] : limbs
    }

    /// Zero, `limbCount` limbs wide (at least one).
    init(zeroWithLimbCount limbCount: Int) {
        limbs = [UInt64](repeating: 0, count: max(1, limbCount))
    }

    /// The value of big-endian bytes, in the fewest limbs that hold it (at least one).
    ///
    /// Leading zero bytes are allowed and ignored.
    init<Bytes: Collection>(bigEndianBytes bytes: Bytes) where Bytes.Element == UInt8 {
        var significant = bytes.count
        var index = bytes.startIndex
        while index != bytes.endIndex, bytes[index] == 0 {
            bytes.formIndex(after: &index)
            significant -= 1
        }
        let limbCount = max(1, (significant + 7) / 8)
        var limbs = [UInt64](repeating: 0, count: limbCount)
        var position = significant - 1  // byte position counted from the least significant end
        while index != bytes.endIndex {
            limbs[position / 8] |= UInt64(bytes[index]) << UInt64((position % 8) * 8)
            position -= 1
            bytes.formIndex(after: &index)
        }
        self.limbs = limbs
    }

    /// The value of big-endian bytes widened to exactly `limbCount` limbs, or nil when it
    /// does not fit.
    init?<Bytes: Collection>(bigEndianBytes bytes: Bytes, limbCount: Int) where Bytes.Element == UInt8 {
        let value = BigUInt(bigEndianBytes: bytes)
        guard limbCount >= 1, value.significantLimbCount <= limbCount else { return nil }
        var limbs = [UInt64](repeating: 0, count: limbCount)
        for index in 0..<min(limbCount, value.limbs.count) {
            limbs[index] = value.limbs[index]
        }
        self.limbs = limbs
    }

    /// The value as exactly `count` big-endian bytes: left-padded with zeros, or with its
    /// high bytes dropped if it does not fit (callers check `byteWidth` first when it matters).
    func bigEndianBytes(count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(0, count))
        let available = limbs.count * 8
        for position in 0..<min(count, available) {
            bytes[count - 1 - position] = UInt8(truncatingIfNeeded: limbs[position / 8] >> UInt64((position % 8) * 8))
        }
        return bytes
    }

    /// The value as big-endian bytes without leading zeros (one zero byte for zero).
    var minimalBigEndianBytes: [UInt8] {
        bigEndianBytes(count: max(1, (bitWidth + 7) / 8))
    }

    /// The number of limbs up to and including the most significant non-zero one (zero for zero).
    ///
    /// Variable time: for public values.
    var significantLimbCount: Int {
        var count = limbs.count
        while count > 0, limbs[count - 1] == 0 { count -= 1 }
        return count
    }

    /// The position of the highest set bit plus one (zero for zero).
    ///
    /// Variable time.
    var bitWidth: Int {
        let count = significantLimbCount
        guard count > 0 else { return 0 }
        return (count - 1) * 64 + (64 - limbs[count - 1].leadingZeroBitCount)
    }

    /// Whether the value is zero.
    ///
    /// Variable time.
    var isZero: Bool { significantLimbCount == 0 }

    /// Whether the lowest bit is set.
    var isOdd: Bool { limbs[0] & 1 == 1 }

    /// The same value in exactly `limbCount` limbs; high limbs are dropped if narrower.
    func resized(to limbCount: Int) -> BigUInt {
        var result = [UInt64](repeating: 0, count: max(1, limbCount))
        for index in 0..<min(result.count, limbs.count) {
            result[index] = limbs[index]
        }
        return BigUInt(limbs: result)
    }

    /// Compares two values of any widths: -1, 0 or 1.
    ///
    /// Variable time: for public values.
    static func compare(_ lhs: BigUInt, _ rhs: BigUInt) -> Int {
        let width = max(lhs.limbs.count, rhs.limbs.count)
        var index = width - 1
        while index >= 0 {
            let left = index < lhs.limbs.count ? lhs.limbs[index] : 0
            let right = index < rhs.limbs.count ? rhs.limbs[index] : 0
            if left != right { return left < right ? -1 : 1 }
            index -= 1
        }
        return 0
    }

    /// Whether the two values are equal, in time that depends only on the widths.
    static func constantTimeEquals(_ lhs: BigUInt, _ rhs: BigUInt) -> Bool {
        let width = max(lhs.limbs.count, rhs.limbs.count)
        var difference: UInt64 = 0
        for index in 0..<width {
            let left = index < lhs.limbs.count ? lhs.limbs[index] : 0
            let right = index < rhs.limbs.count ? rhs.limbs[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }

    /// The full product, `lhs.limbs.count + rhs.limbs.count` limbs wide.
    ///
    /// Schoolbook; the sequence of operations depends only on the widths.
    static func product(_ lhs: BigUInt, _ rhs: BigUInt) -> BigUInt {
        var result = [UInt64](repeating: 0, count: lhs.limbs.count + rhs.limbs.count)
        for i in 0..<lhs.limbs.count {
            var carry: UInt64 = 0
            let factor = lhs.limbs[i]
            for j in 0..<rhs.limbs.count {
                (result[i + j], carry) = multiplyAdd(factor, rhs.limbs[j], result[i + j], carry)
            }
            result[i + rhs.limbs.count] = carry
        }
        return BigUInt(limbs: result)
    }

    /// `self - 1` for a non-zero value (same width).
    ///
    /// Variable time on the borrow chain: for values such as p - 1 whose lowest limb is odd, the chain stops at once.
    func decremented() -> BigUInt {
        var result = limbs
        var index = 0
        while index < result.count {
            let (value, borrow) = result[index].subtractingReportingOverflow(1)
            result[index] = value
            if !borrow { break }
            index += 1
        }
        return BigUInt(limbs: result)
    }

    /// `self mod modulus` by bit-serial shift and masked subtraction: the sequence of operations depends only on the
    /// two widths, never on the values.
    ///
    /// Slow (one pass over the modulus per bit of `self`); used for key validation, not in signing.
    /// - Precondition: `modulus` is non-zero (checked by callers; zero yields zero).
    func remainder(dividingBy modulus: BigUInt) -> BigUInt {
        let width = modulus.limbs.count
        guard !modulus.isZero else { return BigUInt(zeroWithLimbCount: width) }
        // remainder < modulus < 2^(64·width); after the shift it is < 2^(64·width + 1).
        var remainder = [UInt64](repeating: 0, count: width + 1)
        var difference = [UInt64](repeating: 0, count: width + 1)
        var bit = limbs.count * 64 - 1
        while bit >= 0 {
            let incoming = (limbs[bit / 64] >> UInt64(bit % 64)) & 1
            var carry = incoming
            for index in 0...width {
                let value = remainder[index]
                remainder[index] = (value << 1) | carry
                carry = value >> 63
            }
            var borrow: UInt64 = 0
            for index in 0...width {
                let subtrahend = index < width ? modulus.limbs[index] : 0
                (difference[index], borrow) = subtractWithBorrow(remainder[index], subtrahend, borrow)
            }
            // Keep the difference when there was no final borrow (remainder ≥ modulus).
            let keep = borrow &- 1  // all ones when borrow == 0
            for index in 0...width {
                remainder[index] = (difference[index] & keep) | (remainder[index] & ~keep)
            }
            bit -= 1
        }
        return BigUInt(limbs: Array(remainder[0..<width]))
    }
}

/// `a - b - borrow` and the outgoing borrow (0 or 1), without a branch in the source.
///
/// - Parameters:
///   - a: The minuend.
///   - b: The subtrahend.
///   - borrow: The incoming borrow, 0 or 1.
/// - Returns: The difference modulo 2⁶⁴ and the outgoing borrow.
@inline(__always)
func subtractWithBorrow(_ a: UInt64, _ b: UInt64, _ borrow: UInt64) -> (UInt64, UInt64) {
    let (partial, borrowOut1) = a.subtractingReportingOverflow(b)
    let (difference, borrowOut2) = partial.subtractingReportingOverflow(borrow)
    // At most one of the two subtractions borrows.
    return (difference, (borrowOut1 ? 1 : 0) | (borrowOut2 ? 1 : 0))
}

/// `a + b + carry` and the outgoing carry (0 or 1), without a branch in the source.
///
/// - Parameters:
///   - a: An addend.
///   - b: An addend.
///   - carry: The incoming carry, 0 or 1.
/// - Returns: The sum modulo 2⁶⁴ and the outgoing carry.
@inline(__always)
func addWithCarry(_ a: UInt64, _ b: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
    // The carries are computed by bit arithmetic, not from the flags: with the flag form the
    // optimiser turned the carry of Garner's recombination (a + 0 + carry) into a branch, which
    // `.ci/ctgrind` reported.
    let partial = a &+ b
    let sum = partial &+ carry
    // Carry out of a + b: the top bit of (a ∧ b) ∨ ((a ∨ b) ∧ ¬partial); out of partial + carry
    // (carry ≤ 1): partial was all ones and sum wrapped to zero. At most one of them is set.
    let carryOut1 = ((a & b) | ((a | b) & ~partial)) >> 63
    let carryOut2 = (partial & ~sum) >> 63
    return (sum, carryOut1 | carryOut2)
}

/// `x·y + addend + carry` as a low word and a high word (the high word is the carry out),
/// without a branch in the source; the result always fits in 128 bits.
@inline(__always)
func multiplyAdd(_ x: UInt64, _ y: UInt64, _ addend: UInt64, _ carry: UInt64) -> (low: UInt64, high: UInt64) {
    // (2⁶⁴ − 1)² + 2·(2⁶⁴ − 1) = 2¹²⁸ − 1: the high word cannot overflow. The two addends
    // are summed first, while the multiplication is in flight.
    let (addends, carryOut1) = addend.addingReportingOverflow(carry)
    let product = wideProduct(x, y)
    let (low, carryOut2) = product.low.addingReportingOverflow(addends)
    return (low, product.high &+ (carryOut1 ? 1 : 0) &+ (carryOut2 ? 1 : 0))
}

/// The high word of `x·y + addend`, with the carry of the low-word addition computed by
/// bit arithmetic rather than a flag.
///
/// When the low word of a sum is discarded, the optimiser turned the flag form of this
/// carry into a branch (`.ci/ctgrind` reported it); the majority-function form below
/// compiles to plain logic instructions.
@inline(__always)
func multiplyAddHigh(_ x: UInt64, _ y: UInt64, _ addend: UInt64) -> UInt64 {
    let product = wideProduct(x, y)
    let low = product.low &+ addend
    // The carry out of a + b = s is the top bit of (a ∧ b) ∨ ((a ∨ b) ∧ ¬s).
    let carry = ((product.low & addend) | ((product.low | addend) & ~low)) >> 63
    return product.high &+ carry
}
