import SigilJSON

/// Decodes `Decodable` values from JSON read by SigilJSON's strict parser.
///
/// The text is parsed once, strictly (RFC 8259; duplicate member names, malformed UTF-8,
/// trailing data and the rest are rejected, see `JSONValue.parse`), and the value is
/// decoded from that parse. The parse is kept flat, as entries that point into the text,
/// rather than as a `JSONValue` tree: member names are matched against the coding keys on
/// their bytes (as Swift strings when either has an escape or a non-ASCII character), and
/// strings are made only for the values that are decoded. Numbers are converted exactly: an integer type accepts only a
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
        try decode(type, from: SigilJSONDecoder.tape(Array(bytes), limits: limits))
    }

    /// Decodes a value from JSON that has already been parsed.
    ///
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - value: The JSON value.
    /// - Returns: The value.
    /// - Throws: `DecodingError`; any error the type's `init(from:)` throws.
    public func decode<Value: Decodable>(_ type: Value.Type, from value: JSONValue) throws -> Value {
        // The value's compact text reads back as an equal value; the decoder's limits are for
        // text, and this value is already in memory.
        let unlimited = JSONLimits(
            maximumDepth: .max, maximumBytes: .max, maximumStringBytes: .max, maximumNumberBytes: .max)
        return try decode(type, from: SigilJSONDecoder.tape(value.serializedBytes(), limits: unlimited))
    }

    /// Decodes a value from a document that the strict parser has read into a tape.
    ///
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - tape: The document.
    /// - Returns: The value.
    /// - Throws: `DecodingError`; any error the type's `init(from:)` throws.
    package func decode<Value: Decodable>(_ type: Value.Type, from tape: JSONTape) throws -> Value {
        try ValueDecoder(tape, at: 0, codingPath: [], userInfo: userInfo).unbox(
            0, as: Value.self, path: [], key: nil, decodingSelf: true)
    }

    /// Parses `bytes` strictly into a tape; a parse error is `.dataCorrupted`.
    static func tape(_ bytes: [UInt8], limits: JSONLimits) throws -> JSONTape {
        do {
            return try JSONTape(parsing: bytes, limits: limits)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: [], debugDescription: "The text is not valid JSON (\(error.reason))",
                    underlyingError: error))
        }
    }
}

// MARK: - The Decoder

/// The `Decoder` handed to `init(from:)`: one per value that decodes itself, reading the
/// value at `index` of the tape.
final class ValueDecoder: Decoder {
    let tape: JSONTape
    let index: Int
    let codingPath: [any CodingKey]
    let sendableUserInfo: [CodingUserInfoKey: any Sendable]
    /// For an object: the entry of the member after the one a keyed container found last,
    /// where its next search starts.
    var nextMember: Int

    init(_ tape: JSONTape, at index: Int, codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) {
        self.tape = tape
        self.index = index
        self.nextMember = index + 1
        self.codingPath = codingPath
        self.sendableUserInfo = userInfo
    }

    var userInfo: [CodingUserInfoKey: Any] { sendableUserInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object = tape.entries[index].kind else {
            throw mismatch([String: Any].self, index, path: codingPath, key: nil)
        }
        return KeyedDecodingContainer(KeyedReader<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array = tape.entries[index].kind else {
            throw mismatch([Any].self, index, path: codingPath, key: nil)
        }
        return UnkeyedReader(decoder: self, array: index, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: Conversions, shared by the containers

    /// Decodes the value at `index` as `Value`: scalars and arrays of strings directly, a
    /// `JSONValueRepresentable` by `init?(jsonValue:)`, anything else through `init(from:)`
    /// with a decoder whose path ends in `key` (this decoder itself when `decodingSelf`, for
    /// the top-level value, which saves making a second one).
    func unbox<Value: Decodable>(
        _ index: Int, as type: Value.Type, path: [any CodingKey], key: (any CodingKey)?,
        decodingSelf: Bool = false
    ) throws -> Value {
        // Safe: each cast below runs only after `Value.self ==` its source type, so it is the identity.
        if Value.self == String.self { return unsafeBitCast(try string(index, path: path, key: key), to: Value.self) }
        if Value.self == [String].self {
            return unsafeBitCast(try strings(index, path: path, key: key), to: Value.self)
        }
        if Value.self == Int.self {
            return unsafeBitCast(try integer(index, Int.self, path: path, key: key), to: Value.self)
        }
        if Value.self == Int64.self {
            return unsafeBitCast(try integer(index, Int64.self, path: path, key: key), to: Value.self)
        }
        if Value.self == Bool.self { return unsafeBitCast(try bool(index, path: path, key: key), to: Value.self) }
        if Value.self == Double.self { return unsafeBitCast(try double(index, path: path, key: key), to: Value.self) }
        return try unboxOther(index, as: type, path: path, key: key, decodingSelf: decodingSelf)
    }

    /// `unbox` for every type but the common ones: a `JSONValueRepresentable` by
    /// `init?(jsonValue:)`, Foundation's `Date` without that conformance as an error, anything
    /// else through `init(from:)`.
    ///
    /// Out of line: the dynamic cast needs `Optional<Value>`'s metadata, which the compiler
    /// would otherwise look up on every entry to `unbox`, also for the common types.
    @inline(never)
    func unboxOther<Value: Decodable>(
        _ index: Int, as type: Value.Type, path: [any CodingKey], key: (any CodingKey)?, decodingSelf: Bool
    ) throws -> Value {
        if let representable = Value.self as? any JSONValueRepresentable.Type {
            if case .null = tape.entries[index].kind { throw missing(Value.self, path: path, key: key) }
            guard let decoded = representable.init(jsonValue: tape.value(at: index)) as? Value else {
                throw mismatch(Value.self, index, path: path, key: key)
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
            from: ValueDecoder(tape, at: index, codingPath: key.map { path + [$0] } ?? path, userInfo: sendableUserInfo)
        )
    }

    /// The strings of an array of strings, in one allocation; an error names the first
    /// element that is not a string.
    func strings(_ index: Int, path: [any CodingKey], key: (any CodingKey)?) throws -> [String] {
        if let strings = strings(index) { return strings }
        let entries = tape.entries
        guard case .array = entries[index].kind else { throw mismatch([String].self, index, path: path, key: key) }
        var element = index + 1
        var offset = 0
        while case .string = entries[element].kind {
            element += 1
            offset += 1
        }
        throw mismatch(String.self, element, path: key.map { path + [$0] } ?? path, key: CodingPathKey(index: offset))
    }

    /// The strings of the value at `index` when it is an array of strings, in one
    /// allocation; else `nil`.
    func strings(_ index: Int) -> [String]? { tape.strings(inArrayAt: index) }

    func string(_ index: Int, path: [any CodingKey], key: (any CodingKey)?) throws -> String {
        guard case .string = tape.entries[index].kind else { throw mismatch(String.self, index, path: path, key: key) }
        return tape.string(at: index)
    }

    func bool(_ index: Int, path: [any CodingKey], key: (any CodingKey)?) throws -> Bool {
        switch tape.entries[index].kind {
        case .true: return true
        case .false: return false
        default: throw mismatch(Bool.self, index, path: path, key: key)
        }
    }

    func integer<Integer: FixedWidthInteger>(
        _ index: Int, _ type: Integer.Type, path: [any CodingKey], key: (any CodingKey)?
    ) throws -> Integer {
        guard case .number = tape.entries[index].kind else { throw mismatch(Integer.self, index, path: path, key: key) }
        guard let integer: Integer = tape.withBytes(at: index, { ExactInteger.value(of: $0) }) else {
            throw DecodingError.dataCorrupted(
                context(
                    path, key,
                    "The number \(tape.number(at: index).literal) is not an integer in the range of \(Integer.self)"))
        }
        return integer
    }

    func double(_ index: Int, path: [any CodingKey], key: (any CodingKey)?) throws -> Double {
        guard case .number = tape.entries[index].kind else { throw mismatch(Double.self, index, path: path, key: key) }
        let number = tape.number(at: index)
        guard let double = number.doubleValue else {
            throw DecodingError.dataCorrupted(
                context(path, key, "The number \(number.literal) is beyond the range of Double"))
        }
        return double
    }

    func float(_ index: Int, path: [any CodingKey], key: (any CodingKey)?) throws -> Float {
        guard case .number = tape.entries[index].kind else { throw mismatch(Float.self, index, path: path, key: key) }
        let literal = tape.number(at: index).literal
        // Float's own parser rounds the decimal literal once, correctly; going through a
        // Double first could round twice.
        guard let float = Float(literal), float.isFinite else {
            throw DecodingError.dataCorrupted(context(path, key, "The number \(literal) is beyond the range of Float"))
        }
        return float
    }

    func context(_ path: [any CodingKey], _ key: (any CodingKey)?, _ description: String) -> DecodingError.Context {
        DecodingError.Context(codingPath: key.map { path + [$0] } ?? path, debugDescription: description)
    }

    /// `.valueNotFound` for `null`, else `.typeMismatch`.
    func mismatch(_ type: Any.Type, _ index: Int, path: [any CodingKey], key: (any CodingKey)?) -> DecodingError {
        let kind = tape.entries[index].kind
        if kind == .null { return missing(type, path: path, key: key) }
        return DecodingError.typeMismatch(
            type, context(path, key, "Expected \(type) but found \(ValueDecoder.describe(kind))"))
    }

    func missing(_ type: Any.Type, path: [any CodingKey], key: (any CodingKey)?) -> DecodingError {
        DecodingError.valueNotFound(type, context(path, key, "Expected \(type) but found null"))
    }

    static func describe(_ kind: JSONTape.Kind) -> String {
        switch kind {
        case .null: "null"
        case .false, .true: "a Boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension ValueDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { tape.entries[index].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try bool(index, path: codingPath, key: nil) }
    func decode(_ type: String.Type) throws -> String { try string(index, path: codingPath, key: nil) }
    func decode(_ type: Double.Type) throws -> Double { try double(index, path: codingPath, key: nil) }
    func decode(_ type: Float.Type) throws -> Float { try float(index, path: codingPath, key: nil) }
    func decode(_ type: Int.Type) throws -> Int { try integer(index, type, path: codingPath, key: nil) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(index, type, path: codingPath, key: nil) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(index, type, path: codingPath, key: nil) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(index, type, path: codingPath, key: nil) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(index, type, path: codingPath, key: nil) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(index, type, path: codingPath, key: nil) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(index, type, path: codingPath, key: nil) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(index, type, path: codingPath, key: nil) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(index, type, path: codingPath, key: nil) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(index, type, path: codingPath, key: nil) }
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        return try unbox(index, as: type, path: codingPath, key: nil)
    }
}

// MARK: - Containers

/// A keyed container over the object that its decoder reads.
///
/// Member names are matched against the keys' `stringValue` without making a string per
/// member. The container is one reference (the standard library's box copies it on every
/// call), and the object, the coding path and the lookup hint are the decoder's.
struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: ValueDecoder

    /// The object's entry on the tape.
    var object: Int { decoder.index }
    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        let tape = decoder.tape
        var keys: [Key] = []
        var name = object + 1
        for _ in 0..<tape.entries[object].count {
            if let key = Key(stringValue: tape.string(at: name)) { keys.append(key) }
            name = tape.after(name + 1)
        }
        return keys
    }

    func contains(_ key: Key) -> Bool { decoder.tape.member(named: key.stringValue, in: object) != nil }

    /// The index of the member's value, or `.keyNotFound`.
    ///
    /// The search starts after the member found last, since types usually read their
    /// members in the order they are written.
    @inline(__always)
    func member(_ key: Key) throws -> Int {
        guard let index = decoder.tape.member(named: key.stringValue, in: object, from: decoder.nextMember) else {
            throw absent(key)
        }
        decoder.nextMember = decoder.tape.after(index)
        return index
    }

    /// `.keyNotFound` for a member that is absent.
    func absent(_ key: Key) -> DecodingError {
        DecodingError.keyNotFound(
            key,
            DecodingError.Context(codingPath: codingPath, debugDescription: "No member named \"\(key.stringValue)\""))
    }

    // The common types are read here, and the coding path and the key are boxed only to
    // report an error.

    func decodeNil(forKey key: Key) throws -> Bool { decoder.tape.entries[try member(key)].kind == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        let index = try member(key)
        switch decoder.tape.entries[index].kind {
        case .true: return true
        case .false: return false
        default: return try decoder.bool(index, path: codingPath, key: key)
        }
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        let index = try member(key)
        if case .string = decoder.tape.entries[index].kind { return decoder.tape.string(at: index) }
        return try decoder.string(index, path: codingPath, key: key)
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try decoder.double(member(key), path: codingPath, key: key)
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try decoder.float(member(key), path: codingPath, key: key)
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        let index = try member(key)
        if let plain = decoder.tape.plainInteger(at: index), let integer = Int(exactly: plain) { return integer }
        return try decoder.integer(index, type, path: codingPath, key: key)
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
        let index = try member(key)
        if let plain = decoder.tape.plainInteger(at: index) { return plain }
        return try decoder.integer(index, type, path: codingPath, key: key)
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
        let index = try member(key)
        if Value.self == [String].self, let strings = decoder.strings(index) {
            // Safe: `Value.self == [String].self` was just checked, so the cast is the identity.
            return unsafeBitCast(strings, to: Value.self)
        }
        return try decoder.unbox(index, as: type, path: codingPath, key: key)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let index = try member(key)
        guard case .object = decoder.tape.entries[index].kind else {
            throw decoder.mismatch([String: Any].self, index, path: codingPath, key: key)
        }
        return KeyedDecodingContainer(
            KeyedReader<NestedKey>(
                decoder: ValueDecoder(
                    decoder.tape, at: index, codingPath: codingPath + [key], userInfo: decoder.sendableUserInfo)))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let index = try member(key)
        guard case .array = decoder.tape.entries[index].kind else {
            throw decoder.mismatch([Any].self, index, path: codingPath, key: key)
        }
        return UnkeyedReader(decoder: decoder, array: index, codingPath: codingPath + [key])
    }

    func superDecoder() throws -> any Decoder {
        superDecoder(named: "super", key: CodingPathKey.super)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        superDecoder(named: key.stringValue, key: key)
    }

    /// A decoder for the member `name`, or for `null` when there is none.
    private func superDecoder(named name: String, key: any CodingKey) -> any Decoder {
        if let index = decoder.tape.member(named: name, in: object) {
            return ValueDecoder(
                decoder.tape, at: index, codingPath: codingPath + [key], userInfo: decoder.sendableUserInfo)
        }
        return ValueDecoder(.null, at: 0, codingPath: codingPath + [key], userInfo: decoder.sendableUserInfo)
    }
}

struct UnkeyedReader: UnkeyedDecodingContainer {
    let decoder: ValueDecoder
    let codingPath: [any CodingKey]
    /// The number of elements.
    let elementCount: Int
    private(set) var currentIndex = 0
    /// The tape index of the element at `currentIndex`.
    private var element: Int

    init(decoder: ValueDecoder, array: Int, codingPath: [any CodingKey]) {
        self.decoder = decoder
        self.codingPath = codingPath
        self.elementCount = decoder.tape.entries[array].count
        self.element = array + 1
    }

    var count: Int? { elementCount }
    var isAtEnd: Bool { currentIndex >= elementCount }

    private var key: CodingPathKey { CodingPathKey(index: currentIndex) }

    /// The next element, moving past it only if `read` succeeds.
    private mutating func next<Value>(
        _ type: Value.Type, _ read: (ValueDecoder, Int, [any CodingKey], CodingPathKey) throws -> Value
    ) throws -> Value {
        guard currentIndex < elementCount else {
            throw DecodingError.valueNotFound(
                type,
                DecodingError.Context(
                    codingPath: codingPath + [key], debugDescription: "The array has only \(elementCount) elements"))
        }
        let value = try read(decoder, element, codingPath, key)
        element = decoder.tape.after(element)
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < elementCount else {
            throw DecodingError.valueNotFound(
                Any?.self,
                DecodingError.Context(
                    codingPath: codingPath + [key], debugDescription: "The array has only \(elementCount) elements"))
        }
        guard case .null = decoder.tape.entries[element].kind else { return false }
        element += 1
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
        try next(KeyedDecodingContainer<NestedKey>.self) { decoder, index, path, key in
            guard case .object = decoder.tape.entries[index].kind else {
                throw decoder.mismatch([String: Any].self, index, path: path, key: key)
            }
            return KeyedDecodingContainer(
                KeyedReader<NestedKey>(
                    decoder: ValueDecoder(
                        decoder.tape, at: index, codingPath: path + [key], userInfo: decoder.sendableUserInfo)))
        }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next((any UnkeyedDecodingContainer).self) { decoder, index, path, key in
            guard case .array = decoder.tape.entries[index].kind else {
                throw decoder.mismatch([Any].self, index, path: path, key: key)
            }
            return UnkeyedReader(decoder: decoder, array: index, codingPath: path + [key])
        }
    }

    mutating func superDecoder() throws -> any Decoder {
        try next((any Decoder).self) { decoder, index, path, key in
            ValueDecoder(decoder.tape, at: index, codingPath: path + [key], userInfo: decoder.sendableUserInfo)
        }
    }
}

// MARK: - Exact integers

/// Reads a JSON number literal as an integer of a given type, exactly or not at all.
enum ExactInteger {
    /// The integer the bytes of a valid RFC 8259 number literal denote, when it is an integer that
    /// `Integer` can hold; `nil` for a fraction or a value out of range.
    ///
    /// Never traps.
    static func value<Integer: FixedWidthInteger>(of bytes: UnsafeBufferPointer<UInt8>) -> Integer? {
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

    /// The sign and magnitude of a literal of at most 18 digits with no fraction and no exponent.
    ///
    /// That is the usual form of an integer (a NumericDate, for instance), and it cannot overflow.
    /// Returns `nil` for any other literal, which `parts` then reads.
    @inline(__always)
    static func plainParts(_ bytes: UnsafeBufferPointer<UInt8>) -> (negative: Bool, magnitude: UInt64)? {
        // In bounds: `bytes[0]` is read only when `bytes` is not empty.
        let negative = !bytes.isEmpty && bytes[0] == UInt8(ascii: "-")
        let start = negative ? 1 : 0
        let count = bytes.count - start
        guard count > 0, count <= 18 else { return nil }
        var magnitude: UInt64 = 0
        for index in start..<bytes.count {
            // In bounds: `index` ranges over `start..<bytes.count`.
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
        // In bounds: every read in this function is guarded by `index < end`, and `end == bytes.count`.
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
