/// One implementation's result in a row.
struct Figure: Sendable {
    var implementation: String
    /// Median in the row's unit; nil when the implementation failed.
    var median: Double?
    /// Why it failed.
    var failure: String?
}

/// A measured row: Sigil's figure and each peer's, in the row's unit.
struct RowResult: Sendable {
    var name: String
    var unit: Unit
    var sigil: Figure?
    var peers: [Figure]
    /// Operations that threw once and succeeded when run again, with their counts.
    var retries: [(message: String, count: Int)] = []

    /// Sigil's advantage over a peer (> 1: Sigil is better); nil when either side is missing.
    func ratio(against peer: Figure) -> Double? {
        guard let sigilMedian = sigil?.median, let peerMedian = peer.median else { return nil }
        return unit.advantage(sigil: sigilMedian, peer: peerMedian)
    }

    var failed: Bool {
        sigil?.failure != nil || peers.contains { $0.failure != nil }
    }
}
