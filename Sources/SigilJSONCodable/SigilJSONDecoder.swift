import SigilJSON

/// Decodes `Decodable` values from JSON read by SigilJSON's strict parser.
///
/// The text is parsed once, strictly (RFC 8259; duplicate member names, malformed UTF-8,
/// trailing data and the rest are rejected, see `JSONValue.parse`), and the value is
/// decoded from that parse. Numbers are converted exactly: an integer type accepts only a
/// number that denotes an integer in its range (`10`, `1e1` and `10.0` are all 10 for an
/// `Int`; `1.5`, `1e300` or `9223372036854775808` for an `Int64` are errors, never
/// rounded or clamped); `Double` and `Float` are correctly rounded from the literal, and a
/// literal beyond their range is an error. Strings, numbers and Booleans are never
/// converted into each other.
///
/// ```swift
/// struct Post: Codable { var id: Int; var title: String; var tags: [String] }
/// let post = try SigilJSONDecoder().decode(Post.self, from: Array(#"{"id":1,"title":"Hello","tags":[]}"#.utf8))
/// ```
///
/// Errors are `DecodingError`s with the coding path of the offending value:
/// `.keyNotFound` for a missing member, `.valueNotFound` for `null` where a value is
/// required, `.typeMismatch` for a value of another JSON type, `.dataCorrupted` for a
/// number out of range and for text that does not parse (its `underlyingError` is the
/// `JSONError`, with the byte offset).
///
/// A type that conforms to ``JSONValueRepresentable`` is made by `init?(jsonValue:)`
/// instead of `init(from:)`; `nil` is a `.typeMismatch`. Foundation's `Date` decodes only
/// when `SigilJWTFoundation` (dates as NumericDates) is linked; otherwise it is an error
/// rather than a misread number.
public struct SigilJSONDecoder: Sendable {
    /// Bounds on the text's size and nesting depth.
    public var limits: JSONLimits
    /// Values that the types being decoded can read from `Decoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// A decoder.
    ///
    /// - Parameters:
    ///   - limits: Size and depth bounds for the parser.
    ///   - userInfo: Values for `Decoder.userInfo`.
    public init(limits: JSONLimits = JSONLimits(), userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.limits = limits
        self.userInfo = userInfo
    }

    /// Parses JSON text strictly and decodes a value from it.
    ///
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - bytes: The UTF-8 JSON text.
    /// - Returns: The value.
    /// - Throws: `DecodingError`; text that does not parse is `.dataCorrupted` with the
    ///   `JSONError` as its underlying error. Any error the type's `init(from:)` throws.
    public func decode<Value: Decodable, Bytes: Collection<UInt8>>(
        _ type: Value.Type, from bytes: Bytes
    ) throws -> Value {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes, limits: limits)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: [], debugDescription: "The text is not valid JSON (\(error.reason))",
                    underlyingError: error))
        }
        return try decode(type, from: value)
    }

    /// Decodes a value from JSON that has already been parsed.
    ///
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - value: The JSON value.
    /// - Returns: The value.
    /// - Throws: `DecodingError`; any error the type's `init(from:)` throws.
    public func decode<Value: Decodable>(_ type: Value.Type, from value: JSONValue) throws -> Value {
        try ValueDecoder(value, codingPath: [], userInfo: userInfo).unbox(
            value, as: Value.self, path: [], key: nil, decodingSelf: true)
    }
}

// MARK: - The Decoder

/// The `Decoder` handed to `init(from:)`: one per value that decodes itself.
final class ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let sendableUserInfo: [CodingUserInfoKey: any Sendable]

    init(_ value: JSONValue, codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) {
        self.value = value
        self.codingPath = codingPath
        self.sendableUserInfo = userInfo
    }

    var userInfo: [CodingUserInfoKey: Any] { sendableUserInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else {
            throw mismatch([String: Any].self, value, path: codingPath, key: nil)
        }
        return KeyedDecodingContainer(KeyedReader(decoder: self, object: object, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw mismatch([Any].self, value, path: codingPath, key: nil)
        }
        return UnkeyedReader(decoder: self, elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: Conversions, shared by the containers

    /// Decodes `value` as `Value`: scalars and arrays of strings directly, a
    /// `JSONValueRepresentable` by `init?(jsonValue:)`, anything else through `init(from:)`
    /// with a decoder whose path ends in `key` (this decoder itself when `decodingSelf`, for
    /// the top-level value, which saves making a second one).
    func unbox<Value: Decodable>(
        _ value: JSONValue, as type: Value.Type, path: [any CodingKey], key: (any CodingKey)?,
        decodingSelf: Bool = false
    ) throws -> Value {
        if Value.self == String.self { return unsafeBitCast(try string(value, path: path, key: key), to: Value.self) }
        if Value.self == [String].self {
            if let strings = ValueDecoder.strings(value) { return unsafeBitCast(strings, to: Value.self) }
            guard case .array(let elements) = value else { throw mismatch(Value.self, value, path: path, key: key) }
            let index = elements.firstIndex { if case .string = $0 { false } else { true } } ?? 0
            throw mismatch(
                String.self, elements[index], path: key.map { path + [$0] } ?? path, key: CodingPathKey(index: index))
        }
        if Value.self == Int.self {
            return unsafeBitCast(try integer(value, Int.self, path: path, key: key), to: Value.self)
        }
        if Value.self == Int64.self {
            return unsafeBitCast(try integer(value, Int64.self, path: path, key: key), to: Value.self)
        }
        if Value.self == Bool.self { return unsafeBitCast(try bool(value, path: path, key: key), to: Value.self) }
        if Value.self == Double.self { return unsafeBitCast(try double(value, path: path, key: key), to: Value.self) }
        if let representable = Value.self as? any JSONValueRepresentable.Type {
            if case .null = value { throw missing(Value.self, path: path, key: key) }
            guard let decoded = representable.init(jsonValue: value) as? Value else {
                throw mismatch(Value.self, value, path: path, key: key)
            }
            return decoded
        }
        if isFoundationDate(Value.self) {
            throw DecodingError.typeMismatch(
                Value.self,
                context(
                    path, key,
                    "Date has no JSON form of its own; link SigilJWTFoundation to read it as a NumericDate"))
        }
        if decodingSelf { return try Value(from: self) }
        return try Value(
            from: ValueDecoder(value, codingPath: key.map { path + [$0] } ?? path, userInfo: sendableUserInfo))
    }

    /// The strings of an array of strings, in one allocation; `nil` for anything else.
    static func strings(_ value: JSONValue) -> [String]? {
        guard case .array(let elements) = value else { return nil }
        for element in elements {
            guard case .string = element else { return nil }
        }
        return elements.map { element in
            guard case .string(let string) = element else { return "" }
            return string
        }
    }

    func string(_ value: JSONValue, path: [any CodingKey], key: (any CodingKey)?) throws -> String {
        guard case .string(let string) = value else { throw mismatch(String.self, value, path: path, key: key) }
        return string
    }

    func bool(_ value: JSONValue, path: [any CodingKey], key: (any CodingKey)?) throws -> Bool {
        guard case .bool(let bool) = value else { throw mismatch(Bool.self, value, path: path, key: key) }
        return bool
    }

    func integer<Integer: FixedWidthInteger>(
        _ value: JSONValue, _ type: Integer.Type, path: [any CodingKey], key: (any CodingKey)?
    ) throws -> Integer {
        guard case .number(let number) = value else { throw mismatch(Integer.self, value, path: path, key: key) }
        guard let integer: Integer = ExactInteger.value(of: number.literal) else {
            throw DecodingError.dataCorrupted(
                context(path, key, "The number \(number.literal) is not an integer in the range of \(Integer.self)"))
        }
        return integer
    }

    func double(_ value: JSONValue, path: [any CodingKey], key: (any CodingKey)?) throws -> Double {
        guard case .number(let number) = value else { throw mismatch(Double.self, value, path: path, key: key) }
        guard let double = number.doubleValue else {
            throw DecodingError.dataCorrupted(
                context(path, key, "The number \(number.literal) is beyond the range of Double"))
        }
        return double
    }

    func float(_ value: JSONValue, path: [any CodingKey], key: (any CodingKey)?) throws -> Float {
        guard case .number(let number) = value else { throw mismatch(Float.self, value, path: path, key: key) }
        // Float's own parser rounds the decimal literal once, correctly; going through a
        // Double first could round twice.
        guard let float = Float(number.literal), float.isFinite else {
            throw DecodingError.dataCorrupted(
                context(path, key, "The number \(number.literal) is beyond the range of Float"))
        }
        return float
    }

    func context(_ path: [any CodingKey], _ key: (any CodingKey)?, _ description: String) -> DecodingError.Context {
        DecodingError.Context(codingPath: key.map { path + [$0] } ?? path, debugDescription: description)
    }

    /// `.valueNotFound` for `null`, else `.typeMismatch`.
    func mismatch(_ type: Any.Type, _ value: JSONValue, path: [any CodingKey], key: (any CodingKey)?) -> DecodingError {
        if case .null = value { return missing(type, path: path, key: key) }
        return DecodingError.typeMismatch(
            type, context(path, key, "Expected \(type) but found \(ValueDecoder.kind(of: value))"))
    }

    func missing(_ type: Any.Type, path: [any CodingKey], key: (any CodingKey)?) -> DecodingError {
        DecodingError.valueNotFound(type, context(path, key, "Expected \(type) but found null"))
    }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a Boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension ValueDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try bool(value, path: codingPath, key: nil) }
    func decode(_ type: String.Type) throws -> String { try string(value, path: codingPath, key: nil) }
    func decode(_ type: Double.Type) throws -> Double { try double(value, path: codingPath, key: nil) }
    func decode(_ type: Float.Type) throws -> Float { try float(value, path: codingPath, key: nil) }
    func decode(_ type: Int.Type) throws -> Int { try integer(value, type, path: codingPath, key: nil) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(value, type, path: codingPath, key: nil) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(value, type, path: codingPath, key: nil) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(value, type, path: codingPath, key: nil) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(value, type, path: codingPath, key: nil) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(value, type, path: codingPath, key: nil) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(value, type, path: codingPath, key: nil) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(value, type, path: codingPath, key: nil) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(value, type, path: codingPath, key: nil) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(value, type, path: codingPath, key: nil) }
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        return try unbox(value, as: type, path: codingPath, key: nil)
    }
}

// MARK: - Containers

/// The state of one keyed container, in one reference: the generic `KeyedReader` is then
/// copied by a retain, and the work below is not generic over the key type.
final class ObjectReader {
    let decoder: ValueDecoder
    let object: JSONObject
    let codingPath: [any CodingKey]

    init(decoder: ValueDecoder, object: JSONObject, codingPath: [any CodingKey]) {
        self.decoder = decoder
        self.object = object
        self.codingPath = codingPath
    }

    /// `.keyNotFound` for a member that is absent.
    func absent(_ key: any CodingKey) -> DecodingError {
        DecodingError.keyNotFound(
            key,
            DecodingError.Context(codingPath: codingPath, debugDescription: "No member named \"\(key.stringValue)\""))
    }
}

struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: ObjectReader

    init(decoder: ValueDecoder, object: JSONObject, codingPath: [any CodingKey]) {
        reader = ObjectReader(decoder: decoder, object: object, codingPath: codingPath)
    }

    var decoder: ValueDecoder { reader.decoder }
    var object: JSONObject { reader.object }
    var codingPath: [any CodingKey] { reader.codingPath }

    var allKeys: [Key] { object.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { object.contains(key.stringValue) }

    @inline(__always)
    func member(_ key: Key) throws -> JSONValue {
        guard let value = reader.object[key.stringValue] else { throw reader.absent(key) }
        return value
    }

    // The common types are read here, and the coding path and the key are boxed only to
    // report an error.

    func decodeNil(forKey key: Key) throws -> Bool { try member(key).isNull }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        let value = try member(key)
        if case .bool(let bool) = value { return bool }
        return try decoder.bool(value, path: codingPath, key: key)
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        let value = try member(key)
        if case .string(let string) = value { return string }
        return try decoder.string(value, path: codingPath, key: key)
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try decoder.double(member(key), path: codingPath, key: key)
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try decoder.float(member(key), path: codingPath, key: key)
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        let value = try member(key)
        if case .number(let number) = value, let integer: Int = ExactInteger.value(of: number.literal) {
            return integer
        }
        return try decoder.integer(value, type, path: codingPath, key: key)
    }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        try decoder.integer(member(key), type, path: codingPath, key: key)
    }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try decoder.integer(member(key), type, path: codingPath, key: key)
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try decoder.integer(member(key), type, path: codingPath, key: key)
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        let value = try member(key)
        if case .number(let number) = value, let integer: Int64 = ExactInteger.value(of: number.literal) {
            return integer
        }
        return try decoder.integer(value, type, path: codingPath, key: key)
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        try decoder.integer(member(key), type, path: codingPath, key: key)
    }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try decoder.integer(member(key), type, path: codingPath, key: key)
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try decoder.integer(member(key), type, path: codingPath, key: key)
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try decoder.integer(member(key), type, path: codingPath, key: key)
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try decoder.integer(member(key), type, path: codingPath, key: key)
    }
    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        let value = try member(key)
        if Value.self == [String].self, let strings = ValueDecoder.strings(value) {
            return unsafeBitCast(strings, to: Value.self)
        }
        return try decoder.unbox(value, as: type, path: codingPath, key: key)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let value = try member(key)
        guard case .object(let nested) = value else {
            throw decoder.mismatch([String: Any].self, value, path: codingPath, key: key)
        }
        return KeyedDecodingContainer(
            KeyedReader<NestedKey>(decoder: decoder, object: nested, codingPath: codingPath + [key]))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let value = try member(key)
        guard case .array(let elements) = value else {
            throw decoder.mismatch([Any].self, value, path: codingPath, key: key)
        }
        return UnkeyedReader(decoder: decoder, elements: elements, codingPath: codingPath + [key])
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(
            object["super"] ?? .null, codingPath: codingPath + [CodingPathKey.super],
            userInfo: decoder.sendableUserInfo)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(
            object[key.stringValue] ?? .null, codingPath: codingPath + [key], userInfo: decoder.sendableUserInfo)
    }
}

struct UnkeyedReader: UnkeyedDecodingContainer {
    let decoder: ValueDecoder
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(decoder: ValueDecoder, elements: [JSONValue], codingPath: [any CodingKey]) {
        self.decoder = decoder
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private var key: CodingPathKey { CodingPathKey(index: currentIndex) }

    /// The next element, moving past it only if `read` succeeds.
    private mutating func next<Value>(
        _ type: Value.Type, _ read: (ValueDecoder, JSONValue, [any CodingKey], CodingPathKey) throws -> Value
    ) throws -> Value {
        guard currentIndex < elements.count else {
            throw DecodingError.valueNotFound(
                type,
                DecodingError.Context(
                    codingPath: codingPath + [key], debugDescription: "The array has only \(elements.count) elements"))
        }
        let value = try read(decoder, elements[currentIndex], codingPath, key)
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < elements.count else {
            throw DecodingError.valueNotFound(
                Any?.self,
                DecodingError.Context(
                    codingPath: codingPath + [key], debugDescription: "The array has only \(elements.count) elements"))
        }
        guard elements[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        try next(type) { try $0.bool($1, path: $2, key: $3) }
    }
    mutating func decode(_ type: String.Type) throws -> String {
        try next(type) { try $0.string($1, path: $2, key: $3) }
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        try next(type) { try $0.double($1, path: $2, key: $3) }
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        try next(type) { try $0.float($1, path: $2, key: $3) }
    }
    mutating func decode(_ type: Int.Type) throws -> Int {
        try next(type) { try $0.integer($1, type, path: $2, key: $3) }
    }
    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        try next(type) { try $0.integer($1, type, path: $2, key: $3) }
    }
    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        try next(type) { try $0.integer($1, type, path: $2, key: $3) }
    }
    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        try next(type) { try $0.integer($1, type, path: $2, key: $3) }
    }
    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        try next(type) { try $0.integer($1, type, path: $2, key: $3) }
    }
    mutating func decode(_ type: UInt.Type) throws -> UInt {
        try next(type) { try $0.integer($1, type, path: $2, key: $3) }
    }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        try next(type) { try $0.integer($1, type, path: $2, key: $3) }
    }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        try next(type) { try $0.integer($1, type, path: $2, key: $3) }
    }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        try next(type) { try $0.integer($1, type, path: $2, key: $3) }
    }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        try next(type) { try $0.integer($1, type, path: $2, key: $3) }
    }
    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try next(type) { try $0.unbox($1, as: type, path: $2, key: $3) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try next(KeyedDecodingContainer<NestedKey>.self) { decoder, value, path, key in
            guard case .object(let nested) = value else {
                throw decoder.mismatch([String: Any].self, value, path: path, key: key)
            }
            return KeyedDecodingContainer(
                KeyedReader<NestedKey>(decoder: decoder, object: nested, codingPath: path + [key]))
        }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next((any UnkeyedDecodingContainer).self) { decoder, value, path, key in
            guard case .array(let nested) = value else {
                throw decoder.mismatch([Any].self, value, path: path, key: key)
            }
            return UnkeyedReader(decoder: decoder, elements: nested, codingPath: path + [key])
        }
    }

    mutating func superDecoder() throws -> any Decoder {
        try next((any Decoder).self) { decoder, value, path, key in
            ValueDecoder(value, codingPath: path + [key], userInfo: decoder.sendableUserInfo)
        }
    }
}

// MARK: - Exact integers

/// Reads a JSON number literal as an integer of a given type, exactly or not at all.
enum ExactInteger {
    /// The integer a valid RFC 8259 number literal denotes, when it is an integer that
    /// `Integer` can hold; `nil` for a fraction or a value out of range.
    ///
    /// Never traps.
    static func value<Integer: FixedWidthInteger>(of literal: String) -> Integer? {
        var literal = literal
        return literal.withUTF8 { bytes -> Integer? in
            guard let (negative, magnitude) = plainParts(bytes) ?? parts(bytes) else { return nil }
            if negative {
                guard Integer.isSigned else { return magnitude == 0 ? 0 : nil }
                // -2^(bits-1) is the one magnitude beyond Integer.max.
                if magnitude == UInt64(Integer.max) + 1 { return Integer.min }
                guard magnitude <= UInt64(Integer.max) else { return nil }
                return 0 - Integer(magnitude)
            }
            guard magnitude <= UInt64(Integer.max) else { return nil }
            return Integer(magnitude)
        }
    }

    /// The sign and magnitude of a literal of at most 18 digits with no fraction and no exponent.
    ///
    /// That is the usual form of an integer (a NumericDate, for instance), and it cannot overflow.
    /// Returns `nil` for any other literal, which `parts` then reads.
    @inline(__always)
    static func plainParts(_ bytes: UnsafeBufferPointer<UInt8>) -> (negative: Bool, magnitude: UInt64)? {
        let negative = !bytes.isEmpty && bytes[0] == UInt8(ascii: "-")
        let start = negative ? 1 : 0
        let count = bytes.count - start
        guard count > 0, count <= 18 else { return nil }
        var magnitude: UInt64 = 0
        for index in start..<bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            magnitude = magnitude &* 10 &+ UInt64(digit)
        }
        return (negative, magnitude)
    }

    /// The sign and magnitude of an integral literal, or `nil` for a fraction or a
    /// magnitude above `UInt64.max`.
    static func parts(_ bytes: UnsafeBufferPointer<UInt8>) -> (negative: Bool, magnitude: UInt64)? {
        var index = 0
        let end = bytes.count
        let negative = index < end && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var mantissa: UInt64 = 0
        var fractionDigits = 0
        // Zeros after the last nonzero digit, applied once the exponent is known, so that
        // `100000000000000000000e-2` does not overflow on the way.
        var pendingZeros = 0
        var inFraction = false
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if byte &- UInt8(ascii: "0") < 10 {
                if inFraction { fractionDigits += 1 }
                let digit = UInt64(byte &- UInt8(ascii: "0"))
                if digit == 0 {
                    if mantissa != 0 { pendingZeros += 1 }
                } else {
                    for _ in 0..<pendingZeros {
                        let (product, overflow) = mantissa.multipliedReportingOverflow(by: 10)
                        guard !overflow else { return nil }
                        mantissa = product
                    }
                    pendingZeros = 0
                    let (product, overflow) = mantissa.multipliedReportingOverflow(by: 10)
                    let (sum, carry) = product.addingReportingOverflow(digit)
                    guard !overflow, !carry else { return nil }
                    mantissa = sum
                }
            } else {
                break
            }
            index += 1
        }
        var exponent = 0
        if index < end && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            var exponentNegative = false
            if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            while index < end, bytes[index] &- UInt8(ascii: "0") < 10 {
                // Saturated far beyond any exponent that could still give a UInt64.
                if exponent < 1_000_000 { exponent = exponent * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        if mantissa == 0 { return (negative, 0) }
        let scale = pendingZeros + exponent - fractionDigits
        // The last significant digit is nonzero, so a negative scale leaves a fraction.
        guard scale >= 0 else { return nil }
        guard scale <= 19 else { return nil }
        for _ in 0..<scale {
            let (product, overflow) = mantissa.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            mantissa = product
        }
        return (negative, mantissa)
    }
}
