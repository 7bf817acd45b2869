import SigilSHA2

// RSASSA-PSS verification (RFC 8017 §8.1.2) with EMSA-PSS (§9.1.2) and MGF1 (§B.2.1).

extension RSA.PublicKey {
    /// Whether `signature` is a valid RSASSA-PSS signature of `message` (RFC 8017 §8.1.2)
    /// with the given parameters; the message is hashed with `Hash`.
    ///
    /// ```swift
    /// // JWS PS256 (RFC 7518 §3.5).
    /// guard key.isValidPSSSignature(signature, for: signingInput, parameters: .jws(SHA256.self)) else { … }
    /// ```
    ///
    /// The signature must be exactly as long as the modulus and, as an integer, smaller
    /// than it. The value recovered with the public key must fit emLen = ⌈(modBits − 1) / 8⌉
    /// bytes, and then pass every check of EMSA-PSS-VERIFY (§9.1.2): the 0xbc trailer, the
    /// cleared leftmost bits, the all-zero padding, the 0x01 separator where the salt length
    /// puts it, and the hash of M′. A PKCS#1 v1.5 signature never verifies here, nor a PSS
    /// signature through `isValidSignature(_:for:using:)`.
    ///
    /// - Parameters:
    ///   - signature: The signature bytes (for a JWS, the decoded third segment).
    ///   - message: The signed bytes (for a JWS, the ASCII signing input).
    ///   - parameters: The hash, the MGF1 hash and the salt length.
    /// - Returns: `true` only for a valid signature; `false` also when the key is too short
    ///   for the parameters.
    @inlinable
    public func isValidPSSSignature<Signature: Sequence, Message: Sequence, Hash: HashFunction, MaskHash: HashFunction>(
        _ signature: Signature, for message: Message, parameters: RSA.PSSParameters<Hash, MaskHash>
    ) -> Bool where Signature.Element == UInt8, Message.Element == UInt8 {
        isValidPSSSignature(signature, forDigest: Hash.hash(data: message), parameters: parameters)
    }

    /// Whether `signature` is a valid RSASSA-PSS signature of the message whose digest is
    /// `digest` (RFC 8017 §8.1.2, with mHash = `digest`); see
    /// `isValidPSSSignature(_:for:parameters:)`.
    ///
    /// - Parameters:
    ///   - signature: The signature bytes.
    ///   - digest: Hash(M), computed with the parameters' hash function.
    ///   - parameters: The hash, the MGF1 hash and the salt length.
    /// - Returns: `true` only for a valid signature.
    @inlinable
    public func isValidPSSSignature<Signature: Sequence, Hash: HashFunction, MaskHash: HashFunction>(
        _ signature: Signature, forDigest digest: Hash.Digest, parameters: RSA.PSSParameters<Hash, MaskHash>
    ) -> Bool where Signature.Element == UInt8 {
        // Copy at most one byte more than a valid signature has: a longer one is rejected by
        // length, whatever its size.
        let bytes = Array(signature.prefix(modulusByteCount + 1))
        return bytes.withUnsafeBytes { signatureBytes in
            digest.withUnsafeBytes { digestBytes in
                verifyPSS(signature: signatureBytes, digest: digestBytes, parameters: parameters)
            }
        }
    }

    /// RSASSA-PSS-VERIFY (RFC 8017 §8.1.2) on raw buffers.
    @usableFromInline
    func verifyPSS<Hash: HashFunction, MaskHash: HashFunction>(
        signature: UnsafeRawBufferPointer, digest: UnsafeRawBufferPointer, parameters: RSA.PSSParameters<Hash, MaskHash>
    ) -> Bool {
        let emBits = keySizeInBits - 1
        guard var encoded = pssEncodedMessage(signature: signature, emBits: emBits) else { return false }
        // Step 3: EMSA-PSS-VERIFY(M, EM, modBits − 1).
        return encoded.withUnsafeMutableBytes { em in
            EMSAPSS.verify(
                mHash: digest, encoded: em, emBits: emBits, saltByteCount: parameters.saltByteCount,
                hash: Hash.self, maskHash: MaskHash.self)
        }
    }

    /// Steps 1–2 of RSASSA-PSS-VERIFY: EM = I2OSP(RSAVP1(OS2IP(S)), emLen), or nil when
    /// the signature is not k bytes long, is not below n (§5.2.2 step 1), or the recovered
    /// integer does not fit emLen bytes (I2OSP's "integer too large", §4.1).
    func pssEncodedMessage(signature: UnsafeRawBufferPointer, emBits: Int) -> [UInt8]? {
        // Step 1: the signature has exactly k bytes.
        let byteCount = modulusByteCount
        guard signature.count == byteCount else { return nil }
        // Step 2a–2b: s = OS2IP(S) < n, m = s^e mod n.
        let n = BigUInt(limbs: montgomery.modulus)
        guard let s = BigUInt(bigEndianBytes: signature, limbCount: montgomery.limbCount),
            BigUInt.compare(s, n) < 0
        else { return nil }
        let m = BigUInt(limbs: montgomery.publicPower(s.limbs, exponent: exponent))
        // Step 2c: EM = I2OSP(m, emLen). emLen is k or k − 1; in the latter case the top
        // byte of the k-byte value must be zero.
        let emLen = EMSAPSS.encodedByteCount(emBits: emBits)
        let full = m.bigEndianBytes(count: byteCount)
        for index in 0..<(byteCount - emLen) where full[index] != 0 {
            return nil
        }
        return Array(full[(byteCount - emLen)...])
    }
}
