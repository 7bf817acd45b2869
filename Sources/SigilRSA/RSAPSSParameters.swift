import SigilSHA2

extension RSA {
    /// The parameters of an RSASSA-PSS signature (RFC 8017 §8.1): the message hash, the
    /// hash of the MGF1 mask generation function (§B.2.1) and the salt length.
    ///
    /// Both hash functions are type parameters (`SHA256`, `SHA384` or `SHA512`), so the
    /// signer and the verifier fix them in code; nothing about them is read from a
    /// signature. JWS fixes all three (RFC 7518 §3.5): use ``jws(_:)``.
    ///
    /// ```swift
    /// // PS256: SHA-256, MGF1 with SHA-256, a 32-byte salt.
    /// let ok = publicKey.isValidPSSSignature(signature, for: signingInput, parameters: .jws(SHA256.self))
    ///
    /// // Any other combination, for example a PSS signature with an empty salt:
    /// let parameters = try RSA.PSSParameters(hash: SHA384.self, mgf1: SHA256.self, saltByteCount: 0)
    /// let signature = try privateKey.pssSignature(for: message, parameters: parameters)
    /// ```
    ///
    /// The salt length is always explicit. Verification accepts a signature only when its
    /// salt has exactly this length (RFC 8017 §9.1.2 step 10 with a known sLen); there is no
    /// mode that infers the salt length from the signature.
    ///
    /// - Note: A key must be long enough for the parameters: emLen ≥ hLen + sLen + 2 with
    ///   emLen = ⌈(modBits − 1) / 8⌉ (§9.1.1 step 3). Every 2048-bit or longer key is long
    ///   enough for the JWS presets.
    public struct PSSParameters<Hash: HashFunction, MaskHash: HashFunction>: Sendable, Hashable {
        /// The salt length sLen in bytes.
        public let saltByteCount: Int

        /// The longest salt these parameters may name: 2048 bytes, the size of the largest
        /// modulus `RSA` accepts. (Whether a given key can carry a salt depends on its size.)
        public static var maximumSaltByteCount: Int { RSA.maximumModulusBits / 8 }

        /// Parameters with the given hash functions and salt length.
        ///
        /// - Parameters:
        ///   - hash: The hash function applied to the message (and to M′, §9.1.1 step 6).
        ///   - mgf1: The hash function of MGF1. RFC 8017 §8.1 recommends the same as `hash`.
        ///   - saltByteCount: sLen, 0…2048 bytes. RFC 8017 §9.1 note 4 suggests hLen; JWS
        ///     requires it.
        /// - Throws: `RSAError` with `.invalidPSSParameters` when `saltByteCount` is negative
        ///   or above ``maximumSaltByteCount``.
        public init(hash: Hash.Type, mgf1: MaskHash.Type, saltByteCount: Int) throws(RSAError) {
            guard saltByteCount >= 0, saltByteCount <= Self.maximumSaltByteCount else {
                throw RSAError(.invalidPSSParameters, "the salt length must be 0…\(Self.maximumSaltByteCount) bytes")
            }
            self.saltByteCount = saltByteCount
        }

        init(uncheckedSaltByteCount saltByteCount: Int) {
            self.saltByteCount = saltByteCount
        }
    }
}

extension RSA.PSSParameters where MaskHash == Hash {
    /// The parameters of JWS `PS256`, `PS384` and `PS512` (RFC 7518 §3.5): the hash, MGF1
    /// with the same hash, and a salt as long as the hash output.
    ///
    /// `.jws(SHA256.self)` is PS256, `.jws(SHA384.self)` is PS384, `.jws(SHA512.self)` is
    /// PS512.
    /// - Parameter hash: The hash function of the algorithm.
    /// - Returns: Hash and MGF1 hash `hash`, salt length `Hash.byteCount`.
    public static func jws(_ hash: Hash.Type) -> Self {
        Self(uncheckedSaltByteCount: Hash.byteCount)
    }
}
