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

/// The folded byte; printed nowhere, read only so that the sink stays live.
var blackHoleValue: UInt8 { blackHoleSink }
