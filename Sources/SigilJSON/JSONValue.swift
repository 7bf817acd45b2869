/// A JSON value (RFC 8259 §3): what the strict reader produces and the writer consumes.
///
/// Numbers keep their literal (``JSONNumber``), objects keep member order
/// (``JSONObject``), strings are always valid Unicode.
///
/// ```swift
/// let claims = try JSONValue.parse(#"{"sub":"admin","exp":1700003600}"#)
/// claims["exp"]?.numberValue?.int64Value   // 1700003600
/// ```
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept exactly as written.
    case number(JSONNumber)
    /// A string, unescaped.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object with unique member names in order.
    case object(JSONObject)

    /// The member named `key` when this is an object, else `nil`.
    @inlinable
    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The element at `index` when this is an array and `index` is in range, else `nil`.
    @inlinable
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let array) = self, array.indices.contains(index) else { return nil }
        return array[index]
    }

    /// The string when this is a string, else `nil`.
    @inlinable
    public var stringValue: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// The Boolean when this is `true` or `false`, else `nil`.
    @inlinable
    public var boolValue: Bool? {
        guard case .bool(let value) = self else { return nil }
        return value
    }

    /// The number when this is a number, else `nil`.
    @inlinable
    public var numberValue: JSONNumber? {
        guard case .number(let value) = self else { return nil }
        return value
    }

    /// The elements when this is an array, else `nil`.
    @inlinable
    public var arrayValue: [JSONValue]? {
        guard case .array(let value) = self else { return nil }
        return value
    }

    /// The object when this is an object, else `nil`.
    @inlinable
    public var objectValue: JSONObject? {
        guard case .object(let value) = self else { return nil }
        return value
    }

    /// Whether this is `null`.
    @inlinable
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension JSONValue: CustomStringConvertible {
    /// The compact serialization, as ``serialized()``.
    public var description: String { serialized() }
}

extension JSONValue: ExpressibleByNilLiteral {
    /// `null`, from the literal `nil`.
    @inlinable
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// `true` or `false`, from a Boolean literal.
    @inlinable
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// A number, from an integer literal.
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
}

extension JSONValue: ExpressibleByFloatLiteral {
    /// A number from a float literal; a literal that overflows to infinity becomes `null`.
    public init(floatLiteral value: Double) {
        if let number = JSONNumber(value) {
            self = .number(number)
        } else {
            self = .null
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// A string, from a string literal.
    @inlinable
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// An array, from an array literal.
    @inlinable
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// An object from a literal; a repeated name keeps the last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements))
    }
}
