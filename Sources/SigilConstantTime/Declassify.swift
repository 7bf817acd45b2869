// The one place where Sigil's secret paths may branch on a value computed from a secret:
// a condition whose outcome is public anyway (a key that is rejected, a signature that is
// about to be published) or reveals nothing usable (a discarded random candidate).

/// Returns whether `mask` is non-zero, for a branch whose outcome may be public.
///
/// Use it only where the outcome of the branch is made public by the operation itself, or
/// where it is a fact about a value that is discarded and independent of the secrets that
/// are kept; every call site says which. The function is neither inlined nor optimised and
/// branches on `mask` itself, so the condition is evaluated here and nowhere else: valgrind's
/// memcheck (`.ci/ctgrind`) reports that branch inside this function, with its caller on the
/// stack, and the gate accepts it only for the callers it names. The result is a constant on
/// either path, so the caller's own branch on it is not reported again.
///
/// - Parameter mask: A mask (all ones or zero) or any word; only zero versus non-zero matters.
/// - Returns: `true` when `mask` is non-zero.
@inline(never)
@_optimize(none)
package func declassify(_ mask: UInt64) -> Bool {
    if mask != 0 {
        return true
    }
    return false
}
