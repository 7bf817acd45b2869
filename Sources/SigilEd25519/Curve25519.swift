/// Curve25519-based algorithms, in swift-crypto's vocabulary.
///
/// `Curve25519.Signing` is Ed25519 (RFC 8032 §5.1): pure EdDSA over edwards25519 with
/// SHA-512, no context and no prehash — the algorithm JWS calls `EdDSA` with `crv: Ed25519`
/// (RFC 8037).
///
/// ```swift
/// let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)   // 32 bytes
/// let signature = key.signature(for: message)                             // 64 bytes
/// let ok = key.publicKey.isValidSignature(signature, for: message)        // true
/// ```
public enum Curve25519 {
    /// Ed25519 signing keys (`PrivateKey`) and verification keys (`PublicKey`).
    ///
    /// **Verification rules.** A signature is accepted exactly when all of these hold:
    /// - it is 64 bytes, R (32 bytes) followed by S (32 bytes, little-endian);
    /// - S < L, the order of the base point (RFC 8032 §5.1.7, step 1; this makes signatures
    ///   non-malleable);
    /// - the public key is the canonical encoding of a curve point: y < p, and not x = 0 with
    ///   the sign bit set (checked when the `PublicKey` is made);
    /// - with k = SHA-512(R ‖ A ‖ M) mod L, the point [S]B − [k]A encodes to exactly the 32
    ///   bytes of R.
    ///
    /// That last check is the **cofactorless** equation [S]B = R + [k]A of RFC 8032 §5.1.7,
    /// compared on encodings, as BoringSSL, OpenSSL and ref10 do; the cofactored variant
    /// [8][S]B = [8]R + [8][k]A is not used. Comparing encodings rejects every non-canonical
    /// R without decoding it. Public keys of small order and keys with a small-order
    /// component (mixed order) are not rejected: they are valid encodings, and a signature
    /// verifies under them only if the cofactorless equation holds exactly. Wycheproof's
    /// `ed25519_test.json` (every case) is the acceptance test of these rules.
    ///
    /// **Signing** is deterministic (RFC 8032 §5.1.6) and constant-time in the secret scalar
    /// and the nonce: the base-point multiplication reads every entry of its table row with
    /// masks, negates by mask, and performs the same sequence of field operations for every
    /// scalar; the arithmetic mod p and mod L has no secret-dependent branch or address.
    public enum Signing {}
}

/// Calls `body` with the bytes of `data`, copying them only if the collection is not contiguous.
@inline(__always)
func withContiguousBytes<Bytes: Collection, Result>(
    _ data: Bytes, _ body: (UnsafeRawBufferPointer) -> Result
) -> Result where Bytes.Element == UInt8 {
    if let result = data.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
        return result
    }
    return Array(data).withUnsafeBytes { body($0) }
}
