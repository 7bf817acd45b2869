import SigilSHA2

// RSASSA-PSS signing (RFC 8017 §8.1.1) with EMSA-PSS (§9.1.1) and MGF1 (§B.2.1). The
// private operation is the one RSASSA-PKCS1-v1_5 signing uses: CRT, base blinding,
// constant-time exponentiation, and verification of each signature before it is returned.

extension RSA.PrivateKey {
    /// Signs `message` with RSASSA-PSS (RFC 8017 §8.1.1), hashing it with `Hash` and
    /// drawing the salt from `SystemRandomNumberGenerator`.
    ///
    /// ```swift
    /// // JWS PS256 (RFC 7518 §3.5).
    /// let signature = try privateKey.pssSignature(for: signingInput, parameters: .jws(SHA256.self))
    /// ```
    ///
    /// PSS signatures are randomised: with a non-empty salt, two signatures of the same
    /// message differ, and both verify.
    ///
    /// How it is computed:
    /// 1. EM = EMSA-PSS-ENCODE(Hash(message), modBits − 1) (§9.1.1) with a fresh salt of
    ///    `parameters.saltByteCount` bytes, as an integer m < 2^(modBits − 1) < n.
    /// 2. s = m^d mod n exactly as in `signature(for:using:)`: base blinding with a
    ///    fresh random value, the CRT with constant-time fixed-window exponentiations and
    ///    masked table reads, Garner's recombination, unblinding. The notes there on what
    ///    pure Swift can and cannot guarantee apply here unchanged.
    /// 3. The signature is verified with the public key (sᵉ mod n = m); on a mismatch (a
    ///    fault) no signature is returned.
    ///
    /// - Parameters:
    ///   - message: The bytes to sign (for a JWS, the ASCII signing input).
    ///   - parameters: The hash, the MGF1 hash and the salt length.
    /// - Returns: The signature, exactly as long as the modulus.
    /// - Throws: `RSAError` with `.invalidPSSParameters` when the key is too short for the
    ///   hash and salt lengths (emLen < hLen + sLen + 2, §9.1.1 step 3), or
    ///   `.signingFailed` when the signature failed its verification or no blinding value
    ///   could be drawn (neither happens with a working machine).
    @inlinable
    public func pssSignature<Message: Sequence, Hash: HashFunction, MaskHash: HashFunction>(
        for message: Message, parameters: RSA.PSSParameters<Hash, MaskHash>
    ) throws(RSAError) -> [UInt8] where Message.Element == UInt8 {
        var generator = SystemRandomNumberGenerator()
        return try pssSignature(forDigest: Hash.hash(data: message), parameters: parameters, using: &generator)
    }

    /// Signs `message` with RSASSA-PSS, drawing the salt from `generator`; see
    /// `pssSignature(for:parameters:)`.
    ///
    /// The salt's bytes are taken from successive `generator.next()` values, least
    /// significant byte first, so a generator with a fixed output gives a fixed signature
    /// (a known-answer test). The blinding value is always drawn from
    /// `SystemRandomNumberGenerator`, never from `generator`.
    ///
    /// - Important: The salt must be unpredictable for PSS's security proof to hold; pass
    ///   a generator of your own only for tests, or when it is a cryptographic one.
    /// - Parameters:
    ///   - message: The bytes to sign.
    ///   - parameters: The hash, the MGF1 hash and the salt length.
    ///   - generator: The source of the salt.
    /// - Returns: The signature, exactly as long as the modulus.
    /// - Throws: As `pssSignature(for:parameters:)`.
    @inlinable
    public func pssSignature<
        Message: Sequence, Hash: HashFunction, MaskHash: HashFunction, Generator: RandomNumberGenerator
    >(
        for message: Message, parameters: RSA.PSSParameters<Hash, MaskHash>, using generator: inout Generator
    ) throws(RSAError) -> [UInt8] where Message.Element == UInt8 {
        try pssSignature(forDigest: Hash.hash(data: message), parameters: parameters, using: &generator)
    }

    /// Signs the message whose digest is `digest` with RSASSA-PSS (mHash = `digest`); see
    /// `pssSignature(for:parameters:)`.
    ///
    /// - Parameters:
    ///   - digest: Hash(M), computed with the parameters' hash function.
    ///   - parameters: The hash, the MGF1 hash and the salt length.
    /// - Returns: The signature, exactly as long as the modulus.
    /// - Throws: As `pssSignature(for:parameters:)`.
    @inlinable
    public func pssSignature<Hash: HashFunction, MaskHash: HashFunction>(
        forDigest digest: Hash.Digest, parameters: RSA.PSSParameters<Hash, MaskHash>
    ) throws(RSAError) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return try pssSignature(forDigest: digest, parameters: parameters, using: &generator)
    }

    /// Signs the message whose digest is `digest` with RSASSA-PSS, drawing the salt from
    /// `generator`; see `pssSignature(for:parameters:using:)`.
    ///
    /// - Parameters:
    ///   - digest: Hash(M), computed with the parameters' hash function.
    ///   - parameters: The hash, the MGF1 hash and the salt length.
    ///   - generator: The source of the salt.
    /// - Returns: The signature, exactly as long as the modulus.
    /// - Throws: As `pssSignature(for:parameters:)`.
    @inlinable
    public func pssSignature<Hash: HashFunction, MaskHash: HashFunction, Generator: RandomNumberGenerator>(
        forDigest digest: Hash.Digest, parameters: RSA.PSSParameters<Hash, MaskHash>, using generator: inout Generator
    ) throws(RSAError) -> [UInt8] {
        let salt = Self.saltBytes(count: parameters.saltByteCount, using: &generator)
        return try signPSS(digest: digest, salt: salt, parameters: parameters)
    }

    /// `count` bytes from `generator`: each `next()` gives eight, least significant first.
    @usableFromInline
    static func saltBytes<Generator: RandomNumberGenerator>(count: Int, using generator: inout Generator) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(0, count))
        var index = 0
        while index < bytes.count {
            var word = generator.next()
            for _ in 0..<8 where index < bytes.count {
                bytes[index] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                index += 1
            }
        }
        return bytes
    }

    /// RSASSA-PSS-SIGN (RFC 8017 §8.1.1) with a given salt.
    @usableFromInline
    func signPSS<Hash: HashFunction, MaskHash: HashFunction>(
        digest: Hash.Digest, salt: [UInt8], parameters: RSA.PSSParameters<Hash, MaskHash>
    ) throws(RSAError) -> [UInt8] {
        // Step 1: EM = EMSA-PSS-ENCODE(M, modBits − 1).
        let encoded = digest.withUnsafeBytes { mHash in
            salt.withUnsafeBytes { saltBytes in
                EMSAPSS.encode(
                    mHash: mHash, salt: saltBytes, emBits: keySizeInBits - 1, hash: Hash.self,
                    maskHash: MaskHash.self)
            }
        }
        guard let encoded else {
            throw RSAError(
                .invalidPSSParameters, "the \(keySizeInBits)-bit modulus is too short for the hash and salt lengths")
        }
        // Steps 2–3: m = OS2IP(EM), s = RSASP1(K, m), S = I2OSP(s, k).
        return try rawSignature(encodedMessage: encoded)
    }
}
