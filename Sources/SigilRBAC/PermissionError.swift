/// A permission string that does not follow the grammar documented on ``Permission``.
///
/// Thrown by ``Permission/init(_:)`` and reported (wrapped in a ``PolicyError``) when a
/// policy is built. Equality and hashing use ``code`` only, so tests read
/// `#expect(error.code == .misplacedWildcard)`.
public struct PermissionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the permission string.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case empty
            case tooLong
            case missingSeparator
            case tooManySegments
            case emptySegment
            case invalidCharacter
            case misplacedWildcard
            case emptyOwnedResource
            case nestedOwnership
        }

        private let backing: Backing

        private init(_ backing: Backing) { self.backing = backing }

        /// The string is empty.
        public static let empty = Code(.empty)
        /// The string is longer than ``Permission/maximumLength`` bytes.
        public static let tooLong = Code(.tooLong)
        /// The string is neither `*` nor `action:resource` (no `:` at all, for example `read`).
        public static let missingSeparator = Code(.missingSeparator)
        /// The string has more than two segments (e.g.
        ///
        /// `read:posts:1`).
        public static let tooManySegments = Code(.tooManySegments)
        /// A segment is empty (e.g.
        ///
        /// `read:`, `:posts`, `:`).
        public static let emptySegment = Code(.emptySegment)
        /// A byte outside `[a-z0-9_.-]`, `:` and `*`: upper case, whitespace, non-ASCII, etc.
        public static let invalidCharacter = Code(.invalidCharacter)
        /// A `*` that is not a whole segment (e.g.
        ///
        /// `read:post*`, `re*d:posts`, `**`).
        public static let misplacedWildcard = Code(.misplacedWildcard)
        /// An ownership-scoped resource with nothing after the prefix (`write:own_`).
        public static let emptyOwnedResource = Code(.emptyOwnedResource)
        /// The ownership prefix applied twice (`write:own_own_posts`).
        public static let nestedOwnership = Code(.nestedOwnership)

        /// The code's name, for example `misplacedWildcard`.
        public var description: String { backing.rawValue }
    }

    /// What is wrong.
    public let code: Code
    /// The offending permission string, cut to at most 64 bytes (with `…` when cut).
    public let value: String
    /// The UTF-8 byte offset in the string where the problem was found.
    public let offset: Int
    /// The source file that raised the error (`#fileID`), for diagnostics.
    public let file: String
    /// The line that raised the error, for diagnostics.
    public let line: Int

    init(_ code: Code, value: String, offset: Int, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.value = ErrorText.clipped(value)
        self.offset = offset
        self.file = file
        self.line = line
    }

    /// A human-readable explanation naming the offending value.
    public var description: String {
        let what: String
        switch code {
        case .empty: what = "is empty"
        case .tooLong: what = "is longer than \(Permission.maximumLength) bytes"
        case .missingSeparator: what = "is not `*` or `action:resource`"
        case .tooManySegments: what = "has more than two `:`-separated segments"
        case .emptySegment: what = "has an empty segment"
        case .invalidCharacter: what = "has a character outside [a-z0-9_.-]"
        case .misplacedWildcard: what = "has a `*` that is not a whole segment"
        case .emptyOwnedResource: what = "has nothing after the `own_` ownership prefix"
        case .nestedOwnership: what = "repeats the `own_` ownership prefix"
        default: what = "is malformed"
        }
        return "invalid permission \(ErrorText.quoted(value)): \(what) (at byte \(offset))"
    }

    /// Equal when the codes are equal; the reason and the source location are ignored.
    public static func == (lhs: PermissionError, rhs: PermissionError) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the code only, as `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}
