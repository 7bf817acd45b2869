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

    @usableFromInline
    var storedKeys: [String]
    @usableFromInline
    var storedValues: [JSONValue]
    /// Name to position; present only for objects larger than ``indexThreshold``.
    @usableFromInline
    var index: [String: Int]?

    /// An empty object.
    @inlinable
    public init() {
        storedKeys = []
        storedValues = []
        index = nil
    }

    /// An object with the given members in order. A later member with a name already seen
    /// replaces the earlier one's value and keeps the earlier one's position.
    ///
    /// - Parameter members: Names and values.
    public init(_ members: [(String, JSONValue)]) {
        self.init()
        storedKeys.reserveCapacity(members.count)
        storedValues.reserveCapacity(members.count)
        for (key, value) in members { self[key] = value }
    }

    /// Built by the reader, which has already checked the names for uniqueness.
    init(uniqueKeys keys: [String], values: [JSONValue], index: [String: Int]?) {
        storedKeys = keys
        storedValues = values
        self.index = index
    }

    /// The number of members.
    @inlinable
    public var count: Int { storedKeys.count }

    /// Whether the object has no members.
    @inlinable
    public var isEmpty: Bool { storedKeys.isEmpty }

    /// The member names in order.
    @inlinable
    public var keys: [String] { storedKeys }

    /// The member values in order.
    @inlinable
    public var values: [JSONValue] { storedValues }

    /// The position of the member named `key`, if any.
    @inlinable
    func position(of key: String) -> Int? {
        if let index { return index[key] }
        return storedKeys.firstIndex(of: key)
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
            return storedValues[position]
        }
        set {
            if let position = position(of: key) {
                if let newValue {
                    storedValues[position] = newValue
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
        storedKeys.append(key)
        storedValues.append(value)
        if index != nil {
            index?[key] = storedKeys.count - 1
        } else if storedKeys.count > JSONObject.indexThreshold {
            index = JSONObject.makeIndex(storedKeys)
        }
    }

    @usableFromInline
    mutating func removeMember(at position: Int) {
        storedKeys.remove(at: position)
        storedValues.remove(at: position)
        index = storedKeys.count > JSONObject.indexThreshold ? JSONObject.makeIndex(storedKeys) : nil
    }

    static func makeIndex(_ keys: [String]) -> [String: Int] {
        var index = [String: Int](minimumCapacity: keys.count)
        for (position, key) in keys.enumerated() { index[key] = position }
        return index
    }

    /// Iterates the members in insertion order.
    public struct Iterator: IteratorProtocol {
        @usableFromInline
        let object: JSONObject
        @usableFromInline
        var position = 0

        @inlinable
        init(_ object: JSONObject) { self.object = object }

        @inlinable
        public mutating func next() -> Element? {
            guard position < object.storedKeys.count else { return nil }
            defer { position += 1 }
            return (key: object.storedKeys[position], value: object.storedValues[position])
        }
    }

    @inlinable
    public func makeIterator() -> Iterator { Iterator(self) }

    @inlinable
    public var underestimatedCount: Int { storedKeys.count }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.storedKeys == rhs.storedKeys { return lhs.storedValues == rhs.storedValues }
        for (position, key) in lhs.storedKeys.enumerated() {
            guard let other = rhs.position(of: key), rhs.storedValues[other] == lhs.storedValues[position] else {
                return false
            }
        }
        return true
    }

    /// Order-independent, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for position in storedKeys.indices {
            var member = Hasher()
            member.combine(storedKeys[position])
            member.combine(storedValues[position])
            combined = combined &+ member.finalize()
        }
        hasher.combine(storedKeys.count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// An object from a literal; a repeated name keeps the last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
