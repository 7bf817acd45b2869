/// A validated permission: `action:resource`, a wildcard, or an ownership-scoped grant.
///
/// ## Grammar
///
/// ```
/// permission = "*" / action ":" resource
/// action     = segment
/// resource   = segment / "own_" segment      ; ownership-scoped, see below
/// segment    = "*" / word
/// word       = 1*( %x61-7A / DIGIT / "_" / "." / "-" )   ; a-z 0-9 _ . -
/// ```
///
/// - Exactly two segments, separated by one `:` (`read:posts`), or the bare `*`.
///   `read`, `read:posts:1`, `read:` and `:posts` are rejected.
/// - Lower case ASCII only. Matching is byte for byte, so `Read:Posts` is rejected rather
///   than silently never matching (and no case folding can make two spellings of one
///   permission disagree). Whitespace, upper case and non-ASCII bytes are rejected.
/// - `*` is a whole segment or nothing: `read:*` and `*:posts` are wildcards;
///   `read:post*`, `re*d:x` and `**` are rejected. The bare `*` grants everything and means
///   the same as `*:*`.
/// - At most ``maximumLength`` (128) bytes.
///
/// ## Matching
///
/// A granted permission covers a requested one when each of its segments is `*` or equal to
/// the requested segment: `read:*` covers `read:posts` but not `reader:x` (segments are
/// compared whole, never as prefixes), `*:posts` covers `delete:posts`, and `*` covers
/// everything. A requested wildcard is covered only by a grant at least as wide: `read:posts`
/// does not cover a request for `read:*`.
///
/// ## Ownership
///
/// A resource segment that starts with `own_` makes the grant ownership-scoped: `write:own_posts`
/// grants `write:posts` only on resources whose owner is the subject itself
/// (``Subject/userID``), and `write:own_*` grants `write` on any resource the subject owns.
/// The request carries the resource's owner (see ``Policy/evaluate(_:_:owner:)-(Subject,_,_)``); an
/// unscoped grant (`write:posts`, `write:*`, `*`) applies whoever the owner is. `own_` is
/// therefore reserved: a resource type cannot itself be named `own_…`, and `own_own_x` and a
/// bare `own_` are rejected. A resource merely starting with `own` (`owners`) is a plain word.
///
/// ```swift
/// let grant = try Permission("write:own_posts")
/// grant.action              // "write"
/// grant.resource            // "posts"
/// grant.isOwnershipScoped   // true
/// ```
public struct Permission: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The longest permission string accepted, in bytes.
    public static let maximumLength = 128

    /// The permission as written, for example `write:own_posts`.
    public let rawValue: String
    /// End of the action segment in ``rawValue`` (the `:`), or `endIndex` for the bare `*`.
    let actionEnd: String.Index
    /// Start of the resource segment after any `own_` prefix (`startIndex` for the bare `*`).
    let resourceStart: String.Index
    /// The segments and flags, packed for decisions.
    let pattern: PermissionPattern

    /// The permission that grants everything, `*`.
    public static let all = Permission(
        uncheckedRaw: "*", colon: nil, resourceOffset: 0,
        flags: PermissionPattern.actionWildcard | PermissionPattern.resourceWildcard)

    /// Parses and validates a permission string.
    ///
    /// - Parameter text: A permission following the grammar above, e.g. `read:posts`,
    ///   `write:own_posts`, `delete:*` or `*`.
    /// - Throws: ``PermissionError`` naming the offending value, with a code such as
    ///   ``PermissionError/Code/emptySegment``, ``PermissionError/Code/misplacedWildcard`` or
    ///   ``PermissionError/Code/invalidCharacter`` and the byte offset of the problem.
    public init(_ text: String) throws(PermissionError) {
        let bytes = text.utf8
        let count = bytes.count
        if count == 0 { throw PermissionError(.empty, value: text, offset: 0) }
        if count > Self.maximumLength {
            throw PermissionError(.tooLong, value: text, offset: Self.maximumLength)
        }
        var colon: Int? = nil
        var offset = 0
        for byte in bytes {
            if byte == UInt8(ascii: ":") {
                if colon != nil { throw PermissionError(.tooManySegments, value: text, offset: offset) }
                colon = offset
            } else if byte != UInt8(ascii: "*") && !Self.isWordByte(byte) {
                throw PermissionError(.invalidCharacter, value: text, offset: offset)
            }
            offset += 1
        }
        guard let colon else {
            if count == 1 && bytes.first == UInt8(ascii: "*") {
                self = .all
                return
            }
            if let star = Self.firstStar(in: bytes, from: 0, to: count) {
                throw PermissionError(.misplacedWildcard, value: text, offset: star)
            }
            throw PermissionError(.missingSeparator, value: text, offset: count)
        }
        var flags: UInt8 = 0
        if try Self.checkSegment(text, from: 0, to: colon) { flags |= PermissionPattern.actionWildcard }
        var resourceOffset = colon + 1
        if resourceOffset == count { throw PermissionError(.emptySegment, value: text, offset: resourceOffset) }
        if Self.hasOwnershipPrefix(bytes, at: resourceOffset) {
            flags |= PermissionPattern.ownershipScoped
            resourceOffset += Self.ownershipPrefix.count
            if resourceOffset == count {
                throw PermissionError(.emptyOwnedResource, value: text, offset: resourceOffset)
            }
            if Self.hasOwnershipPrefix(bytes, at: resourceOffset) {
                throw PermissionError(.nestedOwnership, value: text, offset: resourceOffset)
            }
        }
        if try Self.checkSegment(text, from: resourceOffset, to: count) { flags |= PermissionPattern.resourceWildcard }
        self.init(uncheckedRaw: text, colon: colon, resourceOffset: resourceOffset, flags: flags)
    }

    private init(uncheckedRaw text: String, colon: Int?, resourceOffset: Int, flags: UInt8) {
        let bytes = text.utf8
        self.rawValue = text
        if let colon {
            self.actionEnd = bytes.index(bytes.startIndex, offsetBy: colon)
        } else {
            self.actionEnd = bytes.endIndex
        }
        self.resourceStart = bytes.index(bytes.startIndex, offsetBy: resourceOffset)
        self.pattern = PermissionPattern(
            action: WordKey(bytes[..<actionEnd]), resource: WordKey(bytes[resourceStart...]), flags: flags)
    }

    /// The action segment, for example `write` (or `*`).
    public var action: Substring { rawValue[..<actionEnd] }

    /// The resource segment without any `own_` prefix, for example `posts` for `write:own_posts`
    /// (or `*`).
    public var resource: Substring { rawValue[resourceStart...] }

    /// Whether the action segment is `*` (true for the bare `*`).
    public var isActionWildcard: Bool { pattern.isActionWildcard }

    /// Whether the resource segment is `*` or `own_*` (true for the bare `*`).
    public var isResourceWildcard: Bool { pattern.isResourceWildcard }

    /// Whether this grant applies only to resources the subject owns (`own_` prefix).
    public var isOwnershipScoped: Bool { pattern.isOwnershipScoped }

    /// The permission as written.
    public var description: String { rawValue }

    /// Whether this permission, granted, covers everything that `other`, granted, would.
    ///
    /// True when each segment of `self` is `*` or equal to the corresponding segment of
    /// `other`, and `self` is not ownership-scoped unless `other` is. So `write:*` covers
    /// `write:posts` and `write:own_posts`; `write:own_posts` covers itself but not
    /// `write:posts`; `*` covers everything.
    public func covers(_ other: Permission) -> Bool {
        if isOwnershipScoped && !other.isOwnershipScoped { return false }
        return matches(other)
    }

    /// Whether both segments of this grant match those of `request`, ignoring ownership.
    func matches(_ request: Permission) -> Bool {
        switch pattern.match(request.pattern) {
        case .yes: return true
        case .no: return false
        case .compareText: return segmentsEqual(request)
        }
    }

    /// Whether the non-wildcard segments of this grant equal those of `request`, byte for
    /// byte (the slow path for segments longer than a ``WordKey`` holds).
    func segmentsEqual(_ request: Permission) -> Bool {
        if !isActionWildcard && !rawValue.utf8[..<actionEnd].elementsEqual(request.rawValue.utf8[..<request.actionEnd])
        {
            return false
        }
        if !isResourceWildcard
            && !rawValue.utf8[resourceStart...].elementsEqual(request.rawValue.utf8[request.resourceStart...])
        {
            return false
        }
        return true
    }

    /// Equal when the permission strings are equal.
    public static func == (lhs: Permission, rhs: Permission) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    /// Hashes the permission string, as `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }

    /// Orders by the permission text, byte by byte (so `*` sorts before letters).
    public static func < (lhs: Permission, rhs: Permission) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }

    // MARK: - Grammar

    static let ownershipPrefix: [UInt8] = Array("own_".utf8)

    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    private static func hasOwnershipPrefix(_ bytes: String.UTF8View, at offset: Int) -> Bool {
        var index = bytes.index(bytes.startIndex, offsetBy: offset)
        for expected in ownershipPrefix {
            guard index < bytes.endIndex, bytes[index] == expected else { return false }
            index = bytes.index(after: index)
        }
        return true
    }

    private static func firstStar(in bytes: String.UTF8View, from start: Int, to end: Int) -> Int? {
        var offset = 0
        for byte in bytes {
            if offset >= end { break }
            if offset >= start && byte == UInt8(ascii: "*") { return offset }
            offset += 1
        }
        return nil
    }

    /// Checks the segment `[start, end)` of `text` (already known to hold only word bytes and
    /// `*`), and returns whether it is the wildcard `*`.
    private static func checkSegment(_ text: String, from start: Int, to end: Int) throws(PermissionError) -> Bool {
        if start == end { throw PermissionError(.emptySegment, value: text, offset: start) }
        guard let star = firstStar(in: text.utf8, from: start, to: end) else { return false }
        if end - start == 1 { return true }
        throw PermissionError(.misplacedWildcard, value: text, offset: star)
    }
}
