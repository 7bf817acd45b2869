/// A key or an encoding that Ed25519 does not accept.
///
/// Errors compare equal when their codes are equal, so tests read
/// `#expect(error.code == .invalidPublicKey)`. Neither the description nor any other property
/// ever contains key material: for private keys it names the problem, never the value.
public struct Ed25519Error: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem occurred.
    ///
    /// New codes may be added in later releases.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case invalidKeyLength
            case invalidPublicKey
            case invalidDER
            case invalidPEM
            case unsupportedKeyType
            case invalidPrivateKey
        }

        private let backing: Backing

        private init(_ backing: Backing) { self.backing = backing }

        /// A raw key is not exactly 32 bytes.
        public static let invalidKeyLength = Code(.invalidKeyLength)
        /// The bytes are not the canonical encoding of a point of edwards25519 (RFC 8032
        /// §5.1.3): y is p or above, no x exists for y, or x = 0 with the sign bit set.
        public static let invalidPublicKey = Code(.invalidPublicKey)
        /// The bytes are not a strict DER encoding of the expected structure.
        public static let invalidDER = Code(.invalidDER)
        /// The text is not a PEM document with the expected label, or its body is not base64.
        public static let invalidPEM = Code(.invalidPEM)
        /// The key is not an Ed25519 key (another algorithm identifier, or parameters present
        /// where RFC 8410 §3 forbids them).
        public static let unsupportedKeyType = Code(.unsupportedKeyType)
        /// The private key is inconsistent: the public key stored beside it is not the one
        /// it derives.
        public static let invalidPrivateKey = Code(.invalidPrivateKey)

        /// The code's name, for example `invalidKeyLength`.
        public var description: String { backing.rawValue }
    }

    /// What kind of problem occurred.
    public let code: Code
    /// A human explanation.
    ///
    /// Static text plus sizes and offsets; never key material.
    public let reason: String
    /// The source file that raised the error (`#fileID`), for diagnostics.
    public let file: String
    /// The line that raised the error, for diagnostics.
    public let line: Int

    @usableFromInline
    init(_ code: Code, _ reason: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// A one-line explanation for logs: the code and the reason, never secret data.
    public var description: String { "Ed25519Error.\(code): \(reason)" }

    /// Equal when the codes are equal; the reason and the source location are ignored.
    public static func == (lhs: Ed25519Error, rhs: Ed25519Error) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, as `==` compares.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
