import SigilEC
import SigilSHA2

/// The three curves' public API behind one test-side protocol, so that each test is written
/// once and run for every curve.
protocol CurveUnderTest {
    associatedtype PublicKey: Equatable
    associatedtype PrivateKey
    static var name: String { get }
    static var byteCount: Int { get }
    static func publicKey(raw: [UInt8]) throws(ECError) -> PublicKey
    static func publicKey(x963: [UInt8]) throws(ECError) -> PublicKey
    static func publicKey(der: [UInt8]) throws(ECError) -> PublicKey
    static func publicKey(pem: String) throws(ECError) -> PublicKey
    static func rawRepresentation(_ key: PublicKey) -> [UInt8]
    static func x963Representation(_ key: PublicKey) -> [UInt8]
    static func derRepresentation(_ key: PublicKey) -> [UInt8]
    static func pemRepresentation(_ key: PublicKey) -> String
    /// Parses r ‖ s and verifies.
    static func verify(_ key: PublicKey, rawSignature: [UInt8], message: [UInt8]) throws(ECError) -> Bool
    /// Parses DER and verifies.
    static func verify(_ key: PublicKey, derSignature: [UInt8], message: [UInt8]) throws(ECError) -> Bool
    static func privateKey(raw: [UInt8]) throws(ECError) -> PrivateKey
    static func privateKey(der: [UInt8]) throws(ECError) -> PrivateKey
    static func privateKey(pem: String) throws(ECError) -> PrivateKey
    static func newPrivateKey() -> PrivateKey
    static func publicKey(of key: PrivateKey) -> PublicKey
    static func rawRepresentation(_ key: PrivateKey) -> [UInt8]
    static func pkcs8DER(_ key: PrivateKey) -> [UInt8]
    static func sec1DER(_ key: PrivateKey) -> [UInt8]
    static func pkcs8PEM(_ key: PrivateKey) -> String
    static func sec1PEM(_ key: PrivateKey) -> String
    static func description(_ key: PrivateKey) -> String
    /// Signs deterministically; r ‖ s and the DER form.
    static func sign(_ key: PrivateKey, message: [UInt8]) throws(ECError) -> (raw: [UInt8], der: [UInt8])
    /// Signs with a hedged nonce; r ‖ s.
    static func signHedged(_ key: PrivateKey, message: [UInt8]) throws(ECError) -> [UInt8]
}

enum P256UnderTest: CurveUnderTest {
    static let name = "P-256"
    static let byteCount = 32
    static func publicKey(raw: [UInt8]) throws(ECError) -> P256.Signing.PublicKey {
        try .init(rawRepresentation: raw)
    }
    static func publicKey(x963: [UInt8]) throws(ECError) -> P256.Signing.PublicKey {
        try .init(x963Representation: x963)
    }
    static func publicKey(der: [UInt8]) throws(ECError) -> P256.Signing.PublicKey {
        try .init(derRepresentation: der)
    }
    static func publicKey(pem: String) throws(ECError) -> P256.Signing.PublicKey {
        try .init(pemRepresentation: pem)
    }
    static func rawRepresentation(_ key: P256.Signing.PublicKey) -> [UInt8] { key.rawRepresentation }
    static func x963Representation(_ key: P256.Signing.PublicKey) -> [UInt8] { key.x963Representation }
    static func derRepresentation(_ key: P256.Signing.PublicKey) -> [UInt8] { key.derRepresentation }
    static func pemRepresentation(_ key: P256.Signing.PublicKey) -> String { key.pemRepresentation }
    static func verify(
        _ key: P256.Signing.PublicKey, rawSignature: [UInt8], message: [UInt8]
    ) throws(ECError)
        -> Bool
    {
        key.isValidSignature(try P256.Signing.ECDSASignature(rawRepresentation: rawSignature), for: message)
    }
    static func verify(
        _ key: P256.Signing.PublicKey, derSignature: [UInt8], message: [UInt8]
    ) throws(ECError)
        -> Bool
    {
        key.isValidSignature(try P256.Signing.ECDSASignature(derRepresentation: derSignature), for: message)
    }
    static func privateKey(raw: [UInt8]) throws(ECError) -> P256.Signing.PrivateKey {
        try .init(rawRepresentation: raw)
    }
    static func privateKey(der: [UInt8]) throws(ECError) -> P256.Signing.PrivateKey {
        try .init(derRepresentation: der)
    }
    static func privateKey(pem: String) throws(ECError) -> P256.Signing.PrivateKey {
        try .init(pemRepresentation: pem)
    }
    static func newPrivateKey() -> P256.Signing.PrivateKey { .init() }
    static func publicKey(of key: P256.Signing.PrivateKey) -> P256.Signing.PublicKey { key.publicKey }
    static func rawRepresentation(_ key: P256.Signing.PrivateKey) -> [UInt8] { key.rawRepresentation }
    static func pkcs8DER(_ key: P256.Signing.PrivateKey) -> [UInt8] { key.derRepresentation }
    static func sec1DER(_ key: P256.Signing.PrivateKey) -> [UInt8] { key.sec1DERRepresentation }
    static func pkcs8PEM(_ key: P256.Signing.PrivateKey) -> String { key.pemRepresentation }
    static func sec1PEM(_ key: P256.Signing.PrivateKey) -> String { key.sec1PEMRepresentation }
    static func description(_ key: P256.Signing.PrivateKey) -> String { "\(key)" }
    static func sign(
        _ key: P256.Signing.PrivateKey, message: [UInt8]
    ) throws(ECError) -> (
        raw: [UInt8], der: [UInt8]
    ) {
        let signature = try key.signature(for: message)
        return (signature.rawRepresentation, signature.derRepresentation)
    }
    static func signHedged(_ key: P256.Signing.PrivateKey, message: [UInt8]) throws(ECError) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return try key.signature(for: message, hedgingWith: &generator).rawRepresentation
    }
}

enum P384UnderTest: CurveUnderTest {
    static let name = "P-384"
    static let byteCount = 48
    static func publicKey(raw: [UInt8]) throws(ECError) -> P384.Signing.PublicKey {
        try .init(rawRepresentation: raw)
    }
    static func publicKey(x963: [UInt8]) throws(ECError) -> P384.Signing.PublicKey {
        try .init(x963Representation: x963)
    }
    static func publicKey(der: [UInt8]) throws(ECError) -> P384.Signing.PublicKey {
        try .init(derRepresentation: der)
    }
    static func publicKey(pem: String) throws(ECError) -> P384.Signing.PublicKey {
        try .init(pemRepresentation: pem)
    }
    static func rawRepresentation(_ key: P384.Signing.PublicKey) -> [UInt8] { key.rawRepresentation }
    static func x963Representation(_ key: P384.Signing.PublicKey) -> [UInt8] { key.x963Representation }
    static func derRepresentation(_ key: P384.Signing.PublicKey) -> [UInt8] { key.derRepresentation }
    static func pemRepresentation(_ key: P384.Signing.PublicKey) -> String { key.pemRepresentation }
    static func verify(
        _ key: P384.Signing.PublicKey, rawSignature: [UInt8], message: [UInt8]
    ) throws(ECError)
        -> Bool
    {
        key.isValidSignature(try P384.Signing.ECDSASignature(rawRepresentation: rawSignature), for: message)
    }
    static func verify(
        _ key: P384.Signing.PublicKey, derSignature: [UInt8], message: [UInt8]
    ) throws(ECError)
        -> Bool
    {
        key.isValidSignature(try P384.Signing.ECDSASignature(derRepresentation: derSignature), for: message)
    }
    static func privateKey(raw: [UInt8]) throws(ECError) -> P384.Signing.PrivateKey {
        try .init(rawRepresentation: raw)
    }
    static func privateKey(der: [UInt8]) throws(ECError) -> P384.Signing.PrivateKey {
        try .init(derRepresentation: der)
    }
    static func privateKey(pem: String) throws(ECError) -> P384.Signing.PrivateKey {
        try .init(pemRepresentation: pem)
    }
    static func newPrivateKey() -> P384.Signing.PrivateKey { .init() }
    static func publicKey(of key: P384.Signing.PrivateKey) -> P384.Signing.PublicKey { key.publicKey }
    static func rawRepresentation(_ key: P384.Signing.PrivateKey) -> [UInt8] { key.rawRepresentation }
    static func pkcs8DER(_ key: P384.Signing.PrivateKey) -> [UInt8] { key.derRepresentation }
    static func sec1DER(_ key: P384.Signing.PrivateKey) -> [UInt8] { key.sec1DERRepresentation }
    static func pkcs8PEM(_ key: P384.Signing.PrivateKey) -> String { key.pemRepresentation }
    static func sec1PEM(_ key: P384.Signing.PrivateKey) -> String { key.sec1PEMRepresentation }
    static func description(_ key: P384.Signing.PrivateKey) -> String { "\(key)" }
    static func sign(
        _ key: P384.Signing.PrivateKey, message: [UInt8]
    ) throws(ECError) -> (
        raw: [UInt8], der: [UInt8]
    ) {
        let signature = try key.signature(for: message)
        return (signature.rawRepresentation, signature.derRepresentation)
    }
    static func signHedged(_ key: P384.Signing.PrivateKey, message: [UInt8]) throws(ECError) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return try key.signature(for: message, hedgingWith: &generator).rawRepresentation
    }
}

enum P521UnderTest: CurveUnderTest {
    static let name = "P-521"
    static let byteCount = 66
    static func publicKey(raw: [UInt8]) throws(ECError) -> P521.Signing.PublicKey {
        try .init(rawRepresentation: raw)
    }
    static func publicKey(x963: [UInt8]) throws(ECError) -> P521.Signing.PublicKey {
        try .init(x963Representation: x963)
    }
    static func publicKey(der: [UInt8]) throws(ECError) -> P521.Signing.PublicKey {
        try .init(derRepresentation: der)
    }
    static func publicKey(pem: String) throws(ECError) -> P521.Signing.PublicKey {
        try .init(pemRepresentation: pem)
    }
    static func rawRepresentation(_ key: P521.Signing.PublicKey) -> [UInt8] { key.rawRepresentation }
    static func x963Representation(_ key: P521.Signing.PublicKey) -> [UInt8] { key.x963Representation }
    static func derRepresentation(_ key: P521.Signing.PublicKey) -> [UInt8] { key.derRepresentation }
    static func pemRepresentation(_ key: P521.Signing.PublicKey) -> String { key.pemRepresentation }
    static func verify(
        _ key: P521.Signing.PublicKey, rawSignature: [UInt8], message: [UInt8]
    ) throws(ECError)
        -> Bool
    {
        key.isValidSignature(try P521.Signing.ECDSASignature(rawRepresentation: rawSignature), for: message)
    }
    static func verify(
        _ key: P521.Signing.PublicKey, derSignature: [UInt8], message: [UInt8]
    ) throws(ECError)
        -> Bool
    {
        key.isValidSignature(try P521.Signing.ECDSASignature(derRepresentation: derSignature), for: message)
    }
    static func privateKey(raw: [UInt8]) throws(ECError) -> P521.Signing.PrivateKey {
        try .init(rawRepresentation: raw)
    }
    static func privateKey(der: [UInt8]) throws(ECError) -> P521.Signing.PrivateKey {
        try .init(derRepresentation: der)
    }
    static func privateKey(pem: String) throws(ECError) -> P521.Signing.PrivateKey {
        try .init(pemRepresentation: pem)
    }
    static func newPrivateKey() -> P521.Signing.PrivateKey { .init() }
    static func publicKey(of key: P521.Signing.PrivateKey) -> P521.Signing.PublicKey { key.publicKey }
    static func rawRepresentation(_ key: P521.Signing.PrivateKey) -> [UInt8] { key.rawRepresentation }
    static func pkcs8DER(_ key: P521.Signing.PrivateKey) -> [UInt8] { key.derRepresentation }
    static func sec1DER(_ key: P521.Signing.PrivateKey) -> [UInt8] { key.sec1DERRepresentation }
    static func pkcs8PEM(_ key: P521.Signing.PrivateKey) -> String { key.pemRepresentation }
    static func sec1PEM(_ key: P521.Signing.PrivateKey) -> String { key.sec1PEMRepresentation }
    static func description(_ key: P521.Signing.PrivateKey) -> String { "\(key)" }
    static func sign(
        _ key: P521.Signing.PrivateKey, message: [UInt8]
    ) throws(ECError) -> (
        raw: [UInt8], der: [UInt8]
    ) {
        let signature = try key.signature(for: message)
        return (signature.rawRepresentation, signature.derRepresentation)
    }
    static func signHedged(_ key: P521.Signing.PrivateKey, message: [UInt8]) throws(ECError) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return try key.signature(for: message, hedgingWith: &generator).rawRepresentation
    }
}
