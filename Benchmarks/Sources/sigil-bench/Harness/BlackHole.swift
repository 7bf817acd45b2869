/// Where every result goes, so that the optimizer cannot drop the work that produced it.
nonisolated(unsafe) private var blackHoleSink: UInt8 = 0

/// Consumes a value: one byte of its representation is folded into a global.
///
/// `@inline(never)` keeps the call opaque, and the store to a global is a side effect the
/// optimizer must keep, so the computation of `value` cannot be eliminated or hoisted out of
/// the timed loop. It costs a call and a load, the same for every implementation.
@inline(never)
func blackHole<T>(_ value: T) {
    withUnsafeBytes(of: value) { bytes in
        if let first = bytes.first { blackHoleSink ^= first }
    }
}

/// Consumes a byte array by its last element, so that its contents (not just its buffer
/// pointer) must have been computed.
@inline(never)
func blackHole(_ value: [UInt8]) {
    blackHoleSink ^= value.last ?? 0
}

/// Consumes a string (a token) by its last UTF-8 byte, so that its contents must have been
/// computed.
@inline(never)
func blackHole(_ value: String) {
    blackHoleSink ^= value.utf8.last ?? 0
}
