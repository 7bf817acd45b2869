/// What a row's figure means, and which direction is better.
///
/// Every implementation is timed as nanoseconds per operation; the unit turns that into the
/// figure the table shows and decides how the Sigil/peer ratio is oriented.
enum Unit: Sendable, Equatable {
    /// Throughput in megabytes (10^6 bytes) per second; the row's `bytes` are one operation's input.
    case megabytesPerSecond
    /// Latency in nanoseconds per operation (`ns/hash`, `ns/MAC`); lower is better.
    case nanoseconds(per: String)
    /// Operations per second (`verifies/s`, `tokens/s`); higher is better.
    case perSecond(String)

    /// The label printed in the table and written to JSON: `MB/s`, `ns/hash`, `verifies/s` and so on.
    var symbol: String {
        switch self {
        case .megabytesPerSecond: "MB/s"
        case .nanoseconds(let operation): "ns/\(operation)"
        case .perSecond(let operation): "\(operation)/s"
        }
    }

    /// Whether a larger figure is a better one.
    var higherIsBetter: Bool {
        if case .nanoseconds = self { false } else { true }
    }

    /// The figure for a measured time per operation.
    func figure(nanosecondsPerOperation nanoseconds: Double, bytes: Int) -> Double {
        switch self {
        case .megabytesPerSecond: Double(bytes) / nanoseconds * 1_000  // bytes per ns = GB/s
        case .nanoseconds: nanoseconds
        case .perSecond: 1e9 / nanoseconds
        }
    }

    /// Sigil's advantage over a peer: > 1 means Sigil is better, whatever the unit.
    ///
    /// Throughput rows divide Sigil's figure by the peer's; nanosecond rows divide the peer's
    /// time by Sigil's, so both read as "how many times faster Sigil is".
    func advantage(sigil: Double, peer: Double) -> Double {
        higherIsBetter ? sigil / peer : peer / sigil
    }
}
