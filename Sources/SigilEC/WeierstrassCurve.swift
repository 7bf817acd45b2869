import SigilSHA2

// The three NIST curves share one shape, y² = x³ − 3x + b over a prime field (FIPS 186-5,
// SP 800-186 §3.2.1), so every algorithm above the field is written once, generic over a
// curve type; the compiler specialises it for each curve.

/// A short Weierstrass curve y² = x³ − 3x + b of prime order, with its ECDSA hash.
protocol WeierstrassCurve {
    /// Arithmetic modulo the field prime p.
    associatedtype Field: MontgomeryModulus
    /// Arithmetic modulo the group order n.
    associatedtype Scalar: MontgomeryModulus where Scalar.Storage == Field.Storage
    /// The hash ECDSA uses with this curve in JWS (RFC 7518 §3.4), and for RFC 6979 nonces.
    associatedtype Hash: HashFunction
    /// The coefficient b, in Montgomery form.
    static var bMontgomery: Field.Storage { get }
    /// The base point's affine coordinates, in Montgomery form.
    static var generatorXMontgomery: Field.Storage { get }
    static var generatorYMontgomery: Field.Storage { get }
    /// A name for messages, e.g. "P-256".
    static var name: StaticString { get }
    /// The DER contents of the curve's named-curve OBJECT IDENTIFIER (RFC 5480 §2.1.1.1).
    static var objectIdentifier: [UInt8] { get }
}

extension WeierstrassCurve {
    /// The byte length of a coordinate or a scalar (32, 48, 66).
    static var byteCount: Int { Field.byteCount }
}

/// NIST P-256 (secp256r1) with SHA-256.
enum P256Curve: WeierstrassCurve {
    typealias Field = P256FieldModulus
    typealias Scalar = P256OrderModulus
    typealias Hash = SHA256
    static var name: StaticString { "P-256" }
    /// The DER contents of the curve's object identifier, 1.2.840.10045.3.1.7.
    static var objectIdentifier: [UInt8] { [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07] }
}

/// NIST P-384 (secp384r1) with SHA-384.
enum P384Curve: WeierstrassCurve {
    typealias Field = P384FieldModulus
    typealias Scalar = P384OrderModulus
    typealias Hash = SHA384
    static var name: StaticString { "P-384" }
    /// The DER contents of the curve's object identifier, 1.3.132.0.34.
    static var objectIdentifier: [UInt8] { [0x2b, 0x81, 0x04, 0x00, 0x22] }
}

/// NIST P-521 (secp521r1) with SHA-512.
enum P521Curve: WeierstrassCurve {
    typealias Field = P521FieldModulus
    typealias Scalar = P521OrderModulus
    typealias Hash = SHA512
    static var name: StaticString { "P-521" }
    /// The DER contents of the curve's object identifier, 1.3.132.0.35.
    static var objectIdentifier: [UInt8] { [0x2b, 0x81, 0x04, 0x00, 0x23] }
}
