/// Why ``PBKDF2`` refused its parameters.
///
/// Errors compare equal by ``code`` only, so tests and callers match on the code:
/// `catch let error where error.code == .invalidIterationCount`. The ``reason`` is for people
/// and never contains the password or the salt.
public struct PBKDF2Error: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of error; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case invalidIterationCount
            case invalidOutputByteCount
        }

        private let backing: Backing

        private init(_ backing: Backing) { self.backing = backing }

        /// The iteration count was below 1.
        public static let invalidIterationCount = Code(.invalidIterationCount)

        /// The requested output length was outside `1 ... PBKDF2<H>.maximumOutputByteCount`.
        public static let invalidOutputByteCount = Code(.invalidOutputByteCount)

        /// The code's name, for example `invalidIterationCount`.
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

    @usableFromInline
    init(_ code: Code, reason: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// Equal when the codes are equal.
    public static func == (lhs: PBKDF2Error, rhs: PBKDF2Error) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the code.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }

    /// `PBKDF2Error.<code>: <reason>`.
    public var description: String { "PBKDF2Error.\(code): \(reason)" }
}
