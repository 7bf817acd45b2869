import SigilJSON

/// Encodes `Encodable` values as compact JSON (RFC 8259) with SigilJSON's writer.
///
/// The output is what `JSONValue.serialized()` writes: no whitespace, members in the order
/// they were encoded, minimal string escaping, slashes unescaped. Integers are written with
/// all their digits (`UInt64.max` included); `Double` and `Float` with the shortest literal
/// that reads back as exactly the same value. A key encoded twice in one container keeps
/// its first position and its last value, so the output never has duplicate names.
///
/// ```swift
/// struct Post: Codable { var id: Int; var title: String; var tags: [String] }
/// let json = try SigilJSONEncoder().encode(Post(id: 1, title: "Hello", tags: ["swift"]))
/// // {"id":1,"title":"Hello","tags":["swift"]}
/// ```
///
/// A type that conforms to ``JSONValueRepresentable`` is written as its `jsonValue`
/// instead of through `encode(to:)`. Foundation's `Date` has no JSON form of its own here:
/// encoding one throws, unless `SigilJWTFoundation` (dates as NumericDates) is linked.
public struct SigilJSONEncoder: Sendable {
    /// Values that the types being encoded can read from `Encoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// An encoder.
    ///
    /// - Parameter userInfo: Values for `Encoder.userInfo`.
    public init(userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.userInfo = userInfo
    }

    /// Encodes a value as compact JSON.
    ///
    /// - Parameter value: The value.
    /// - Returns: The UTF-8 bytes of the JSON text.
    /// - Throws: `EncodingError.invalidValue` for a non-finite `Double` or `Float`, a value
    ///   that encodes nothing at the top level, a `JSONValueRepresentable` without a JSON
    ///   form, or a `Date` without `SigilJWTFoundation`; any error the value's
    ///   `encode(to:)` throws.
    public func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let node = try topLevelNode(value)
        var writer = JSONWriter(capacity: 256)
        node.write(to: &writer)
        return writer.bytes
    }

    /// Encodes a value as a `JSONValue`.
    ///
    /// - Parameter value: The value.
    /// - Returns: The JSON value, equal to what parsing ``encode(_:)``'s output gives.
    /// - Throws: As ``encode(_:)``.
    public func encodeJSONValue<Value: Encodable>(_ value: Value) throws -> JSONValue {
        try topLevelNode(value).jsonValue
    }

    private func topLevelNode<Value: Encodable>(_ value: Value) throws -> EncodedNode {
        let encoder = ValueEncoder(codingPath: [], userInfo: userInfo)
        guard let node = try encoder.node(for: value, path: [], key: nil, encodingSelf: true) else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "\(Value.self) encoded no value"))
        }
        return node
    }
}

// MARK: - The encoded tree

/// What has been encoded so far: leaves, and containers that stay open (by reference) to
/// the containers handed out for them until the whole value is written.
enum EncodedNode {
    case null
    case bool(Bool)
    case integer(Int64)
    case unsignedInteger(UInt64)
    case string(String)
    case json(JSONValue)
    case strings([String])
    case object(ObjectNode)
    case array(ArrayNode)
    /// A `superEncoder`, read when the tree is written: what it holds, or `{}` if nothing.
    case encoder(ValueEncoder)

    func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.writeRaw("null")
        case .bool(let value): writer.writeRaw(value ? "true" : "false")
        case .integer(let value): writer.writeInteger(value)
        case .unsignedInteger(let value):
            if value <= UInt64(Int64.max) {
                writer.writeInteger(Int64(value))
            } else {
                writer.writeRaw(String(value).utf8)
            }
        case .string(let value): writer.writeString(value)
        case .json(let value): EncodedNode.write(value, to: &writer)
        case .strings(let values):
            writer.writeRaw("[")
            for index in values.indices {
                if index != 0 { writer.writeRaw(",") }
                writer.writeString(values[index])
            }
            writer.writeRaw("]")
        case .object(let object):
            writer.writeRaw("{")
            for index in object.members.indices {
                if index != 0 { writer.writeRaw(",") }
                writer.writeString(object.members[index].key)
                writer.writeRaw(":")
                object.members[index].node.write(to: &writer)
            }
            writer.writeRaw("}")
        case .array(let array):
            writer.writeRaw("[")
            for index in array.elements.indices {
                if index != 0 { writer.writeRaw(",") }
                array.elements[index].write(to: &writer)
            }
            writer.writeRaw("]")
        case .encoder(let encoder):
            (encoder.storage ?? .object(ObjectNode())).write(to: &writer)
        }
    }

    static func write(_ value: JSONValue, to writer: inout JSONWriter) {
        switch value {
        case .null: writer.writeRaw("null")
        case .bool(let value): writer.writeRaw(value ? "true" : "false")
        case .number(let number): writer.writeNumber(number)
        case .string(let string): writer.writeString(string)
        case .array, .object: writer.write(value)
        }
    }

    var jsonValue: JSONValue {
        switch self {
        case .null: .null
        case .bool(let value): .bool(value)
        case .integer(let value): .number(JSONNumber(value))
        case .unsignedInteger(let value): .number(JSONNumber(literal: String(value))!)
        case .string(let value): .string(value)
        case .json(let value): value
        case .strings(let values): .array(values.map { .string($0) })
        case .object(let object): .object(JSONObject(object.members.map { ($0.key, $0.node.jsonValue) }))
        case .array(let array): .array(array.elements.map { $0.jsonValue })
        case .encoder(let encoder): (encoder.storage ?? .object(ObjectNode())).jsonValue
        }
    }
}

/// An object being encoded: members in order, names unique.
final class ObjectNode {
    struct Member {
        var key: String
        var node: EncodedNode
    }

    var members: [Member] = []
    /// Name to position, kept once the object is larger than a linear scan should search.
    var index: [String: Int]?

    func position(of key: String) -> Int? {
        if let index { return index[key] }
        for position in members.indices where members[position].key == key { return position }
        return nil
    }

    /// Sets the member `key`: in place if it exists, else appended.
    func set(_ key: String, _ node: EncodedNode) {
        if let position = position(of: key) {
            members[position].node = node
            return
        }
        if members.isEmpty { members.reserveCapacity(8) }
        members.append(Member(key: key, node: node))
        if index != nil {
            index?[key] = members.count - 1
        } else if members.count > JSONObject.indexThreshold {
            var index = [String: Int](minimumCapacity: members.count)
            for position in members.indices { index[members[position].key] = position }
            self.index = index
        }
    }

    subscript(key: String) -> EncodedNode? {
        position(of: key).map { members[$0].node }
    }
}

/// An array being encoded.
final class ArrayNode {
    var elements: [EncodedNode] = []
}

// MARK: - The Encoder

/// The `Encoder` handed to `encode(to:)`: one per value that encodes itself.
final class ValueEncoder: Encoder {
    let codingPath: [any CodingKey]
    let sendableUserInfo: [CodingUserInfoKey: any Sendable]
    /// What this value encoded: `nil` until it asks for a container or encodes a value.
    var storage: EncodedNode?

    init(codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) {
        self.codingPath = codingPath
        self.sendableUserInfo = userInfo
    }

    var userInfo: [CodingUserInfoKey: Any] { sendableUserInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: ObjectNode
        if case .object(let existing) = storage {
            object = existing
        } else {
            object = ObjectNode()
            storage = .object(object)
        }
        return KeyedEncodingContainer(KeyedContainer(encoder: self, object: object, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: ArrayNode
        if case .array(let existing) = storage {
            array = existing
        } else {
            array = ArrayNode()
            storage = .array(array)
        }
        return UnkeyedContainer(encoder: self, array: array, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    /// The node for a nested value: scalars and arrays of strings directly, a
    /// `JSONValueRepresentable` by its `jsonValue`, anything else through `encode(to:)`.
    ///
    /// - Parameters:
    ///   - value: The value to encode.
    ///   - path: The coding path of the container that holds the value.
    ///   - key: The value's key or index in that container; `nil` at the top level.
    ///   - encodingSelf: The value is the top-level one and this encoder, still
    ///     empty, is the one its `encode(to:)` gets (which saves making a second one).
    /// - Returns: `nil` only at the top level, for a value that encoded nothing.
    /// - Throws: `EncodingError.invalidValue` for a value with no JSON form (a non-finite
    ///   number, a `Date` without SigilJWTFoundation), or whatever the value's `encode(to:)` throws.
    func node<Value: Encodable>(
        for value: Value, path: [any CodingKey], key: (any CodingKey)?, encodingSelf: Bool = false
    ) throws -> EncodedNode? {
        // Safe: each cast below runs only after `Value.self ==` its target type, so it is the identity.
        if Value.self == [String].self { return .strings(unsafeBitCast(value, to: [String].self)) }
        if Value.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if Value.self == Int.self { return .integer(Int64(unsafeBitCast(value, to: Int.self))) }
        if Value.self == Int64.self { return .integer(unsafeBitCast(value, to: Int64.self)) }
        if Value.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if Value.self == Double.self { return try number(unsafeBitCast(value, to: Double.self), path: path, key: key) }
        if Value.self is any JSONValueRepresentable.Type, let representable = value as? any JSONValueRepresentable {
            guard let json = representable.jsonValue else {
                throw EncodingError.invalidValue(value, context(path, key, "\(Value.self) has no JSON form"))
            }
            return .json(json)
        }
        if isFoundationDate(Value.self) {
            throw EncodingError.invalidValue(
                value,
                context(
                    path, key, "Date has no JSON form of its own; link SigilJWTFoundation to write it as a NumericDate")
            )
        }
        if encodingSelf {
            try value.encode(to: self)
            return storage
        }
        let encoder = ValueEncoder(codingPath: key.map { path + [$0] } ?? path, userInfo: sendableUserInfo)
        try value.encode(to: encoder)
        return encoder.storage ?? .object(ObjectNode())
    }

    func number(_ value: Double, path: [any CodingKey], key: (any CodingKey)?) throws -> EncodedNode {
        guard let number = JSONNumber(value) else {
            throw EncodingError.invalidValue(value, context(path, key, "\(value) is not a finite number"))
        }
        return .json(.number(number))
    }

    func number(_ value: Float, path: [any CodingKey], key: (any CodingKey)?) throws -> EncodedNode {
        guard value.isFinite, let number = JSONNumber(literal: value.description) else {
            throw EncodingError.invalidValue(value, context(path, key, "\(value) is not a finite number"))
        }
        return .json(.number(number))
    }

    func context(_ path: [any CodingKey], _ key: (any CodingKey)?, _ description: String) -> EncodingError.Context {
        EncodingError.Context(codingPath: key.map { path + [$0] } ?? path, debugDescription: description)
    }
}

/// Whether a type is Foundation's `Date`, which encodes itself as seconds since 2001: never
/// a NumericDate, so it must not pass silently.
@inline(__always)
func isFoundationDate(_ type: Any.Type) -> Bool {
    guard let date = foundationDate else { return false }
    return type == date
}

/// Foundation's `Date` type when Foundation is linked into the program, found once by its
/// mangled name (`Foundation.Date`, or `FoundationEssentials.Date` where the module is
/// split); `nil` otherwise, and then no value can be a `Date`.
let foundationDate: Any.Type? = _typeByName("10Foundation4DateV") ?? _typeByName("20FoundationEssentials4DateV")

extension ValueEncoder: SingleValueEncodingContainer {
    func encodeNil() throws { storage = .null }
    func encode(_ value: Bool) throws { storage = .bool(value) }
    func encode(_ value: String) throws { storage = .string(value) }
    func encode(_ value: Double) throws { storage = try number(value, path: codingPath, key: nil) }
    func encode(_ value: Float) throws { storage = try number(value, path: codingPath, key: nil) }
    func encode(_ value: Int) throws { storage = .integer(Int64(value)) }
    func encode(_ value: Int8) throws { storage = .integer(Int64(value)) }
    func encode(_ value: Int16) throws { storage = .integer(Int64(value)) }
    func encode(_ value: Int32) throws { storage = .integer(Int64(value)) }
    func encode(_ value: Int64) throws { storage = .integer(value) }
    func encode(_ value: UInt) throws { storage = .unsignedInteger(UInt64(value)) }
    func encode(_ value: UInt8) throws { storage = .unsignedInteger(UInt64(value)) }
    func encode(_ value: UInt16) throws { storage = .unsignedInteger(UInt64(value)) }
    func encode(_ value: UInt32) throws { storage = .unsignedInteger(UInt64(value)) }
    func encode(_ value: UInt64) throws { storage = .unsignedInteger(value) }
    func encode<Value: Encodable>(_ value: Value) throws {
        storage = try node(for: value, path: codingPath, key: nil)
    }
}

// MARK: - Containers

struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder
    let object: ObjectNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { object.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { object.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        object.set(key.stringValue, try encoder.number(value, path: codingPath, key: key))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        object.set(key.stringValue, try encoder.number(value, path: codingPath, key: key))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.set(key.stringValue, .integer(Int64(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { object.set(key.stringValue, .integer(Int64(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { object.set(key.stringValue, .integer(Int64(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { object.set(key.stringValue, .integer(Int64(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { object.set(key.stringValue, .integer(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        object.set(key.stringValue, .unsignedInteger(UInt64(value)))
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        object.set(key.stringValue, .unsignedInteger(UInt64(value)))
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        object.set(key.stringValue, .unsignedInteger(UInt64(value)))
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        object.set(key.stringValue, .unsignedInteger(UInt64(value)))
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        object.set(key.stringValue, .unsignedInteger(value))
    }
    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        if Value.self == [String].self {
            // Safe: `Value.self == [String].self` was just checked, so the cast is the identity.
            object.set(key.stringValue, .strings(unsafeBitCast(value, to: [String].self)))
            return
        }
        object.set(key.stringValue, try encoder.node(for: value, path: codingPath, key: key)!)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested: ObjectNode
        if case .object(let existing) = object[key.stringValue] {
            nested = existing
        } else {
            nested = ObjectNode()
            object.set(key.stringValue, .object(nested))
        }
        return KeyedEncodingContainer(
            KeyedContainer<NestedKey>(encoder: encoder, object: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested: ArrayNode
        if case .array(let existing) = object[key.stringValue] {
            nested = existing
        } else {
            nested = ArrayNode()
            object.set(key.stringValue, .array(nested))
        }
        return UnkeyedContainer(encoder: encoder, array: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: CodingPathKey.super) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key) }

    private func superEncoder(named key: any CodingKey) -> any Encoder {
        let nested = ValueEncoder(codingPath: codingPath + [key], userInfo: encoder.sendableUserInfo)
        object.set(key.stringValue, .encoder(nested))
        return nested
    }
}

struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: ValueEncoder
    let array: ArrayNode
    let codingPath: [any CodingKey]

    var count: Int { array.elements.count }

    private var nextKey: CodingPathKey { CodingPathKey(index: array.elements.count) }

    mutating func encodeNil() throws { array.elements.append(.null) }
    mutating func encode(_ value: Bool) throws { array.elements.append(.bool(value)) }
    mutating func encode(_ value: String) throws { array.elements.append(.string(value)) }
    mutating func encode(_ value: Double) throws {
        array.elements.append(try encoder.number(value, path: codingPath, key: nextKey))
    }
    mutating func encode(_ value: Float) throws {
        array.elements.append(try encoder.number(value, path: codingPath, key: nextKey))
    }
    mutating func encode(_ value: Int) throws { array.elements.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int8) throws { array.elements.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int16) throws { array.elements.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int32) throws { array.elements.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int64) throws { array.elements.append(.integer(value)) }
    mutating func encode(_ value: UInt) throws { array.elements.append(.unsignedInteger(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { array.elements.append(.unsignedInteger(UInt64(value))) }
    mutating func encode(_ value: UInt16) throws { array.elements.append(.unsignedInteger(UInt64(value))) }
    mutating func encode(_ value: UInt32) throws { array.elements.append(.unsignedInteger(UInt64(value))) }
    mutating func encode(_ value: UInt64) throws { array.elements.append(.unsignedInteger(value)) }
    mutating func encode<Value: Encodable>(_ value: Value) throws {
        array.elements.append(try encoder.node(for: value, path: codingPath, key: nextKey)!)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectNode()
        let path = codingPath + [nextKey]
        array.elements.append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: encoder, object: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayNode()
        let path = codingPath + [nextKey]
        array.elements.append(.array(nested))
        return UnkeyedContainer(encoder: encoder, array: nested, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let nested = ValueEncoder(codingPath: codingPath + [nextKey], userInfo: encoder.sendableUserInfo)
        array.elements.append(.encoder(nested))
        return nested
    }
}

/// A coding key for an array position or the `super` member, in coding paths.
struct CodingPathKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    init(index: Int) { self.init(intValue: index) }

    static let `super` = CodingPathKey(stringValue: "super")
}
