/// A key that cannot be used, an encoding that is not accepted, or a signing failure.
///
/// Errors compare equal when their codes are equal, so tests read
/// `#expect(error.code == .modulusTooShort)`. Neither the description nor any other property
/// ever contains key material: for private keys it names the problem, never the value.
public struct RSAError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem occurred.
    ///
    /// New codes may be added in later releases.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case invalidDER
            case invalidPEM
            case unsupportedKeyType
            case modulusTooShort
            case modulusTooLong
            case invalidModulus
            case invalidPublicExponent
            case unsupportedHashAlgorithm
            case invalidPrivateKey
            case signingFailed
            case invalidPSSParameters
        }

        private let backing: Backing

        private init(_ backing: Backing) { self.backing = backing }

        /// The bytes are not a strict DER encoding of the expected structure: a truncated or
        /// non-minimal length, a non-minimal or negative INTEGER, a wrong tag, trailing bytes.
        public static let invalidDER = Code(.invalidDER)
        /// The text is not a PEM document with the expected label, or its body is not base64.
        public static let invalidPEM = Code(.invalidPEM)
        /// The key is not an RSA key (another algorithm identifier), or uses a form that is
        /// not supported (multi-prime RSA).
        public static let unsupportedKeyType = Code(.unsupportedKeyType)
        /// The modulus is shorter than the minimum this initialiser allows.
        public static let modulusTooShort = Code(.modulusTooShort)
        /// The modulus is longer than 16384 bits.
        public static let modulusTooLong = Code(.modulusTooLong)
        /// The modulus is even, zero or one.
        public static let invalidModulus = Code(.invalidModulus)
        /// The public exponent is even, one, or larger than 2³².
        public static let invalidPublicExponent = Code(.invalidPublicExponent)
        /// The hash function is not one of SHA-256, SHA-384 and SHA-512.
        public static let unsupportedHashAlgorithm = Code(.unsupportedHashAlgorithm)
        /// The private key's components are inconsistent (p·q ≠ n, wrong CRT values, …).
        public static let invalidPrivateKey = Code(.invalidPrivateKey)
        /// Signing failed: the signature did not verify (a fault), or no blinding value
        /// could be drawn.
        ///
        /// No signature is returned.
        public static let signingFailed = Code(.signingFailed)
        /// The RSASSA-PSS parameters cannot be used: a negative or over-long salt length, or
        /// a modulus too short for the hash and salt lengths (RFC 8017 §9.1.1 step 3).
        public static let invalidPSSParameters = Code(.invalidPSSParameters)

        /// The code's name, such as `invalidDER`.
        public var description: String { backing.rawValue }
    }

    /// What kind of problem occurred.
    public let code: Code
    /// A human explanation: static text plus sizes and offsets, never key material.
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

    /// `RSAError.<code>: <reason>`, for logs; never key material.
    public var description: String { "RSAError.\(code): \(reason)" }

    /// Equal when the codes are equal; the reason and the source location are ignored.
    public static func == (lhs: RSAError, rhs: RSAError) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, as `==` compares.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
