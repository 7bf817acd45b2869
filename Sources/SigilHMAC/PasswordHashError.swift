/// Why a ``PasswordHash`` could not be created or parsed.
///
/// Errors compare equal by ``code`` only. The ``reason`` is for people: it names the part of
/// the string that is wrong, but never contains the password, the salt, the hash or the
/// string itself.
public struct PasswordHashError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of error; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case malformed
            case unsupportedAlgorithm
            case invalidIterationCount
            case invalidSalt
            case invalidHash
        }

        private let backing: Backing

        private init(_ backing: Backing) { self.backing = backing }

        /// The string does not have the shape `$<id>$i=<iterations>$<salt>$<hash>`, or is longer
        /// than ``PasswordHash/maximumEncodedLength``.
        public static let malformed = Code(.malformed)

        /// The algorithm identifier is not `pbkdf2-sha256` or `pbkdf2-sha512`.
        public static let unsupportedAlgorithm = Code(.unsupportedAlgorithm)

        /// The iteration count is not canonical decimal, or lies outside
        /// ``PasswordHash/minimumIterations`` … ``PasswordHash/maximumIterations``.
        public static let invalidIterationCount = Code(.invalidIterationCount)

        /// The salt is not canonical unpadded base64, or its length is outside
        /// ``PasswordHash/saltByteCountRange``.
        public static let invalidSalt = Code(.invalidSalt)

        /// The hash is not canonical unpadded base64, or is not exactly as long as the
        /// algorithm's digest.
        public static let invalidHash = Code(.invalidHash)

        /// The code's name, for example `malformed`.
        public var description: String { backing.rawValue }
    }

    /// The kind of error.
    public let code: Code

    /// A human explanation, without secrets.
    public let reason: String

    /// The source file that raised the error (`#fileID`), for diagnostics.
    public let file: String
    /// The line that raised the error, for diagnostics.
    public let line: Int

    init(_ code: Code, reason: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.file = file
        self.line = line
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
