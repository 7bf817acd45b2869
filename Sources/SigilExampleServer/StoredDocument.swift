import SigilJSON

/// Strict field access for the data and users files: every problem names the field.
struct StoredDocument {
    let path: String

    func object(_ value: JSONValue?, _ field: String) throws(DataFileError) -> JSONObject {
        guard case .object(let object)? = value else { throw DataFileError(path, "\(field) must be an object") }
        return object
    }

    func array(_ value: JSONValue?, _ field: String) throws(DataFileError) -> [JSONValue] {
        guard case .array(let array)? = value else { throw DataFileError(path, "\(field) must be an array") }
        return array
    }

    func string(_ value: JSONValue?, _ field: String) throws(DataFileError) -> String {
        guard case .string(let text)? = value else { throw DataFileError(path, "\(field) must be a string") }
        return text
    }

    func integer(_ value: JSONValue?, _ field: String) throws(DataFileError) -> Int64 {
        guard case .number(let number)? = value, let integer = number.int64Value else {
            throw DataFileError(path, "\(field) must be an integer")
        }
        return integer
    }

    func optionalInteger(_ value: JSONValue?, _ field: String) throws(DataFileError) -> Int64? {
        if value == nil || value == .null { return nil }
        return try integer(value, field)
    }

    func bool(_ value: JSONValue?, _ field: String) throws(DataFileError) -> Bool {
        guard case .bool(let flag)? = value else { throw DataFileError(path, "\(field) must be true or false") }
        return flag
    }

    func strings(_ value: JSONValue?, _ field: String) throws(DataFileError) -> [String] {
        var result: [String] = []
        for (index, element) in try array(value, field).enumerated() {
            result.append(try string(element, "\(field)[\(index)]"))
        }
        return result
    }

    func parse(_ bytes: [UInt8]) throws(DataFileError) -> JSONValue {
        let limits = JSONLimits(maximumDepth: 16, maximumBytes: bytes.count + 1, maximumStringBytes: bytes.count + 1)
        do {
            return try JSONValue.parse(bytes, limits: limits)
        } catch {
            throw DataFileError(path, "not valid JSON (\(error.description))")
        }
    }
}
