import SigilTestSupport

/// A field of a JSON test case that is missing or has the wrong shape.
struct VectorFieldError: Error, CustomStringConvertible {
    var field: String
    var description: String { "missing or malformed field \(field)" }
}

extension Dictionary where Key == String, Value == Any {
    /// The hex-decoded bytes of a string field.
    func hexBytes(_ field: String) throws -> [UInt8] {
        guard let text = self[field] as? String, let bytes = [UInt8](hex: text) else {
            throw VectorFieldError(field: field)
        }
        return bytes
    }
}
