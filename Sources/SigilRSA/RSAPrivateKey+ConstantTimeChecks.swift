import SigilSHA2

// Entry points for Sigil's constant-time check (`sigil-ctgrind`, run by `.ci/ctgrind` under
// valgrind). They run the signing code with secrets that the caller supplies, so that the
// check can take them from memory valgrind sees as undefined. Package-internal: nothing
// here is public API.

extension RSA.PrivateKey {
    /// The number of 64-bit limbs of the modulus n.
    package var modulusLimbCount: Int { publicKey.montgomery.limbCount }

    /// The number of 64-bit limbs of each prime (both are padded to the same count).
    package var primeLimbCount: Int { primeP.limbCount }

    /// base^exponent·R mod p, the secret exponentiation of signing on its own.
    /// - Parameters:
    ///   - montgomeryBase: `primeLimbCount` limbs, the base in Montgomery form.
    ///   - exponent: `exponentLimbCount` limbs, little-endian.
    ///   - exponentLimbCount: At least one.
    /// - Returns: `primeLimbCount` limbs.
    package func exponentiateModuloP(
        montgomeryBase: UnsafePointer<UInt64>, exponent: UnsafePointer<UInt64>, exponentLimbCount: Int
    ) -> [UInt64] {
        var result = [UInt64](repeating: 0, count: primeP.limbCount)
        var scratch = [UInt64](repeating: 0, count: primeP.secretPowerScratchCount)
        var observer = UnobservedExponentiation()
        result.withUnsafeMutableBufferPointer { r in
            scratch.withUnsafeMutableBufferPointer { s in
                primeP.secretPower(
                    r.baseAddress!, montgomeryBase: montgomeryBase, exponent: exponent,
                    exponentLimbCount: exponentLimbCount, scratch: s.baseAddress!, observer: &observer)
            }
        }
        return result
    }

    /// The CRT private operation of signing (`signatureValue`) with every blinding value given: input·factor, both
    /// exponentiations with blinded exponents, Garner's recombination, and the multiplication by `blindingInverse`.
    ///
    /// No verification.
    /// - Parameters:
    ///   - input: `modulusLimbCount` limbs.
    ///   - blindingFactor: `modulusLimbCount` limbs (vᵉ mod n in signing).
    ///   - blindingInverse: `modulusLimbCount` limbs (v⁻¹ mod n in signing).
    ///   - exponentBlindingFactors: r and r′.
    /// - Returns: `modulusLimbCount` limbs.
    package func privateOperation(
        input: UnsafePointer<UInt64>, blindingFactor: UnsafePointer<UInt64>, blindingInverse: UnsafePointer<UInt64>,
        exponentBlindingFactors: (UInt64, UInt64)
    ) -> [UInt64] {
        let k = modulusLimbCount
        let blinding = Blinding(
            factor: BigUInt(limbs: Array(UnsafeBufferPointer(start: blindingFactor, count: k))),
            inverse: BigUInt(limbs: Array(UnsafeBufferPointer(start: blindingInverse, count: k))),
            exponentFactorP: exponentBlindingFactors.0, exponentFactorQ: exponentBlindingFactors.1)
        var observer = UnobservedExponentiation()
        let m = BigUInt(limbs: Array(UnsafeBufferPointer(start: input, count: k)))
        return signatureValue(of: m, blinding: blinding, observer: &observer).limbs
    }

    /// RSASSA-PKCS1-v1_5 signing of a digest as `signature(for:)` does it, verification included, except that the
    /// exponent-blinding factors are the caller's.
    ///
    /// The signature does not depend on them.
    /// - Parameters:
    ///   - digest: A SHA-256, SHA-384 or SHA-512 digest.
    ///   - exponentBlindingFactors: r and r′.
    /// - Returns: The signature.
    /// - Throws: `RSAError` with `.unsupportedHashAlgorithm` or `.signingFailed`, as
    ///   `signature(for:)`.
    package func signature<MessageDigest: Digest>(
        for digest: MessageDigest, exponentBlindingFactors: (UInt64, UInt64)
    ) throws(RSAError) -> [UInt8] {
        guard let prefix = EMSAPKCS1v15.digestInfoPrefix(for: MessageDigest.self) else {
            throw RSAError(.unsupportedHashAlgorithm, "only SHA-256, SHA-384 and SHA-512 digests are supported")
        }
        var generator = SystemRandomNumberGenerator()
        var blinding = try makeBlinding(using: &generator)
        blinding.exponentFactorP = exponentBlindingFactors.0
        blinding.exponentFactorQ = exponentBlindingFactors.1
        return try digest.withUnsafeBytes { (bytes) throws(RSAError) in
            try sign(digest: bytes, digestInfoPrefix: prefix, blinding: blinding)
        }
    }
}
