/// Where a verifier or signer reads the current time, in whole seconds since the Unix epoch.
///
/// Validation never reads a global clock directly, so expiry is testable and reproducible:
/// tests and vectors use `.fixed(seconds)`, servers use `.system`.
///
/// ```swift
/// var options = JWTValidationOptions()
/// options.clock = .fixed(1_300_819_000)
/// ```
public struct JWTClock: Sendable {
    @usableFromInline
    enum Source: Sendable {
        case system
        case fixed(Int64)
        case custom(@Sendable () -> Int64)
    }

    @usableFromInline
    let source: Source

    @inlinable
    init(source: Source) { self.source = source }

    /// The operating system's real-time clock (`CLOCK_REALTIME`).
    public static let system = JWTClock(source: .system)

    /// A clock that always reads `seconds`.
    ///
    /// - Parameter seconds: The NumericDate (RFC 7519 §2) the clock reports.
    /// - Returns: The fixed clock.
    public static func fixed(_ seconds: Int64) -> JWTClock { JWTClock(source: .fixed(seconds)) }

    /// A clock that calls `read` each time the time is needed.
    ///
    /// - Parameter read: Returns seconds since the Unix epoch.
    /// - Returns: The clock.
    public static func custom(_ read: @escaping @Sendable () -> Int64) -> JWTClock {
        JWTClock(source: .custom(read))
    }

    /// The current time in seconds since the Unix epoch.
    public func now() -> Int64 {
        switch source {
        case .system: systemEpochSeconds()
        case .fixed(let seconds): seconds
        case .custom(let read): read()
        }
    }
}
