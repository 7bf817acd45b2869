/// A JSON document that the strict reader rejects, or a limit it exceeds.
///
/// Errors compare equal when their codes are equal, so tests read
/// `#expect(error.code == .duplicateKey)` and check ``offset`` separately. The document is
/// never echoed in ``description``: JSON handed to the reader is often a token's claims.
public struct JSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem the input has.
    ///
    /// New codes may be added in later releases.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case unexpectedEnd
            case invalidSyntax
            case duplicateKey
            case invalidUTF8
            case invalidEscape
            case invalidNumber
            case depthLimitExceeded
            case sizeLimitExceeded
            case trailingData
            case controlCharacter
        }

        private let backing: Backing

        private init(_ backing: Backing) { self.backing = backing }

        /// The input ended inside a value, or contained no value at all.
        public static let unexpectedEnd = Code(.unexpectedEnd)
        /// A byte that the RFC 8259 grammar does not allow at this place: a missing or
        /// trailing comma, a comment, a single quote, an unknown literal, a byte-order mark.
        public static let invalidSyntax = Code(.invalidSyntax)
        /// An object member name that repeats an earlier one of the same object, compared
        /// after unescaping (RFC 8259 §4; RFC 7515 §5.2 requires rejecting these).
        public static let duplicateKey = Code(.duplicateKey)
        /// Bytes that are not well-formed UTF-8 (RFC 3629 §4): a stray continuation byte,
        /// an overlong form, an encoded surrogate, a value above U+10FFFF, a truncated
        /// sequence.
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// A backslash escape that RFC 8259 §7 does not define, a `\u` escape without four
        /// hex digits, or a lone or mismatched UTF-16 surrogate escape.
        public static let invalidEscape = Code(.invalidEscape)
        /// A number that breaks the RFC 8259 §6 grammar: a leading zero, a `+` sign, a
        /// missing digit after `-`, `.` or the exponent marker, `-Infinity`.
        public static let invalidNumber = Code(.invalidNumber)
        /// Arrays and objects nested deeper than ``JSONLimits/maximumDepth``.
        public static let depthLimitExceeded = Code(.depthLimitExceeded)
        /// A document, string or number longer than its ``JSONLimits`` bound.
        public static let sizeLimitExceeded = Code(.sizeLimitExceeded)
        /// Something other than whitespace after the single top-level value.
        public static let trailingData = Code(.trailingData)
        /// An unescaped control character (U+0000 to U+001F) inside a string (RFC 8259 §7).
        public static let controlCharacter = Code(.controlCharacter)

        /// The code's name, for example `unexpectedEnd`.
        public var description: String { backing.rawValue }
    }

    /// What kind of problem the input has.
    public let code: Code
    /// The byte offset in the input where the problem was found.
    ///
    /// For an unexpected end this is the input's length; for a duplicate key, the opening
    /// quote of the repeated name; for a string or number over its length limit, its first
    /// byte; for a document over ``JSONLimits/maximumBytes``, that limit.
    public let offset: Int
    /// The source file that raised the error (`#fileID`), for diagnostics.
    public let file: String
    /// The line that raised the error, for diagnostics.
    public let line: Int

    /// An error of the given kind at a byte offset.
    ///
    /// - Parameters:
    ///   - code: What kind of problem the input has.
    ///   - offset: The byte offset where it was found.
    ///   - file: The source file that raised the error.
    ///   - line: The line that raised the error.
    @inlinable
    package init(_ code: Code, at offset: Int, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.offset = offset
        self.file = file
        self.line = line
    }

    /// A short human explanation of ``code``, without any of the input.
    public var reason: String {
        switch code {
        case .unexpectedEnd: "the input ends inside a value"
        case .invalidSyntax: "a byte the JSON grammar does not allow here"
        case .duplicateKey: "a repeated object member name"
        case .invalidUTF8: "malformed UTF-8"
        case .invalidEscape: "an invalid escape sequence or lone surrogate"
        case .invalidNumber: "a malformed number"
        case .depthLimitExceeded: "nesting deeper than the limit"
        case .sizeLimitExceeded: "a document, string or number longer than the limit"
        case .trailingData: "data after the top-level value"
        case .controlCharacter: "an unescaped control character in a string"
        default: "invalid JSON"
        }
    }

    /// A one-line explanation for logs: the code and the reason, never secret data.
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }

    /// Equal when the codes are equal; the reason and the source location are ignored.
    public static func == (lhs: JSONError, rhs: JSONError) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, as `==` compares.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
