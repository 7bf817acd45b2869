import SigilBase64
import SigilTestSupport

/// Typed access to the fields of a vector file's JSON objects.
struct VectorFieldError: Error, CustomStringConvertible {
    var field: String
    var description: String { "missing or malformed field \(field)" }
}

extension Dictionary where Key == String, Value == Any {
    func string(_ field: String) throws -> String {
        guard let value = self[field] as? String else { throw VectorFieldError(field: field) }
        return value
    }

    func hexBytes(_ field: String) throws -> [UInt8] {
        guard let bytes = [UInt8](hex: try string(field)) else { throw VectorFieldError(field: field) }
        return bytes
    }

    func base64URLBytes(_ field: String) throws -> [UInt8] {
        try Base64URL.decode(try string(field))
    }

    func integer(_ field: String) throws -> Int {
        guard let value = self[field] as? Int else { throw VectorFieldError(field: field) }
        return value
    }

    func object(_ field: String) throws -> [String: Any] {
        guard let value = self[field] as? [String: Any] else { throw VectorFieldError(field: field) }
        return value
    }

    func objects(_ field: String) throws -> [[String: Any]] {
        guard let value = self[field] as? [[String: Any]] else { throw VectorFieldError(field: field) }
        return value
    }
}
