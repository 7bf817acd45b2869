import SigilEC
import SigilEd25519

/// ECDSA (P-256, P-384, P-521) and Ed25519 verification requests (issue #12).
enum CurveRequests {
    /// `ecdsa-verify CURVE SIGFORM KEYFORM KEY MESSAGE SIGNATURE` → `ok 1` (valid), `ok 0`
    /// (invalid) or `err CODE` (the key does not parse).
    ///
    /// CURVE is `p256`, `p384` or `p521`, hashed with SHA-256, SHA-384 or SHA-512. SIGFORM
    /// is `raw` (r ‖ s, IEEE P1363, the JWS form) or `der` (`ECDSA-Sig-Value`); a signature
    /// that does not parse in its form is invalid. KEYFORM is `raw` (x ‖ y), `x963`
    /// (0x04 ‖ x ‖ y), `spki-der` (KEY is the DER) or `pem` (KEY is the PEM text).
    static func verifyECDSA(_ arguments: [Substring]) -> String {
        guard arguments.count == 6, let key = HexField.decode(arguments[3]),
            let message = HexField.decode(arguments[4]),
            let signature = HexField.decode(arguments[5]), arguments[1] == "raw" || arguments[1] == "der"
        else { return "bad arguments" }
        let der = arguments[1] == "der"
        switch arguments[0] {
        case "p256": return verify(P256.Signing.PublicKey.self, arguments[2], key, message, signature, der: der)
        case "p384": return verify(P384.Signing.PublicKey.self, arguments[2], key, message, signature, der: der)
        case "p521": return verify(P521.Signing.PublicKey.self, arguments[2], key, message, signature, der: der)
        default: return "bad curve"
        }
    }

    /// `ed25519-verify KEYFORM KEY MESSAGE SIGNATURE` → `ok 1`, `ok 0` or `err CODE` (the key does not parse).
    ///
    /// KEYFORM is `raw` (the 32-byte encoding), `spki-der` or `pem`.
    static func verifyEd25519(_ arguments: [Substring]) -> String {
        guard arguments.count == 4, let key = HexField.decode(arguments[1]),
            let message = HexField.decode(arguments[2]),
            let signature = HexField.decode(arguments[3])
        else { return "bad arguments" }
        let publicKey: Curve25519.Signing.PublicKey
        do {
            switch arguments[0] {
            case "raw": publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: key)
            case "spki-der": publicKey = try Curve25519.Signing.PublicKey(derRepresentation: key)
            case "pem":
                publicKey = try Curve25519.Signing.PublicKey(pemRepresentation: String(decoding: key, as: UTF8.self))
            default: return "bad key form"
            }
        } catch {
            return "err \(error.code)"
        }
        return publicKey.isValidSignature(signature, for: message) ? "ok 1" : "ok 0"
    }

    private static func verify<Key: DifferentialECDSAKey>(
        _ type: Key.Type, _ keyForm: Substring, _ key: [UInt8], _ message: [UInt8], _ signature: [UInt8], der: Bool
    ) -> String {
        let publicKey: Key
        do {
            switch keyForm {
            case "raw": publicKey = try Key(raw: key)
            case "x963": publicKey = try Key(x963: key)
            case "spki-der": publicKey = try Key(der: key)
            case "pem": publicKey = try Key(pem: String(decoding: key, as: UTF8.self))
            default: return "bad key form"
            }
        } catch {
            return "err \(error.code)"
        }
        return publicKey.verifies(signature, der: der, message: message) ? "ok 1" : "ok 0"
    }
}

/// What the ECDSA requests need of a curve's public key; each curve forwards to its own API.
protocol DifferentialECDSAKey {
    init(raw: [UInt8]) throws(ECError)
    init(x963: [UInt8]) throws(ECError)
    init(der: [UInt8]) throws(ECError)
    init(pem: String) throws(ECError)
    /// Whether `signature` (r ‖ s, or DER when `der`) is valid for `message`; `false` when it
    /// does not parse.
    func verifies(_ signature: [UInt8], der: Bool, message: [UInt8]) -> Bool
}

extension P256.Signing.PublicKey: DifferentialECDSAKey {
    init(raw: [UInt8]) throws(ECError) { try self.init(rawRepresentation: raw) }
    init(x963: [UInt8]) throws(ECError) { try self.init(x963Representation: x963) }
    init(der: [UInt8]) throws(ECError) { try self.init(derRepresentation: der) }
    init(pem: String) throws(ECError) { try self.init(pemRepresentation: pem) }
    func verifies(_ signature: [UInt8], der: Bool, message: [UInt8]) -> Bool {
        let parsed: P256.Signing.ECDSASignature?
        if der {
            parsed = try? P256.Signing.ECDSASignature(derRepresentation: signature)
        } else {
            parsed = try? P256.Signing.ECDSASignature(rawRepresentation: signature)
        }
        guard let parsed else { return false }
        return isValidSignature(parsed, for: message)
    }
}

extension P384.Signing.PublicKey: DifferentialECDSAKey {
    init(raw: [UInt8]) throws(ECError) { try self.init(rawRepresentation: raw) }
    init(x963: [UInt8]) throws(ECError) { try self.init(x963Representation: x963) }
    init(der: [UInt8]) throws(ECError) { try self.init(derRepresentation: der) }
    init(pem: String) throws(ECError) { try self.init(pemRepresentation: pem) }
    func verifies(_ signature: [UInt8], der: Bool, message: [UInt8]) -> Bool {
        let parsed: P384.Signing.ECDSASignature?
        if der {
            parsed = try? P384.Signing.ECDSASignature(derRepresentation: signature)
        } else {
            parsed = try? P384.Signing.ECDSASignature(rawRepresentation: signature)
        }
        guard let parsed else { return false }
        return isValidSignature(parsed, for: message)
    }
}

extension P521.Signing.PublicKey: DifferentialECDSAKey {
    init(raw: [UInt8]) throws(ECError) { try self.init(rawRepresentation: raw) }
    init(x963: [UInt8]) throws(ECError) { try self.init(x963Representation: x963) }
    init(der: [UInt8]) throws(ECError) { try self.init(derRepresentation: der) }
    init(pem: String) throws(ECError) { try self.init(pemRepresentation: pem) }
    func verifies(_ signature: [UInt8], der: Bool, message: [UInt8]) -> Bool {
        let parsed: P521.Signing.ECDSASignature?
        if der {
            parsed = try? P521.Signing.ECDSASignature(derRepresentation: signature)
        } else {
            parsed = try? P521.Signing.ECDSASignature(rawRepresentation: signature)
        }
        guard let parsed else { return false }
        return isValidSignature(parsed, for: message)
    }
}
