// The operating system's wall clock, kept apart from the validation core: the core only
// needs a number of seconds, and a platform without a C library supplies its own clock
// through `JWTClock.custom`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(WASILibc)
import WASILibc
#endif

#if canImport(Glibc) || canImport(Musl) || canImport(Darwin) || canImport(WASILibc)

/// Seconds since the Unix epoch from `CLOCK_REALTIME`.
///
/// If the clock cannot be read it reports the far future, so that every token with an
/// expiry fails closed as expired rather than passing.
func systemEpochSeconds() -> Int64 {
    var now = timespec()
    guard clock_gettime(CLOCK_REALTIME, &now) == 0 else { return Int64.max }
    return Int64(now.tv_sec)
}
#else
/// No C library, no wall clock (Embedded targets): give verifiers a `.fixed` or `.custom`
/// clock.
///
/// `.system` reports the far future, so tokens with an expiry fail closed.
func systemEpochSeconds() -> Int64 { Int64.max }
#endif
