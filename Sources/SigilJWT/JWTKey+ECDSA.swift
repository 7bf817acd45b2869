import SigilBase64
import SigilEC
import SigilJSON

// The ECDSA family: ES256, ES384 and ES512 (RFC 7518 §3.4), keys as `EC` JWKs (RFC 7518
// §6.2), from SigilEC. Each curve fixes its algorithm: P-256 only ES256, P-384 only
// ES384, P-521 only ES512. A JWS signature is R‖S, each exactly the curve's size.

extension JWTAlgorithm {
    /// ECDSA using P-256 and SHA-256 (RFC 7518 §3.4).
    public static let es256 = JWTAlgorithm(registered: "ES256")
    /// ECDSA using P-384 and SHA-384 (RFC 7518 §3.4).
    public static let es384 = JWTAlgorithm(registered: "ES384")
    /// ECDSA using P-521 and SHA-512 (RFC 7518 §3.4).
    public static let es512 = JWTAlgorithm(registered: "ES512")

    /// The ECDSA algorithms, smallest curve first.
    public static let ecdsaAlgorithms: [JWTAlgorithm] = [.es256, .es384, .es512]
}

/// What the ECDSA family needs of one curve of SigilEC, so that the material is written once over the curve: its key
/// types and its JWS and JWK names.
///
/// Static dispatch only.
protocol JWSCurve {
    associatedtype PrivateKey: JWSECDSAPrivateKey
    typealias PublicKey = PrivateKey.PublicKey
    /// The one algorithm of the curve.
    static var algorithm: JWTAlgorithm { get }
    /// The JWK `crv` name.
    static var curveName: String { get }
    /// The size of a coordinate, and of each of R and S.
    static var coordinateSize: Int { get }
}

/// A curve's ECDSA signature type, as SigilEC spells it.
protocol JWSECDSASignature {
    init<Bytes: Collection>(rawRepresentation: Bytes) throws(ECError) where Bytes.Element == UInt8
    var rawRepresentation: [UInt8] { get }
}

/// A curve's ECDSA public key type, as SigilEC spells it.
protocol JWSECDSAPublicKey: Sendable {
    associatedtype Signature: JWSECDSASignature
    init<Bytes: Collection>(rawRepresentation: Bytes) throws(ECError) where Bytes.Element == UInt8
    init(pemRepresentation: String) throws(ECError)
    var rawRepresentation: [UInt8] { get }
    func isValidSignature<Message: Sequence>(_ signature: Signature, for data: Message) -> Bool
    where Message.Element == UInt8
}

/// A curve's ECDSA private key type, as SigilEC spells it.
protocol JWSECDSAPrivateKey: Sendable {
    associatedtype PublicKey: JWSECDSAPublicKey
    init<Bytes: Collection>(rawRepresentation: Bytes) throws(ECError) where Bytes.Element == UInt8
    init(pemRepresentation: String) throws(ECError)
    var publicKey: PublicKey { get }
    func signature<Message: Sequence>(for data: Message) throws(ECError) -> PublicKey.Signature
    where Message.Element == UInt8
}

extension P256: JWSCurve {
    typealias PrivateKey = Signing.PrivateKey
    static var algorithm: JWTAlgorithm { .es256 }
    static var curveName: String { "P-256" }
    static var coordinateSize: Int { Signing.coordinateByteCount }
}

extension P384: JWSCurve {
    typealias PrivateKey = Signing.PrivateKey
    static var algorithm: JWTAlgorithm { .es384 }
    static var curveName: String { "P-384" }
    static var coordinateSize: Int { Signing.coordinateByteCount }
}

extension P521: JWSCurve {
    typealias PrivateKey = Signing.PrivateKey
    static var algorithm: JWTAlgorithm { .es512 }
    static var curveName: String { "P-521" }
    static var coordinateSize: Int { Signing.coordinateByteCount }
}

extension P256.Signing.ECDSASignature: JWSECDSASignature {}
extension P384.Signing.ECDSASignature: JWSECDSASignature {}
extension P521.Signing.ECDSASignature: JWSECDSASignature {}
extension P256.Signing.PublicKey: JWSECDSAPublicKey {}
extension P384.Signing.PublicKey: JWSECDSAPublicKey {}
extension P521.Signing.PublicKey: JWSECDSAPublicKey {}
extension P256.Signing.PrivateKey: JWSECDSAPrivateKey {}
extension P384.Signing.PrivateKey: JWSECDSAPrivateKey {}
extension P521.Signing.PrivateKey: JWSECDSAPrivateKey {}

/// An ECDSA public key of one curve, or a private key that verifies with its public half.
struct ECDSAKeyMaterial<Curve: JWSCurve>: JWTKeyMaterial {
    let publicKey: Curve.PublicKey
    let privateKey: Curve.PrivateKey?

    var defaultAlgorithm: JWTAlgorithm { Curve.algorithm }
    var canSign: Bool { privateKey != nil }

    /// `crv`, `kty`, `x` and `y` (RFC 7518 §6.2.1), in RFC 7638 order.
    var publicJWKMembers: [(name: String, value: String)]? {
        let raw = publicKey.rawRepresentation
        let size = Curve.coordinateSize
        return [
            ("crv", Curve.curveName), ("kty", "EC"), ("x", Base64URL.encode(Array(raw[0..<size]))),
            ("y", Base64URL.encode(Array(raw[size...]))),
        ]
    }

    func supports(_ algorithm: JWTAlgorithm) -> Bool { algorithm == Curve.algorithm }

    func signatureByteCount(for algorithm: JWTAlgorithm) -> Int { 2 * Curve.coordinateSize }

    func isValidSignature(
        _ signature: UnsafeRawBufferPointer, for signingInput: UnsafeRawBufferPointer, algorithm: JWTAlgorithm
    ) -> Bool {
        // RFC 7518 §3.4: exactly R‖S, each the curve's size; DER is not a JWS signature.
        guard algorithm == Curve.algorithm, signature.count == 2 * Curve.coordinateSize else { return false }
        guard let signature = try? Curve.PublicKey.Signature(rawRepresentation: signature) else { return false }
        return publicKey.isValidSignature(signature, for: signingInput)
    }

    func appendSignature(
        for signingInput: UnsafeRawBufferPointer, algorithm: JWTAlgorithm, to output: inout [UInt8]
    ) throws(JWTError) {
        guard let privateKey else { throw JWTError(.invalidKey, "an EC public key cannot sign") }
        guard algorithm == Curve.algorithm else {
            throw JWTError(.invalidKey, "a \(Curve.curveName) key cannot be used with \(algorithm)")
        }
        do {
            output.append(contentsOf: try privateKey.signature(for: signingInput).rawRepresentation)
        } catch {
            throw JWTError(.signingFailed, "ECDSA signing failed (\(error.code))")
        }
    }
}

extension JWTKey {
    /// A P-256 public key for verifying `ES256` signatures.
    public static func es256(_ key: P256.Signing.PublicKey, keyID: String? = nil) -> JWTKey {
        ecdsa(ECDSAKeyMaterial<P256>(publicKey: key, privateKey: nil), keyID: keyID)
    }

    /// A P-256 private key for signing `ES256` tokens; it verifies with its public half.
    public static func es256(_ key: P256.Signing.PrivateKey, keyID: String? = nil) -> JWTKey {
        ecdsa(ECDSAKeyMaterial<P256>(publicKey: key.publicKey, privateKey: key), keyID: keyID)
    }

    /// A P-384 public key for verifying `ES384` signatures.
    public static func es384(_ key: P384.Signing.PublicKey, keyID: String? = nil) -> JWTKey {
        ecdsa(ECDSAKeyMaterial<P384>(publicKey: key, privateKey: nil), keyID: keyID)
    }

    /// A P-384 private key for signing `ES384` tokens; it verifies with its public half.
    public static func es384(_ key: P384.Signing.PrivateKey, keyID: String? = nil) -> JWTKey {
        ecdsa(ECDSAKeyMaterial<P384>(publicKey: key.publicKey, privateKey: key), keyID: keyID)
    }

    /// A P-521 public key for verifying `ES512` signatures.
    public static func es512(_ key: P521.Signing.PublicKey, keyID: String? = nil) -> JWTKey {
        ecdsa(ECDSAKeyMaterial<P521>(publicKey: key, privateKey: nil), keyID: keyID)
    }

    /// A P-521 private key for signing `ES512` tokens; it verifies with its public half.
    public static func es512(_ key: P521.Signing.PrivateKey, keyID: String? = nil) -> JWTKey {
        ecdsa(ECDSAKeyMaterial<P521>(publicKey: key.publicKey, privateKey: key), keyID: keyID)
    }

    private static func ecdsa<Curve: JWSCurve>(_ material: ECDSAKeyMaterial<Curve>, keyID: String?) -> JWTKey {
        JWTKey(
            storage: TypedKeyStorage(material), algorithm: Curve.algorithm, isAlgorithmPinned: true, keyID: keyID,
            canSign: true, canVerify: true)
    }

    /// An EC key from PEM text (SubjectPublicKeyInfo with a named curve, PKCS#8, or SEC 1
    /// `EC PRIVATE KEY`), of whichever of P-256, P-384 and P-521 it names.
    static func ecdsaPEM(_ pem: String) throws(JWTError) -> JWTKey {
        if let key = try? ecdsaPEM(pem, P256.self) { return key }
        if let key = try? ecdsaPEM(pem, P384.self) { return key }
        if let key = try? ecdsaPEM(pem, P521.self) { return key }
        throw JWTError(.invalidKey, "the PEM document is not a P-256, P-384 or P-521 key")
    }

    private static func ecdsaPEM<Curve: JWSCurve>(_ pem: String, _ curve: Curve.Type) throws(ECError) -> JWTKey {
        if containsPrivateKeyLabel(pem) {
            let key = try Curve.PrivateKey(pemRepresentation: pem)
            return ecdsa(ECDSAKeyMaterial<Curve>(publicKey: key.publicKey, privateKey: key), keyID: nil)
        }
        let key = try Curve.PublicKey(pemRepresentation: pem)
        return ecdsa(ECDSAKeyMaterial<Curve>(publicKey: key, privateKey: nil), keyID: nil)
    }

    /// An `EC` JWK's material (RFC 7518 §6.2): `crv`, and `x` and `y` of exactly the curve's
    /// size; for a private key `d`, of the same size, whose public point must be (x, y).
    static func ecJWK(_ object: JSONObject) throws(JWTError) -> JWTKeyStorage {
        guard case .string(let curve) = object["crv"] else { throw JWTError(.invalidKey, "the EC JWK has no crv") }
        switch curve {
        case "P-256": return try ecJWK(object, P256.self)
        case "P-384": return try ecJWK(object, P384.self)
        case "P-521": return try ecJWK(object, P521.self)
        default: throw JWTError(.invalidKey, "the EC JWK's crv is not P-256, P-384 or P-521")
        }
    }

    private static func ecJWK<Curve: JWSCurve>(
        _ object: JSONObject, _ curve: Curve.Type
    ) throws(JWTError)
        -> JWTKeyStorage
    {
        let size = Curve.coordinateSize
        let x = try jwkBytes(object, "x")
        let y = try jwkBytes(object, "y")
        guard x.count == size, y.count == size else {
            throw JWTError(.invalidKey, "the EC JWK's x and y must each be \(size) bytes (RFC 7518 §6.2.1.2)")
        }
        let publicKey: Curve.PublicKey
        do {
            publicKey = try Curve.PublicKey(rawRepresentation: x + y)
        } catch {
            throw JWTError(.invalidKey, "the EC JWK's point is not on \(Curve.curveName) (\(error.code))")
        }
        guard object["d"] != nil else {
            return TypedKeyStorage(ECDSAKeyMaterial<Curve>(publicKey: publicKey, privateKey: nil))
        }
        let d = try jwkBytes(object, "d")
        guard d.count == size else {
            throw JWTError(.invalidKey, "the EC JWK's d must be \(size) bytes (RFC 7518 §6.2.2.1)")
        }
        let privateKey: Curve.PrivateKey
        do {
            privateKey = try Curve.PrivateKey(rawRepresentation: d)
        } catch {
            throw JWTError(.invalidKey, "the EC JWK's d is not a \(Curve.curveName) private key (\(error.code))")
        }
        guard privateKey.publicKey.rawRepresentation == x + y else {
            throw JWTError(.invalidKey, "the EC JWK's d does not match its x and y")
        }
        return TypedKeyStorage(ECDSAKeyMaterial<Curve>(publicKey: publicKey, privateKey: privateKey))
    }
}
