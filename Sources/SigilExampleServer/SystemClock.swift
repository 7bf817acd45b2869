import SigilJWT

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating system's clocks, in whole seconds.
enum SystemClock {
    /// Seconds since the Unix epoch: the verifier's own wall clock, `JWTClock.system`, so
    /// that the server and its verifier fail the same way (closed: the far future, when the
    /// clock cannot be read).
    ///
    /// Add to it with ``seconds(_:after:)``.
    static func epochSeconds() -> Int64 {
        JWTClock.system.now()
    }

    /// `start + interval`, saturating at the ends of `Int64` instead of overflowing (so the
    /// far future stays the far future).
    static func seconds(_ interval: Int64, after start: Int64) -> Int64 {
        let (sum, overflow) = start.addingReportingOverflow(interval)
        guard overflow else { return sum }
        return interval < 0 ? Int64.min : Int64.max
    }

    /// Seconds on a clock that never goes back (`CLOCK_MONOTONIC`), for uptime.
    static func monotonicSeconds() -> Int64 {
        var now = timespec()
        guard clock_gettime(CLOCK_MONOTONIC, &now) == 0 else { return 0 }
        return Int64(now.tv_sec)
    }

    /// Seconds, with a fraction, on a clock that never goes back (`CLOCK_MONOTONIC`).
    @Sendable static func monotonicTime() -> Double {
        var now = timespec()
        guard clock_gettime(CLOCK_MONOTONIC, &now) == 0 else { return 0 }
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// `2025-01-15T10:30:00Z` for a Unix time (RFC 3339, UTC).
    static func iso8601(_ seconds: Int64) -> String {
        var time = time_t(clamping: seconds)
        var parts = tm()
        guard gmtime_r(&time, &parts) != nil else { return String(seconds) }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : String(value) }
        let year = Int(parts.tm_year) + 1900
        return "\(year)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
