/// RSA signatures with RSASSA-PKCS1-v1_5 (RFC 8017 §8.2) and RSASSA-PSS (§8.1), in pure Swift.
///
/// The types follow swift-crypto's `_RSA.Signing` vocabulary:
///
/// ```swift
/// let key = try RSA.PublicKey(pemRepresentation: pem)
/// let ok = key.isValidSignature(signature, for: signingInput, using: SHA256.self)
///
/// let privateKey = try RSA.PrivateKey(pemRepresentation: privatePEM)
/// let signature = try privateKey.signature(for: signingInput, using: SHA256.self)
/// ```
///
/// The hash function is a type parameter (`SHA256`, `SHA384` or `SHA512`), as it is for
/// RSASSA-PSS (`RSA.PSSParameters`): the caller fixes it in code, and nothing about it is
/// read from a signature.
///
/// Keys have a modulus of 2048 to 16384 bits; 1024…2047-bit public keys are accepted only
/// through the `unsafe…` initialisers. The public exponent must be odd, at least 3 and
/// below 2³² (65537 in practice; the bound keeps verification cost predictable and rules
/// out keys crafted to make verification slow).
public enum RSA {
    /// Smallest modulus, in bits, accepted by the default initialisers.
    public static let minimumModulusBits = 2048
    /// Smallest modulus, in bits, accepted by the `unsafe…` initialisers of `PublicKey`.
    public static let minimumUnsafeModulusBits = 1024
    /// Largest modulus, in bits, accepted anywhere.
    public static let maximumModulusBits = 16384
    /// The public exponent must be below this bound (2³²).
    public static let publicExponentBound: UInt64 = 1 << 32
}
