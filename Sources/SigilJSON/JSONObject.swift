/// A JSON object: members in insertion order, with unique names (RFC 8259 §4).
///
/// Iteration and serialization follow insertion order, so output is deterministic. Small
/// objects are searched linearly; once an object has more than
/// ``JSONObject/indexThreshold`` members it also keeps a hash index, so building or
/// parsing a large object is linear, not quadratic.
///
/// Names are Swift strings and compare by Swift's string equality (Unicode canonical
/// equivalence), so the reader also rejects two names that differ only in normalization.
///
/// Two objects are equal when they have the same names with equal values, in any order.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// A member: its name and its value.
    public typealias Element = (key: String, value: JSONValue)

    /// The member count above which lookups use a hash index instead of a linear scan.
    public static let indexThreshold = 16

    /// One stored member.
    @usableFromInline
    struct Member: Sendable {
        @usableFromInline
        var key: String
        @usableFromInline
        var value: JSONValue

        @inlinable
        init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    @usableFromInline
    var members: [Member]
    /// Name to position; present only for objects larger than ``indexThreshold``.
    @usableFromInline
    var index: [String: Int]?

    /// An empty object.
    @inlinable
    public init() {
        members = []
        index = nil
    }

    /// An object with the given members in order.
    ///
    /// A later member with a name already seen replaces the earlier one's value and keeps the
    /// earlier one's position.
    ///
    /// - Parameter members: Names and values.
    public init(_ members: [(String, JSONValue)]) {
        self.init()
        self.members.reserveCapacity(members.count)
        for (key, value) in members { self[key] = value }
    }

    /// Built by the reader, which has already checked the names for uniqueness.
    init(uniqueMembers members: [Member], index: [String: Int]?) {
        self.members = members
        self.index = index
    }

    /// The number of members.
    @inlinable
    public var count: Int { members.count }

    /// Whether the object has no members.
    @inlinable
    public var isEmpty: Bool { members.isEmpty }

    /// The member names in order.
    public var keys: [String] { members.map { $0.key } }

    /// The member values in order.
    public var values: [JSONValue] { members.map { $0.value } }

    /// The position of the member named `key`, if any.
    @inlinable
    func position(of key: String) -> Int? {
        if let index { return index[key] }
        for position in members.indices where members[position].key == key { return position }
        return nil
    }

    /// Whether a member named `key` exists.
    ///
    /// - Parameter key: The member name.
    /// - Returns: `true` when the object has a member with that name.
    @inlinable
    public func contains(_ key: String) -> Bool { position(of: key) != nil }

    /// The value of the member named `key`; setting `nil` removes the member, setting a
    /// value replaces an existing member in place or appends a new one.
    @inlinable
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = position(of: key) else { return nil }
            return members[position].value
        }
        set {
            if let position = position(of: key) {
                if let newValue {
                    members[position].value = newValue
                } else {
                    removeMember(at: position)
                }
            } else if let newValue {
                appendMember(key, newValue)
            }
        }
    }

    /// Appends a member whose name is known to be new.
    @usableFromInline
    mutating func appendMember(_ key: String, _ value: JSONValue) {
        members.append(Member(key: key, value: value))
        if index != nil {
            index?[key] = members.count - 1
        } else if members.count > JSONObject.indexThreshold {
            index = JSONObject.makeIndex(members)
        }
    }

    @usableFromInline
    mutating func removeMember(at position: Int) {
        members.remove(at: position)
        index = members.count > JSONObject.indexThreshold ? JSONObject.makeIndex(members) : nil
    }

    static func makeIndex(_ members: [Member]) -> [String: Int] {
        var index = [String: Int](minimumCapacity: members.count)
        for position in members.indices { index[members[position].key] = position }
        return index
    }

    /// Iterates the members in insertion order.
    public struct Iterator: IteratorProtocol {
        @usableFromInline
        let members: [Member]
        @usableFromInline
        var position = 0

        @inlinable
        init(_ members: [Member]) { self.members = members }

        /// The next member in document order, or `nil` after the last.
        @inlinable
        public mutating func next() -> Element? {
            guard position < members.count else { return nil }
            defer { position += 1 }
            return (key: members[position].key, value: members[position].value)
        }
    }

    /// An iterator over the members in document order.
    @inlinable
    public func makeIterator() -> Iterator { Iterator(members) }

    /// The number of members.
    @inlinable
    public var underestimatedCount: Int { members.count }

    /// Equal when both hold the same members with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for member in lhs.members {
            guard let other = rhs.position(of: member.key), rhs.members[other].value == member.value else {
                return false
            }
        }
        return true
    }

    /// Order-independent, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            combined = combined &+ memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// An object from a literal; a repeated name keeps the last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
