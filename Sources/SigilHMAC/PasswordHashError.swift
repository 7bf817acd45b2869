/// Why a ``PasswordHash`` could not be created or parsed.
///
/// Errors compare equal by ``code`` only. The ``reason`` is for people: it names the part of
/// the string that is wrong, but never contains the password, the salt, the hash or the
/// string itself.
public struct PasswordHashError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of error; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let value: UInt8

        private init(_ value: UInt8) {
            self.value = value
        }

        /// The string does not have the shape `$<id>$i=<iterations>$<salt>$<hash>`, or is longer
        /// than ``PasswordHash/maximumEncodedLength``.
        public static let malformed = Code(1)

        /// The algorithm identifier is not `pbkdf2-sha256` or `pbkdf2-sha512`.
        public static let unsupportedAlgorithm = Code(2)

        /// The iteration count is not canonical decimal, or lies outside
        /// ``PasswordHash/minimumIterations`` … ``PasswordHash/maximumIterations``.
        public static let invalidIterationCount = Code(3)

        /// The salt is not canonical unpadded base64, or its length is outside
        /// ``PasswordHash/saltByteCountRange``.
        public static let invalidSalt = Code(4)

        /// The hash is not canonical unpadded base64, or is not exactly as long as the
        /// algorithm's digest.
        public static let invalidHash = Code(5)

        /// The name of the code.
        public var description: String {
            switch value {
            case 1: "malformed"
            case 2: "unsupportedAlgorithm"
            case 3: "invalidIterationCount"
            case 4: "invalidSalt"
            case 5: "invalidHash"
            default: "unknown"
            }
        }
    }

    /// The kind of error.
    public let code: Code

    /// A human explanation, without secrets.
    public let reason: String

    init(_ code: Code, reason: String) {
        self.code = code
        self.reason = reason
    }

    /// Equal when the codes are equal.
    public static func == (lhs: PasswordHashError, rhs: PasswordHashError) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the code.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }

    /// `PasswordHashError.<code>: <reason>`.
    public var description: String { "PasswordHashError.\(code): \(reason)" }
}
