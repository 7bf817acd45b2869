import SigilDER

/// A key that cannot be used, an encoding that is not accepted, or a signing failure.
///
/// Errors compare equal when their codes are equal, so tests read
/// `#expect(error.code == .invalidPublicKey)`. Neither the description nor any other
/// property ever contains key material: for private keys it names the problem, never the
/// value.
public struct ECError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem occurred.
    ///
    /// New codes may be added in later releases.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case invalidDER
            case invalidPEM
            case unsupportedKeyType
            case invalidPublicKey
            case invalidPrivateKey
            case invalidSignature
            case signingFailed
        }

        private let backing: Backing

        private init(_ backing: Backing) { self.backing = backing }

        /// The bytes are not a strict DER encoding of the expected structure: a truncated or
        /// non-minimal length, a non-minimal or negative INTEGER, a wrong tag, trailing bytes.
        public static let invalidDER = Code(.invalidDER)
        /// The text is not a PEM document with the expected label, or its body is not base64.
        public static let invalidPEM = Code(.invalidPEM)
        /// The key is not an elliptic-curve key for this curve: another algorithm, another
        /// named curve, or explicit curve parameters (only named curves are accepted).
        public static let unsupportedKeyType = Code(.unsupportedKeyType)
        /// A public key encoding has the wrong length or prefix, a coordinate is not below p,
        /// the point is not on the curve, or it is the identity.
        public static let invalidPublicKey = Code(.invalidPublicKey)
        /// A private key is not in [1, n − 1], has the wrong length, or does not match the
        /// public key stored beside it.
        public static let invalidPrivateKey = Code(.invalidPrivateKey)
        /// A signature encoding has the wrong length or is not a DER `ECDSA-Sig-Value`, or r
        /// or s is not in [1, n − 1].
        public static let invalidSignature = Code(.invalidSignature)
        /// Signing failed: the computed signature did not verify (a fault).
        ///
        /// No signature is returned.
        public static let signingFailed = Code(.signingFailed)

        /// The code's name, such as `invalidDER`.
        public var description: String { backing.rawValue }
    }

    /// What kind of problem occurred.
    public let code: Code
    /// A human explanation: static text plus sizes, never key material.
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

    /// `ECError.<code>: <reason>`, for logs; never key material.
    public var description: String { "ECError.\(code): \(reason)" }

    /// Equal when the codes are equal; the reason and the source location are ignored.
    public static func == (lhs: ECError, rhs: ECError) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, as `==` compares.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

extension ECError: DERMappableError {
    /// The module's error for a DER or PEM problem; the reason is carried over (it never
    /// holds key material).
    package init(_ error: DERError, file: String, line: Int) {
        let code = error.moduleCode(
            invalidDER: Code.invalidDER, invalidPEM: .invalidPEM, unsupportedKeyType: .unsupportedKeyType)
        self.init(code, error.reason, file: file, line: line)
    }
}
