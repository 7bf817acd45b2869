import SigilBase64

/// A field of a vector file's JSON object that is missing or has the wrong shape.
public struct VectorFieldError: Error, CustomStringConvertible {
    /// The name of the field.
    public var field: String
    /// Names the field.
    public var description: String { "missing or malformed field \(field)" }

    /// An error for the field named `field`.
    public init(field: String) {
        self.field = field
    }
}

/// Typed access to the fields of a vector file's JSON objects.
extension Dictionary where Key == String, Value == Any {
    /// The value of a string field.
    public func string(_ field: String) throws -> String {
        guard let value = self[field] as? String else { throw VectorFieldError(field: field) }
        return value
    }

    /// The hex-decoded bytes of a string field.
    public func hexBytes(_ field: String) throws -> [UInt8] {
        guard let bytes = [UInt8](hex: try string(field)) else { throw VectorFieldError(field: field) }
        return bytes
    }

    /// The base64url-decoded bytes of a string field.
    public func base64URLBytes(_ field: String) throws -> [UInt8] {
        try Base64URL.decode(try string(field))
    }

    /// The value of an integer field.
    public func integer(_ field: String) throws -> Int {
        guard let value = self[field] as? Int else { throw VectorFieldError(field: field) }
        return value
    }

    /// The value of an object field.
    public func object(_ field: String) throws -> [String: Any] {
        guard let value = self[field] as? [String: Any] else { throw VectorFieldError(field: field) }
        return value
    }

    /// The value of a field holding an array of objects.
    public func objects(_ field: String) throws -> [[String: Any]] {
        guard let value = self[field] as? [[String: Any]] else { throw VectorFieldError(field: field) }
        return value
    }
}
