/// Operations that threw and were run again, so that a rare, documented failure of a library
/// does not void a whole row; each is reported under its row.
enum Retries {
    /// Message → count, since the last `drain()`.
    ///
    /// Bodies run one at a time, never concurrently.
    nonisolated(unsafe) private static var counts: [String: Int] = [:]

    static func record(_ message: String) {
        counts[message, default: 0] += 1
    }

    /// The retries recorded since the last call, sorted by message.
    static func drain() -> [(message: String, count: Int)] {
        defer { counts = [:] }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

/// Runs `body`; if it throws, records the error under `label` and runs it once more (a second
/// error propagates and fails the row).
func retryingOnce<Result>(_ label: String, _ body: () throws -> Result) throws -> Result {
    do {
        return try body()
    } catch {
        Retries.record("\(label): \(error)")
        return try body()
    }
}

/// The asynchronous `retryingOnce(_:_:)`.
func retryingOnce<Result>(_ label: String, _ body: () async throws -> Result) async throws -> Result {
    do {
        return try await body()
    } catch {
        Retries.record("\(label): \(error)")
        return try await body()
    }
}
