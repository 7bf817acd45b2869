/// An input that is not a canonical encoding in the expected base64 flavour.
///
/// Errors compare equal when their codes are equal, so tests read
/// `#expect(error.code == .invalidCharacter)`. The offending input is never echoed: a
/// base64 string handed to a decoder is often a token or a key.
public struct Base64Error: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem the input has.
    ///
    /// New codes may be added in later releases.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case invalidCharacter
            case invalidLength
            case invalidPadding
            case nonCanonicalTrailingBits
            case unexpectedLineBreak
        }

        private let backing: Backing

        private init(_ backing: Backing) { self.backing = backing }

        /// A byte outside the alphabet: a character of the other alphabet (`+`, `/` in
        /// base64url; `-`, `_` in base64), whitespace, or anything else.
        public static let invalidCharacter = Code(.invalidCharacter)
        /// A length no encoder produces: a final group of one character.
        public static let invalidLength = Code(.invalidLength)
        /// Padding where none is allowed, missing where it is required, or in the wrong
        /// place or amount.
        public static let invalidPadding = Code(.invalidPadding)
        /// The last character carries bits that a canonical encoder sets to zero
        /// (RFC 4648 §3.5).
        ///
        /// Accepting them would make encodings malleable.
        public static let nonCanonicalTrailingBits = Code(.nonCanonicalTrailingBits)
        /// A line break in input where none is allowed.
        public static let unexpectedLineBreak = Code(.unexpectedLineBreak)

        /// The code's name, for example `invalidCharacter`.
        public var description: String { backing.rawValue }
    }

    /// What kind of problem the input has.
    public let code: Code
    /// The byte offset in the input where the problem was found.
    public let offset: Int
    /// The source file that raised the error (`#fileID`), for diagnostics.
    public let file: String
    /// The line that raised the error, for diagnostics.
    public let line: Int

    @inlinable
    init(_ code: Code, at offset: Int, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.offset = offset
        self.file = file
        self.line = line
    }

    /// A short human explanation of ``code``, without any of the input.
    public var reason: String {
        switch code {
        case .invalidCharacter: "a byte outside the alphabet"
        case .invalidLength: "a length no encoder produces"
        case .invalidPadding: "misplaced, missing or unexpected padding"
        case .nonCanonicalTrailingBits: "non-zero trailing bits (non-canonical encoding)"
        case .unexpectedLineBreak: "a line break where none is allowed"
        default: "an invalid encoding"
        }
    }

    /// A one-line explanation for logs: the code and the reason, never secret data.
    public var description: String {
        "invalid base64 at byte \(offset): \(reason)"
    }

    /// Equal when the codes are equal; the reason and the source location are ignored.
    public static func == (lhs: Base64Error, rhs: Base64Error) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, as `==` compares.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
