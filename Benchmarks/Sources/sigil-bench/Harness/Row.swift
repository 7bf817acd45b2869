/// One line of the table: an operation, its unit, Sigil's implementation and its peers'.
///
/// ```swift
/// Row(
///     "SHA-512 16 KiB", .megabytesPerSecond, bytes: 16_384,
///     sigil: { blackHole(SigilSHA2.SHA512.hash(data: input)) },
///     peers: [.peer("swift-crypto (BoringSSL)") { blackHole(Crypto.SHA512.hash(data: input)) }]
/// )
/// ```
struct Row: Sendable {
    /// Unique across the table; `--filter` matches a substring of it.
    var name: String
    var unit: Unit
    /// Bytes processed by one operation; used by `.megabytesPerSecond`.
    var bytes: Int
    /// Operations one call of a body performs, such as a fixed mix of 20 decisions.
    ///
    /// Figures are per operation.
    var operations: Int
    /// Sigil's side; nil only for a peer-only reference row.
    var sigil: Implementation?
    var peers: [Implementation]

    init(
        _ name: String,
        _ unit: Unit,
        bytes: Int = 0,
        operations: Int = 1,
        sigil: (@Sendable () throws -> Void)?,
        peers: [Implementation]
    ) {
        self.name = name
        self.unit = unit
        self.bytes = bytes
        self.operations = max(operations, 1)
        self.sigil = sigil.map { Implementation("Sigil", $0) }
        self.peers = peers
    }

    init(
        _ name: String,
        _ unit: Unit,
        bytes: Int = 0,
        operations: Int = 1,
        sigil: @escaping @Sendable () async throws -> Void,
        peers: [Implementation]
    ) {
        self.name = name
        self.unit = unit
        self.bytes = bytes
        self.operations = max(operations, 1)
        self.sigil = Implementation("Sigil", sigil)
        self.peers = peers
    }

    /// Sigil first, then the peers, in declaration order.
    var implementations: [Implementation] {
        (sigil.map { [$0] } ?? []) + peers
    }
}

/// A check made when a row is built: the implementations must agree before they are timed.
struct Disagreement: Error, CustomStringConvertible {
    var row: String
    var detail: String
    var description: String { "\(row): implementations disagree (\(detail))" }
}

/// Throws unless Sigil's and the peer's outputs are the same bytes.
func expectSameBytes<A: Sequence, B: Sequence>(
    _ sigil: A,
    _ peer: B,
    row: String
) throws(Disagreement) where A.Element == UInt8, B.Element == UInt8 {
    let sigilBytes = Array(sigil)
    let peerBytes = Array(peer)
    guard sigilBytes == peerBytes else {
        throw Disagreement(row: row, detail: "\(sigilBytes.count) bytes vs \(peerBytes.count) bytes, contents differ")
    }
}
