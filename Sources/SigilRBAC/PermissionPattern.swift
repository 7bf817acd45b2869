/// A word (a permission segment or a role name) packed for comparison without touching the
/// string: its length and its first 16 bytes.
///
/// Words cannot contain a zero byte, so two words of at most 16 bytes are equal exactly when
/// their keys are; longer words with equal keys still need their remaining bytes compared.
struct WordKey: Hashable, Sendable {
    /// The number of bytes that the key holds in full.
    static let inlineCapacity = 16

    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0
    private(set) var length: Int = 0

    init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        length = bytes.count
        var shift: UInt64 = 0
        for byte in bytes.prefix(Self.inlineCapacity) {
            if shift < 64 {
                low |= UInt64(byte) << shift
            } else {
                high |= UInt64(byte) << (shift - 64)
            }
            shift += 8
        }
    }

    /// Whether equal keys prove the words equal (both fit in the key).
    var isComplete: Bool { length <= Self.inlineCapacity }
}

/// What a decision needs of a permission, as plain integers (no reference counting while a
/// policy scans its grants): both segments' keys and the wildcard and ownership flags.
struct PermissionPattern: Sendable {
    var action: WordKey
    var resource: WordKey
    var flags: UInt8

    static let actionWildcard: UInt8 = 1
    static let resourceWildcard: UInt8 = 2
    static let ownershipScoped: UInt8 = 4

    var isActionWildcard: Bool { flags & Self.actionWildcard != 0 }
    var isResourceWildcard: Bool { flags & Self.resourceWildcard != 0 }
    var isOwnershipScoped: Bool { flags & Self.ownershipScoped != 0 }

    /// The outcome of comparing a grant's segments with a request's.
    enum Match {
        /// The segments differ.
        case no
        /// The segments match.
        case yes
        /// The keys agree but a segment is longer than a key holds: compare the strings.
        case compareText
    }

    /// Whether this grant's segments cover the request's, ignoring ownership.
    func match(_ request: PermissionPattern) -> Match {
        var exact = true
        if !isActionWildcard {
            if action != request.action { return .no }
            exact = action.isComplete
        }
        if !isResourceWildcard {
            if resource != request.resource { return .no }
            exact = exact && resource.isComplete
        }
        return exact ? .yes : .compareText
    }
}
