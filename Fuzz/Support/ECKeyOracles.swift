import SigilEC
import SigilEd25519

// Checks shared by the elliptic-curve harnesses (ec-key, ecdsa-signature), written once over
// the key types of P-256, P-384, P-521 and Ed25519.

/// The raw, DER and PEM forms that every key type reads and writes.
protocol FuzzedKeyFormats {
    init<Bytes: Collection>(rawRepresentation: Bytes) throws where Bytes.Element == UInt8
    init<Bytes: Collection>(derRepresentation: Bytes) throws where Bytes.Element == UInt8
    init(pemRepresentation: String) throws
    var rawRepresentation: [UInt8] { get }
    var derRepresentation: [UInt8] { get }
    var pemRepresentation: String { get }
}

/// What the oracles need of a public key type.
protocol FuzzedPublicKey: FuzzedKeyFormats, Equatable {
    /// Whether `signature`, in the key type's raw form, verifies `message`.
    func verifies(_ signature: [UInt8], _ message: [UInt8]) -> Bool
}

/// What the oracles need of a private key type.
protocol FuzzedPrivateKey: FuzzedKeyFormats {
    associatedtype PublicKey: FuzzedPublicKey
    var publicKey: PublicKey { get }
    /// A signature of `message` in the key type's raw form.
    func rawSignature(_ message: [UInt8]) throws -> [UInt8]
}

/// An ECDSA signature type of SigilEC.
protocol FuzzedECDSASignature: Equatable {
    init<Bytes: Collection>(rawRepresentation: Bytes) throws(ECError) where Bytes.Element == UInt8
    init<Bytes: Collection>(derRepresentation: Bytes) throws(ECError) where Bytes.Element == UInt8
    var rawRepresentation: [UInt8] { get }
    var derRepresentation: [UInt8] { get }
}

/// An ECDSA public key type of SigilEC: the common formats, and X9.62 points.
protocol FuzzedECDSAPublicKey: FuzzedPublicKey {
    associatedtype Signature: FuzzedECDSASignature
    init<Bytes: Collection>(x963Representation: Bytes) throws(ECError) where Bytes.Element == UInt8
    var x963Representation: [UInt8] { get }
    func isValidSignature<Message: Sequence>(_ signature: Signature, for data: Message) -> Bool
    where Message.Element == UInt8
}

/// An ECDSA private key type of SigilEC: the common formats, and SEC 1.
protocol FuzzedECDSAPrivateKey: FuzzedPrivateKey where PublicKey: FuzzedECDSAPublicKey {
    var sec1DERRepresentation: [UInt8] { get }
    var sec1PEMRepresentation: String { get }
    func signature<Message: Sequence>(for data: Message) throws(ECError) -> PublicKey.Signature
    where Message.Element == UInt8
}

extension FuzzedECDSAPublicKey {
    func verifies(_ signature: [UInt8], _ message: [UInt8]) -> Bool {
        guard let signature = try? Signature(rawRepresentation: signature) else { return false }
        return isValidSignature(signature, for: message)
    }
}

extension FuzzedECDSAPrivateKey {
    func rawSignature(_ message: [UInt8]) throws -> [UInt8] { try signature(for: message).rawRepresentation }
}

extension P256.Signing.ECDSASignature: FuzzedECDSASignature {}
extension P384.Signing.ECDSASignature: FuzzedECDSASignature {}
extension P521.Signing.ECDSASignature: FuzzedECDSASignature {}
extension P256.Signing.PublicKey: FuzzedECDSAPublicKey {}
extension P384.Signing.PublicKey: FuzzedECDSAPublicKey {}
extension P521.Signing.PublicKey: FuzzedECDSAPublicKey {}
extension P256.Signing.PrivateKey: FuzzedECDSAPrivateKey {}
extension P384.Signing.PrivateKey: FuzzedECDSAPrivateKey {}
extension P521.Signing.PrivateKey: FuzzedECDSAPrivateKey {}

extension Curve25519.Signing.PublicKey: FuzzedPublicKey {
    func verifies(_ signature: [UInt8], _ message: [UInt8]) -> Bool { isValidSignature(signature, for: message) }
}

extension Curve25519.Signing.PrivateKey: FuzzedPrivateKey {
    func rawSignature(_ message: [UInt8]) throws -> [UInt8] { signature(for: message) }
}

enum ECKeyOracles {
    static let message: [UInt8] = Array("fuzz".utf8)

    /// Every parser of one key type on `input` (as bytes and as text); whatever is accepted
    /// must re-encode to forms that parse back to the same key, and sign or verify.
    static func checkKeyType<Key: FuzzedPrivateKey>(_: Key.Type, _ input: [UInt8], _ text: String) {
        checkPublic(try? Key.PublicKey(rawRepresentation: input))
        checkPublic(try? Key.PublicKey(derRepresentation: input))
        checkPublic(try? Key.PublicKey(pemRepresentation: text))
        checkPrivate(try? Key(rawRepresentation: input))
        checkPrivate(try? Key(derRepresentation: input))
        checkPrivate(try? Key(pemRepresentation: text))
    }

    /// The ECDSA-only parsers (X9.62 points) as well as the common ones.
    static func checkECDSAKeyType<Key: FuzzedECDSAPrivateKey>(_ type: Key.Type, _ input: [UInt8], _ text: String) {
        checkKeyType(type, input, text)
        checkPublic(try? Key.PublicKey(x963Representation: input))
    }

    static func checkPublic<Key: FuzzedPublicKey>(_ key: Key?) {
        guard let key else { return }
        guard (try? Key(rawRepresentation: key.rawRepresentation)) == key,
            (try? Key(derRepresentation: key.derRepresentation)) == key,
            (try? Key(pemRepresentation: key.pemRepresentation)) == key
        else { fatalError("ec-key: a public key does not parse back from its own encodings") }
        if let key = key as? any FuzzedECDSAPublicKey { checkX963(key) }
        // Input-independent signature bytes never trap and never verify.
        guard !key.verifies([UInt8](repeating: 1, count: 64), message) else {
            fatalError("ec-key: a constant signature verified")
        }
    }

    private static func checkX963<Key: FuzzedECDSAPublicKey>(_ key: Key) {
        guard (try? Key(x963Representation: key.x963Representation)) == key else {
            fatalError("ec-key: a public key does not parse back from its X9.62 point")
        }
    }

    static func checkPrivate<Key: FuzzedPrivateKey>(_ key: Key?) {
        guard let key else { return }
        let raw = key.rawRepresentation
        guard (try? Key(rawRepresentation: raw))?.rawRepresentation == raw,
            (try? Key(derRepresentation: key.derRepresentation))?.rawRepresentation == raw,
            (try? Key(pemRepresentation: key.pemRepresentation))?.rawRepresentation == raw
        else { fatalError("ec-key: a private key does not parse back from its own encodings") }
        if let key = key as? any FuzzedECDSAPrivateKey { checkSEC1(key) }
        guard let signature = try? key.rawSignature(message) else {
            fatalError("ec-key: a parsed private key cannot sign")
        }
        guard key.publicKey.verifies(signature, message) else {
            fatalError("ec-key: a parsed private key's signature does not verify")
        }
    }

    private static func checkSEC1<Key: FuzzedECDSAPrivateKey>(_ key: Key) {
        let raw = key.rawRepresentation
        guard (try? Key(derRepresentation: key.sec1DERRepresentation))?.rawRepresentation == raw,
            (try? Key(pemRepresentation: key.sec1PEMRepresentation))?.rawRepresentation == raw
        else { fatalError("ec-key: a private key does not parse back from SEC 1") }
    }
}
