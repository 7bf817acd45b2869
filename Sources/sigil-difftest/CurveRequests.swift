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
            case "raw": publicKey = try Key(rawRepresentation: key)
            case "x963": publicKey = try Key(x963Representation: key)
            case "spki-der": publicKey = try Key(derRepresentation: key)
            case "pem": publicKey = try Key(pemRepresentation: String(decoding: key, as: UTF8.self))
            default: return "bad key form"
            }
        } catch {
            return "err \(error.code)"
        }
        return publicKey.verifies(signature, der: der, message: message) ? "ok 1" : "ok 0"
    }
}

/// What the ECDSA requests need of a curve's public key: the curve's own API, which P-256,
/// P-384 and P-521 spell alike, so one generic body serves the three.
protocol DifferentialECDSAKey {
    /// The curve's signature type.
    associatedtype Signature: DifferentialECDSASignature
    init<Bytes: Collection>(rawRepresentation: Bytes) throws(ECError) where Bytes.Element == UInt8
    init<Bytes: Collection>(x963Representation: Bytes) throws(ECError) where Bytes.Element == UInt8
    init<Bytes: Collection>(derRepresentation: Bytes) throws(ECError) where Bytes.Element == UInt8
    init(pemRepresentation: String) throws(ECError)
    func isValidSignature<Message: Sequence>(_ signature: Signature, for data: Message) -> Bool
    where Message.Element == UInt8
}

/// A curve's ECDSA signature, read as r ‖ s or as DER.
protocol DifferentialECDSASignature {
    init<Bytes: Collection>(rawRepresentation: Bytes) throws(ECError) where Bytes.Element == UInt8
    init<Bytes: Collection>(derRepresentation: Bytes) throws(ECError) where Bytes.Element == UInt8
}

extension DifferentialECDSAKey {
    /// Whether `signature` (r ‖ s, or DER when `der`) is valid for `message`; `false` when it
    /// does not parse.
    func verifies(_ signature: [UInt8], der: Bool, message: [UInt8]) -> Bool {
        let parsed =
            der
            ? try? Signature(derRepresentation: signature) : try? Signature(rawRepresentation: signature)
        guard let parsed else { return false }
        return isValidSignature(parsed, for: message)
    }
}

extension P256.Signing.PublicKey: DifferentialECDSAKey {}
extension P384.Signing.PublicKey: DifferentialECDSAKey {}
extension P521.Signing.PublicKey: DifferentialECDSAKey {}
extension P256.Signing.ECDSASignature: DifferentialECDSASignature {}
extension P384.Signing.ECDSASignature: DifferentialECDSASignature {}
extension P521.Signing.ECDSASignature: DifferentialECDSASignature {}
