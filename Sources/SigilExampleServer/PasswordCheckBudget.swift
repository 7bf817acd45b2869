/// A budget of password checks: token buckets per session and in total, on an injectable
/// clock.
///
/// Each PBKDF2 verification costs tens to hundreds of milliseconds of the single-threaded
/// server's time, so a client that sends hundreds of logins (one batch line is enough)
/// could keep it busy for many seconds. Each check takes one token from its session's
/// bucket and one from the shared bucket; a bucket refills continuously up to its capacity.
/// Over budget, a login is refused at once, with no hashing, and other calls go on.
struct PasswordCheckBudget: Sendable {
    /// One token bucket.
    struct Bucket: Sendable, Hashable {
        /// The most checks in a burst.
        var capacity: Double
        /// Checks regained per second.
        var refillPerSecond: Double
        var tokens: Double
        var updatedAt: Double

        init(capacity: Double, refillPerSecond: Double, now: Double) {
            self.capacity = capacity
            self.refillPerSecond = refillPerSecond
            tokens = capacity
            updatedAt = now
        }

        mutating func refill(now: Double) {
            if now > updatedAt { tokens = min(capacity, tokens + (now - updatedAt) * refillPerSecond) }
            updatedAt = max(updatedAt, now)
        }

        /// Seconds until one token is available (0 when one is).
        var wait: Double { tokens >= 1 ? 0 : (1 - tokens) / refillPerSecond }
    }

    /// A session's burst: 10 checks, then one every 2 seconds.
    static let sessionCapacity = 10.0
    static let sessionRefillPerSecond = 0.5
    /// All sessions together: 30 checks, then 2 per second.
    static let totalCapacity = 30.0
    static let totalRefillPerSecond = 2.0
    /// The most sessions tracked; the oldest idle one is forgotten beyond it.
    static let maximumSessions = 1_024

    private let clock: @Sendable () -> Double
    private var total: Bucket
    private var sessions: [String: Bucket] = [:]
    private let sessionCapacity: Double
    private let sessionRefill: Double

    /// A full budget.
    ///
    /// - Parameters:
    ///   - sessionCapacity: A session's burst.
    ///   - sessionRefillPerSecond: A session's sustained rate.
    ///   - totalCapacity: The burst of all sessions together.
    ///   - totalRefillPerSecond: The sustained rate of all sessions together.
    ///   - clock: Seconds on a clock that never goes back (monotonic).
    init(
        sessionCapacity: Double = PasswordCheckBudget.sessionCapacity,
        sessionRefillPerSecond: Double = PasswordCheckBudget.sessionRefillPerSecond,
        totalCapacity: Double = PasswordCheckBudget.totalCapacity,
        totalRefillPerSecond: Double = PasswordCheckBudget.totalRefillPerSecond,
        clock: @escaping @Sendable () -> Double = SystemClock.monotonicTime
    ) {
        self.clock = clock
        self.sessionCapacity = sessionCapacity
        self.sessionRefill = sessionRefillPerSecond
        total = Bucket(capacity: totalCapacity, refillPerSecond: totalRefillPerSecond, now: clock())
    }

    /// Takes one check from `session`'s budget and the total.
    ///
    /// - Parameter session: The session asking.
    /// - Returns: `nil` when the check may run, else the seconds to wait (nothing is taken).
    mutating func spend(session: String) -> Double? {
        let now = clock()
        total.refill(now: now)
        var bucket =
            sessions[session] ?? Bucket(capacity: sessionCapacity, refillPerSecond: sessionRefill, now: now)
        bucket.refill(now: now)
        let wait = max(bucket.wait, total.wait)
        guard wait == 0 else {
            sessions[session] = bucket
            return wait
        }
        bucket.tokens -= 1
        total.tokens -= 1
        if sessions[session] == nil, sessions.count >= Self.maximumSessions {
            // Forget the session that has been full the longest; it lost nothing.
            if let idle = sessions.min(by: { $0.value.updatedAt < $1.value.updatedAt })?.key { sessions[idle] = nil }
        }
        sessions[session] = bucket
        return nil
    }
}
