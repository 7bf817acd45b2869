import SigilRSA
import SigilSHA2

/// RSA PKCS#1 v1.5 verification requests.
///
/// Parsed keys are cached by their request field, since a run checks many signatures with a
/// handful of keys.
struct RSARequests {
    private var keys: [String: RSA.PublicKey] = [:]

    /// `rsa-verify HASH FORM KEY MESSAGE SIGNATURE` → `ok 1` (valid), `ok 0` (invalid) or
    /// `err CODE` (the key does not parse).
    ///
    /// HASH is `sha256`, `sha384` or `sha512`. FORM is `spki-der` or `pkcs1-der` (KEY is
    /// the DER), `pem` or `pkcs1-pem` (KEY is the PEM text), or `ne` (KEY is `N:E`, both
    /// big-endian hex).
    mutating func verify(_ arguments: [Substring]) -> String {
        guard arguments.count == 5, let message = HexField.decode(arguments[3]),
            let signature = HexField.decode(arguments[4])
        else { return "bad arguments" }
        guard ["sha256", "sha384", "sha512"].contains(arguments[0]) else { return "bad algorithm" }
        let key: RSA.PublicKey
        if let cached = keys[String(arguments[2])] {
            key = cached
        } else {
            do {
                key = try Self.parseKey(form: arguments[1], field: arguments[2])
            } catch {
                return "err \(error.code)"
            }
            keys[String(arguments[2])] = key
        }
        let verified: Bool
        switch arguments[0] {
        case "sha256": verified = key.isValidSignature(signature, for: message, using: SHA256.self)
        case "sha384": verified = key.isValidSignature(signature, for: message, using: SHA384.self)
        default: verified = key.isValidSignature(signature, for: message, using: SHA512.self)
        }
        return verified ? "ok 1" : "ok 0"
    }

    /// `rsa-pss-verify HASH MGF1HASH SALTLENGTH FORM KEY MESSAGE SIGNATURE` → `ok 1`, `ok 0`
    /// or `err CODE` (the key does not parse): RSASSA-PSS verification (issue #12).
    ///
    /// HASH and MGF1HASH are `sha256`, `sha384` or `sha512`; SALTLENGTH is a decimal byte
    /// count (0…2048); FORM and KEY as for `rsa-verify`.
    mutating func verifyPSS(_ arguments: [Substring]) -> String {
        guard arguments.count == 7, let saltLength = Int(arguments[2]), saltLength >= 0, saltLength <= 2048,
            let message = HexField.decode(arguments[5]), let signature = HexField.decode(arguments[6])
        else { return "bad arguments" }
        let key: RSA.PublicKey
        if let cached = keys[String(arguments[4])] {
            key = cached
        } else {
            do {
                key = try Self.parseKey(form: arguments[3], field: arguments[4])
            } catch {
                return "err \(error.code)"
            }
            keys[String(arguments[4])] = key
        }
        let verified: Bool?
        switch arguments[0] {
        case "sha256": verified = Self.verifyPSS(key, SHA256.self, arguments[1], saltLength, message, signature)
        case "sha384": verified = Self.verifyPSS(key, SHA384.self, arguments[1], saltLength, message, signature)
        case "sha512": verified = Self.verifyPSS(key, SHA512.self, arguments[1], saltLength, message, signature)
        default: verified = nil
        }
        guard let verified else { return "bad algorithm" }
        return verified ? "ok 1" : "ok 0"
    }

    private static func verifyPSS<Hash: HashFunction>(
        _ key: RSA.PublicKey, _ hash: Hash.Type, _ maskHash: Substring, _ saltLength: Int, _ message: [UInt8],
        _ signature: [UInt8]
    ) -> Bool? {
        do {
            switch maskHash {
            case "sha256":
                let parameters = try RSA.PSSParameters(hash: Hash.self, mgf1: SHA256.self, saltByteCount: saltLength)
                return key.isValidPSSSignature(signature, for: message, parameters: parameters)
            case "sha384":
                let parameters = try RSA.PSSParameters(hash: Hash.self, mgf1: SHA384.self, saltByteCount: saltLength)
                return key.isValidPSSSignature(signature, for: message, parameters: parameters)
            case "sha512":
                let parameters = try RSA.PSSParameters(hash: Hash.self, mgf1: SHA512.self, saltByteCount: saltLength)
                return key.isValidPSSSignature(signature, for: message, parameters: parameters)
            default:
                return nil
            }
        } catch {
            return nil
        }
    }

    private static func parseKey(form: Substring, field: Substring) throws(RSAError) -> RSA.PublicKey {
        switch form {
        case "spki-der", "pkcs1-der":
            return try RSA.PublicKey(derRepresentation: HexField.decode(field) ?? [])
        case "pem", "pkcs1-pem":
            return try RSA.PublicKey(pemRepresentation: String(decoding: HexField.decode(field) ?? [], as: UTF8.self))
        default:
            let parts = field.split(separator: ":")
            let modulus = parts.first.flatMap { HexField.decode($0) } ?? []
            let exponent = parts.count == 2 ? HexField.decode(parts[1]) ?? [] : []
            return try RSA.PublicKey(modulus: modulus, publicExponent: exponent)
        }
    }
}
