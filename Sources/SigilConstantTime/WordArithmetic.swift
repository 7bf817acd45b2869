// Carry chains on 64-bit words for the multi-precision arithmetic of the signing modules
// (SigilRSA, SigilEC, SigilEd25519). Package-internal: nothing here is public API.
//
// They are built from `multipliedFullWidth(by:)` and `addingReportingOverflow(_:)`, which
// every Swift runtime has: the standard library's `UInt128` needs macOS 15, iOS 18, tvOS 18,
// watchOS 11 or visionOS 2. Each runs in time independent of the values: overflow flags
// become carries without a branch (`.ci/ctgrind` checks the compiled signing code).

/// The full 128-bit product a·b, as its high and low words.
@inlinable
@inline(__always)
package func wideProduct(_ a: UInt64, _ b: UInt64) -> (high: UInt64, low: UInt64) {
    a.multipliedFullWidth(by: b)
}

/// a·b + c + carry, as its low word and its high word (never overflows:
/// (2⁶⁴ − 1)² + 2·(2⁶⁴ − 1) = 2¹²⁸ − 1).
@inlinable
@inline(__always)
package func multiplyAccumulate(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
    let (high, low) = wideProduct(a, b)
    let (sum, overflow) = low.addingReportingOverflow(c)
    let (total, overflowAgain) = sum.addingReportingOverflow(carry)
    return (total, high &+ carryBit(overflow) &+ carryBit(overflowAgain))
}

/// a + b + carry, and the carry out (0 or 1); `carry` is 0 or 1.
@inlinable
@inline(__always)
package func addWithCarry(_ a: UInt64, _ b: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
    let (sum, overflow) = a.addingReportingOverflow(b)
    let (total, overflowAgain) = sum.addingReportingOverflow(carry)
    return (total, carryBit(overflow) | carryBit(overflowAgain))
}

/// a − b − borrow, and the borrow out (0 or 1); `borrow` is 0 or 1.
@inlinable
@inline(__always)
package func subtractWithBorrow(_ a: UInt64, _ b: UInt64, _ borrow: UInt64) -> (UInt64, UInt64) {
    let (difference, underflow) = a.subtractingReportingOverflow(b)
    let (total, underflowAgain) = difference.subtractingReportingOverflow(borrow)
    return (total, carryBit(underflow) | carryBit(underflowAgain))
}

/// 1 when `flag` is true and 0 when it is false, without a branch: a `Bool` is one byte
/// holding 0 or 1, so this is a zero extension (a `flag ? 1 : 0` may compile to a jump).
@inlinable
@inline(__always)
package func carryBit(_ flag: Bool) -> UInt64 {
    UInt64(unsafeBitCast(flag, to: UInt8.self))
}
