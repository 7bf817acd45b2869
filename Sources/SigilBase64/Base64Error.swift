/// An input that is not a canonical encoding in the expected base64 flavour.
///
/// Errors compare equal when their codes are equal, so tests read
/// `#expect(error.code == .invalidCharacter)`. The offending input is never echoed: a
/// base64 string handed to a decoder is often a token or a key.
public struct Base64Error: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem the input has. New codes may be added in later releases.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        @usableFromInline
        let rawValue: UInt8

        @inlinable
        init(_ rawValue: UInt8) { self.rawValue = rawValue }

        /// A byte outside the alphabet: a character of the other alphabet (`+`, `/` in
        /// base64url; `-`, `_` in base64), whitespace, or anything else.
        public static let invalidCharacter = Code(1)
        /// A length no encoder produces: a final group of one character.
        public static let invalidLength = Code(2)
        /// Padding where none is allowed, missing where it is required, or in the wrong
        /// place or amount.
        public static let invalidPadding = Code(3)
        /// The last character carries bits that a canonical encoder sets to zero
        /// (RFC 4648 §3.5). Accepting them would make encodings malleable.
        public static let nonCanonicalTrailingBits = Code(4)
        /// A line break in input where none is allowed.
        public static let unexpectedLineBreak = Code(5)

        public var description: String {
            switch rawValue {
            case 1: "invalidCharacter"
            case 2: "invalidLength"
            case 3: "invalidPadding"
            case 4: "nonCanonicalTrailingBits"
            case 5: "unexpectedLineBreak"
            default: "unknown"
            }
        }
    }

    /// What kind of problem the input has.
    public let code: Code
    /// The byte offset in the input where the problem was found.
    public let offset: Int

    @inlinable
    init(_ code: Code, at offset: Int) {
        self.code = code
        self.offset = offset
    }

    public var description: String {
        let reason: String
        switch code {
        case .invalidCharacter: reason = "a byte outside the alphabet"
        case .invalidLength: reason = "a length no encoder produces"
        case .invalidPadding: reason = "misplaced, missing or unexpected padding"
        case .nonCanonicalTrailingBits: reason = "non-zero trailing bits (non-canonical encoding)"
        case .unexpectedLineBreak: reason = "a line break where none is allowed"
        default: reason = "an invalid encoding"
        }
        return "invalid base64 at byte \(offset): \(reason)"
    }

    public static func == (lhs: Base64Error, rhs: Base64Error) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
