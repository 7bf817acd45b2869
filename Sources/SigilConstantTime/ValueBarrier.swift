// Constant-time building blocks shared by Sigil's signing code (RSA, and the elliptic-curve
// modules). Package-internal: nothing here is public API.
//
// Source-level care is not enough: an optimiser that sees a mask derived from a secret
// (`0 &- bit`, `x == y ? ~0 : 0`) may turn a masked select back into a branch, or a
// read-every-entry table scan into a load of one row. Every mask in Sigil's secret paths
// therefore passes through `valueBarrier`, which the optimiser cannot see into, as
// BoringSSL's `value_barrier_w` does with an empty inline-assembly statement. Whether the
// compiled code is free of secret-dependent branches and addresses is checked in CI under
// valgrind (see `.ci/ctgrind`), not assumed.

/// Returns `value` unchanged, through a call the optimiser cannot look into.
///
/// The function is neither inlined nor optimised, so the caller's optimiser learns nothing
/// about the result (not even that it equals the argument) and cannot specialise code on it.
@usableFromInline
@inline(never)
@_optimize(none)
package func valueBarrier(_ value: UInt64) -> UInt64 {
    value
}

/// Returns `value` unchanged, through a call the optimiser cannot look into.
@usableFromInline
@inline(never)
@_optimize(none)
package func valueBarrier(_ value: UInt32) -> UInt32 {
    value
}

/// All ones when `bit` is 1, zero when it is 0; `bit` must be 0 or 1.
@inlinable
@inline(__always)
package func maskFromBit(_ bit: UInt64) -> UInt64 {
    0 &- valueBarrier(bit)
}

/// All ones when `value` is zero, zero otherwise, without a comparison.
@inlinable
@inline(__always)
package func maskIfZero(_ value: UInt64) -> UInt64 {
    let nonZeroBit = (value | (0 &- value)) >> 63
    return valueBarrier(nonZeroBit) &- 1
}

/// All ones when `a == b`, zero otherwise, without a comparison.
@inlinable
@inline(__always)
package func maskIfEqual(_ a: UInt64, _ b: UInt64) -> UInt64 {
    maskIfZero(a ^ b)
}

/// `a` where `mask` is all ones, `b` where it is zero.
@inlinable
@inline(__always)
package func select(_ mask: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
    (a & mask) | (b & ~mask)
}
