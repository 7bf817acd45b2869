import SigilBase64
import SigilJSON

/// A request the module cannot read: options that are not a JSON object, a member of the
/// wrong type, or key text that is not in the format it claims.
struct RequestError: Error {
    /// The result's `error` code: `invalidRequest`, or a `sigil-token` code such as
    /// `malformed` or `invalidKey` when the problem lies in a header, payload or key.
    let code: String
    /// What was wrong, naming no secret.
    let message: String

    init(_ message: String, code: String = "invalidRequest") {
        self.code = code
        self.message = message
    }
}

/// How a secret is written in the key text.
enum SecretFormat {
    /// The UTF-8 of the text, as `sigil-token --secret-file` reads a file (one trailing
    /// line break removed).
    case text
    /// Standard or URL-safe base64 (RFC 4648 §4, §5), padded or not.
    case base64
    /// Hexadecimal digits, either case.
    case hex
}

/// Key material recognised by content, as `sigil-token verify --key` does.
enum KeyText {
    /// A PEM document (`-----BEGIN …`).
    case pem(String)
    /// A JSON object: a JWK, or a JWK Set when it has a `keys` member.
    case json(String)
    /// A shared secret's bytes.
    case secret([UInt8])

    /// Recognises `bytes`: PEM and JSON by their first character, anything else as a secret
    /// in `format`.
    ///
    /// - Throws: `RequestError` (`invalidKey`) when the key is empty or not in `format`.
    init(_ bytes: [UInt8], format: SecretFormat) throws(RequestError) {
        let text = String(decoding: bytes, as: UTF8.self)
        let start = bytes.drop(while: isSpace)
        if start.starts(with: "-----BEGIN".utf8) {
            self = .pem(text)
            return
        }
        if start.first == UInt8(ascii: "{") {
            self = .json(text)
            return
        }
        var secret = bytes
        switch format {
        case .text:
            if secret.last == UInt8(ascii: "\n") { secret.removeLast() }
            if secret.last == UInt8(ascii: "\r") { secret.removeLast() }
        case .base64:
            secret = try KeyText.base64(trimmed(bytes))
        case .hex:
            secret = try KeyText.hex(trimmed(bytes))
        }
        guard !secret.isEmpty else { throw RequestError("no key was given", code: "invalidKey") }
        self = .secret(secret)
    }

    /// Standard or URL-safe base64, padded or not (never both alphabets at once).
    static func base64(_ text: [UInt8]) throws(RequestError) -> [UInt8] {
        var body = text
        while body.last == UInt8(ascii: "=") { body.removeLast() }
        let standard = body.contains(UInt8(ascii: "+")) || body.contains(UInt8(ascii: "/"))
        do {
            return standard ? try Base64.decode(body, padding: .forbidden) : try Base64URL.decode(body)
        } catch {
            throw RequestError("the secret is not valid base64 (\(error.code))", code: "invalidKey")
        }
    }

    /// Hexadecimal digits, two per byte.
    static func hex(_ digits: [UInt8]) throws(RequestError) -> [UInt8] {
        guard digits.count % 2 == 0 else {
            throw RequestError("the secret has an odd number of hex digits", code: "invalidKey")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else {
                throw RequestError("the secret has a character that is not a hex digit", code: "invalidKey")
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// The members of an options object, read with their types checked.
struct RequestOptions {
    let object: JSONObject

    /// Parses `bytes` as a JSON object; empty input is an empty object.
    init(_ bytes: [UInt8]) throws(RequestError) {
        guard !bytes.isEmpty else {
            object = JSONObject()
            return
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw RequestError("the options are not valid JSON (\(error.reason))")
        }
        guard case .object(let object) = value else { throw RequestError("the options are not a JSON object") }
        self.object = object
    }

    func string(_ name: String) throws(RequestError) -> String? {
        guard let value = object[name], !value.isNull else { return nil }
        guard let string = value.stringValue else { throw RequestError("option \(name) is not a string") }
        return string
    }

    func strings(_ name: String) throws(RequestError) -> [String]? {
        guard let value = object[name], !value.isNull else { return nil }
        guard case .array(let elements) = value else { throw RequestError("option \(name) is not an array") }
        var strings: [String] = []
        for element in elements {
            guard let string = element.stringValue else {
                throw RequestError("option \(name) has an element that is not a string")
            }
            strings.append(string)
        }
        return strings
    }

    func integer(_ name: String) throws(RequestError) -> Int64? {
        guard let value = object[name], !value.isNull else { return nil }
        guard let number = value.numberValue?.int64Value else {
            throw RequestError("option \(name) is not an integer")
        }
        return number
    }

    func bool(_ name: String) throws(RequestError) -> Bool? {
        guard let value = object[name], !value.isNull else { return nil }
        guard let bool = value.boolValue else { throw RequestError("option \(name) is not true or false") }
        return bool
    }

    func secretFormat() throws(RequestError) -> SecretFormat {
        switch try string("keyFormat") ?? "text" {
        case "text", "auto": .text
        case "base64": .base64
        case "hex": .hex
        default: throw RequestError("option keyFormat is not text, base64 or hex")
        }
    }
}

/// What `sigil_verify` was asked: the token, the key and the options.
struct VerifyRequest {
    /// The token's UTF-8, trimmed.
    let tokenBytes: [UInt8]
    /// The same, as a string.
    let token: String
    let key: KeyText
    let now: Int64
    let algorithms: [String]
    let issuers: [String]?
    let audiences: [String]?
    let leeway: Int64?
    let requiredClaims: [String]
    let type: String?
    let requireExpiration: Bool
    let allowShortSecret: Bool

    init(token: [UInt8], key: [UInt8], options bytes: [UInt8]) throws(RequestError) {
        let options = try RequestOptions(bytes)
        guard let now = try options.integer("now") else {
            throw RequestError("option now (seconds since the Unix epoch) is required")
        }
        tokenBytes = token
        self.token = String(decoding: token, as: UTF8.self)
        self.now = now
        algorithms = try options.strings("algorithms") ?? []
        issuers = try options.strings("issuers").flatMap { $0.isEmpty ? nil : $0 }
        audiences = try options.strings("audiences").flatMap { $0.isEmpty ? nil : $0 }
        leeway = try options.integer("leeway")
        if let leeway, leeway < 0 { throw RequestError("option leeway cannot be negative") }
        requiredClaims = try options.strings("require") ?? []
        type = try options.string("type")
        requireExpiration = try options.bool("requireExpiration") ?? true
        allowShortSecret = try options.bool("allowShortSecret") ?? false
        self.key = try KeyText(key, format: try options.secretFormat())
    }
}

/// What `sigil_sign` was asked: a header, a payload, a key and the algorithm.
struct SignRequest {
    let header: JSONObject
    let payload: JSONValue
    let key: KeyText
    let algorithm: String
    let allowShortSecret: Bool

    init(header: [UInt8], payload: [UInt8], key: [UInt8], options bytes: [UInt8]) throws(RequestError) {
        let options = try RequestOptions(bytes)
        guard case .object(let header) = try SignRequest.parse(header, "header") else {
            throw RequestError("the header is not a JSON object", code: "malformed")
        }
        let payload = try SignRequest.parse(payload, "payload")
        guard case .object = payload else {
            throw RequestError("the payload is not a JSON object", code: "malformed")
        }
        guard let algorithm = try options.string("algorithm") ?? header["alg"]?.stringValue else {
            throw RequestError("no algorithm: set the header's alg", code: "unsupportedAlgorithm")
        }
        self.header = header
        self.payload = payload
        self.algorithm = algorithm
        allowShortSecret = try options.bool("allowShortSecret") ?? false
        self.key = try KeyText(key, format: try options.secretFormat())
    }

    private static func parse(_ bytes: [UInt8], _ name: StaticString) throws(RequestError) -> JSONValue {
        do {
            return try JSONValue.parse(bytes)
        } catch {
            throw RequestError("the \(name) is not valid JSON (\(error.description))", code: "malformed")
        }
    }
}

/// `sigil_decode`: the token's parts, unverified.
enum TokenInspection {
    /// The decode result for `token` (see `sigil_decode`).
    static func decode(_ token: [UInt8]) -> [UInt8] {
        let parts = token.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            return failure(
                verification: false, code: "malformed",
                message: "not a JWS compact serialization (it needs exactly three segments)")
        }
        var writer = JSONWriter(capacity: 512)
        writer.writeRaw("{\"verified\":false")
        for (index, part) in parts.prefix(2).enumerated() {
            let label = index == 0 ? "header" : "payload"
            guard let bytes = try? Base64URL.decode(part) else {
                return failure(
                    verification: false, code: "malformed", message: "the \(label) is not canonical base64url")
            }
            writer.writeRaw(index == 0 ? ",\"header\":" : ",\"payload\":")
            // A payload that is not JSON (a plain JWS) is shown as a string.
            if let value = try? JSONValue.parse(bytes) {
                writer.write(value)
            } else if index == 1, let text = String(validating: bytes, as: UTF8.self) {
                writer.writeString(text)
            } else {
                return failure(verification: false, code: "malformed", message: "the \(label) is not valid JSON")
            }
        }
        // The signature's length, or null when it is not canonical base64url.
        writer.writeRaw(",\"signatureBytes\":")
        if let signature = try? Base64URL.decode(parts[2]) {
            writer.writeInteger(Int64(signature.count))
        } else {
            writer.writeRaw("null")
        }
        writer.writeRaw("}")
        return writer.bytes
    }
}
