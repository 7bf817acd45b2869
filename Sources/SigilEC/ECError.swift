import SigilDER

/// A key that cannot be used, an encoding that is not accepted, or a signing failure.
///
/// Errors compare equal when their codes are equal, so tests read
/// `#expect(error.code == .invalidPublicKey)`. Neither the description nor any other
/// property ever contains key material: for private keys it names the problem, never the
/// value.
public struct ECError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem occurred. New codes may be added in later releases.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        @usableFromInline
        let rawValue: UInt8

        @inlinable
        init(_ rawValue: UInt8) { self.rawValue = rawValue }

        /// The bytes are not a strict DER encoding of the expected structure: a truncated or
        /// non-minimal length, a non-minimal or negative INTEGER, a wrong tag, trailing bytes.
        public static let invalidDER = Code(1)
        /// The text is not a PEM document with the expected label, or its body is not base64.
        public static let invalidPEM = Code(2)
        /// The key is not an elliptic-curve key for this curve: another algorithm, another
        /// named curve, or explicit curve parameters (only named curves are accepted).
        public static let unsupportedKeyType = Code(3)
        /// A public key encoding has the wrong length or prefix, a coordinate is not below p,
        /// the point is not on the curve, or it is the identity.
        public static let invalidPublicKey = Code(4)
        /// A private key is not in [1, n − 1], has the wrong length, or does not match the
        /// public key stored beside it.
        public static let invalidPrivateKey = Code(5)
        /// A signature encoding has the wrong length or is not a DER `ECDSA-Sig-Value`, or r
        /// or s is not in [1, n − 1].
        public static let invalidSignature = Code(6)
        /// Signing failed: the computed signature did not verify (a fault). No signature is
        /// returned.
        public static let signingFailed = Code(7)

        public var description: String {
            switch rawValue {
            case 1: "invalidDER"
            case 2: "invalidPEM"
            case 3: "unsupportedKeyType"
            case 4: "invalidPublicKey"
            case 5: "invalidPrivateKey"
            case 6: "invalidSignature"
            case 7: "signingFailed"
            default: "unknown"
            }
        }
    }

    /// What kind of problem occurred.
    public let code: Code
    /// A human explanation. Static text plus sizes; never key material.
    public let reason: String
    /// The source file that raised the error (for diagnostics).
    public let file: String
    /// The line that raised the error.
    public let line: Int

    @usableFromInline
    init(_ code: Code, _ reason: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.file = file
        self.line = line
    }

    public var description: String { "ECError.\(code): \(reason)" }

    public static func == (lhs: ECError, rhs: ECError) -> Bool { lhs.code == rhs.code }
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
