import SigilHMAC
import SigilSHA2

/// SHA-2 and HMAC requests.
///
/// Each answer is computed twice, one-shot and streamed in uneven chunks, and a mismatch
/// between the two is reported as `err streaming`.
enum HashRequests {
    /// `sha ALG MESSAGE` → `ok DIGEST`.
    static func digest(_ arguments: [Substring]) -> String {
        guard arguments.count == 2, let message = HexField.decode(arguments[1]) else { return "bad arguments" }
        switch arguments[0] {
        case "sha256": return digest(SHA256.self, message)
        case "sha384": return digest(SHA384.self, message)
        case "sha512": return digest(SHA512.self, message)
        default: return "bad algorithm"
        }
    }

    /// `hmac ALG KEY MESSAGE` → `ok TAG`.
    static func authenticationCode(_ arguments: [Substring]) -> String {
        guard arguments.count == 3, let key = HexField.decode(arguments[1]), let message = HexField.decode(arguments[2])
        else {
            return "bad arguments"
        }
        let symmetricKey = SymmetricKey(data: key)
        switch arguments[0] {
        case "sha256": return authenticationCode(SHA256.self, symmetricKey, message)
        case "sha384": return authenticationCode(SHA384.self, symmetricKey, message)
        case "sha512": return authenticationCode(SHA512.self, symmetricKey, message)
        default: return "bad algorithm"
        }
    }

    private static func digest<H: HashFunction>(_: H.Type, _ message: [UInt8]) -> String {
        let oneShot = Array(H.hash(data: message))
        var hasher = H()
        for chunk in chunks(of: message) { hasher.update(data: chunk) }
        guard Array(hasher.finalize()) == oneShot else { return "err streaming" }
        return "ok " + HexField.encode(oneShot)
    }

    private static func authenticationCode<H: HashFunction>(
        _: H.Type, _ key: SymmetricKey, _ message: [UInt8]
    )
        -> String
    {
        let oneShot = Array(HMAC<H>.authenticationCode(for: message, using: key))
        var hmac = HMAC<H>(key: key)
        for chunk in chunks(of: message) { hmac.update(data: chunk) }
        guard Array(hmac.finalize()) == oneShot else { return "err streaming" }
        guard Array(HMACKey<H>(key).authenticationCode(for: message)) == oneShot else { return "err hmac-key" }
        guard HMAC<H>.isValidAuthenticationCode(oneShot, authenticating: message, using: key) else {
            return "err validation"
        }
        return "ok " + HexField.encode(oneShot)
    }

    /// Splits `bytes` into chunks of 1, 2, 3 and so on 127 bytes, then repeats.
    private static func chunks(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        var size = 1
        while start < bytes.count {
            let end = min(start + size, bytes.count)
            result.append(bytes[start..<end])
            start = end
            size = size % 127 + 1
        }
        return result
    }
}

extension HashRequests {
    /// `pbkdf2 ALG PASSWORD SALT ITERATIONS LENGTH` → `ok KEY` or `err CODE`.
    static func derivedKey(_ arguments: [Substring]) -> String {
        guard arguments.count == 5, let password = HexField.decode(arguments[1]),
            let salt = HexField.decode(arguments[2]),
            let iterations = Int(arguments[3]), let length = Int(arguments[4])
        else { return "bad arguments" }
        do {
            switch arguments[0] {
            case "sha256":
                return "ok "
                    + HexField.encode(
                        try PBKDF2<SHA256>.deriveKey(
                            from: password, salt: salt, iterations: iterations, outputByteCount: length))
            case "sha512":
                return "ok "
                    + HexField.encode(
                        try PBKDF2<SHA512>.deriveKey(
                            from: password, salt: salt, iterations: iterations, outputByteCount: length))
            default:
                return "bad algorithm"
            }
        } catch {
            return "err \(error.code)"
        }
    }
}
