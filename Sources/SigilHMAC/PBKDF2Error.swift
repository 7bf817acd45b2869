/// Why ``PBKDF2`` refused its parameters.
///
/// Errors compare equal by ``code`` only, so tests and callers match on the code:
/// `catch let error where error.code == .invalidIterationCount`. The ``reason`` is for people
/// and never contains the password or the salt.
public struct PBKDF2Error: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of error; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let value: UInt8

        private init(_ value: UInt8) {
            self.value = value
        }

        /// The iteration count was below 1.
        public static let invalidIterationCount = Code(1)

        /// The requested output length was outside `1 ... PBKDF2<H>.maximumOutputByteCount`.
        public static let invalidOutputByteCount = Code(2)

        /// The name of the code.
        public var description: String {
            switch value {
            case 1: "invalidIterationCount"
            case 2: "invalidOutputByteCount"
            default: "unknown"
            }
        }
    }

    /// The kind of error.
    public let code: Code

    /// A human explanation, without secrets.
    public let reason: String

    @usableFromInline
    init(_ code: Code, reason: String) {
        self.code = code
        self.reason = reason
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
