import SigilConstantTime
import SigilSHA2

// RSASSA-PKCS1-v1_5 signing (RFC 8017 §8.2.1) with the CRT (§5.1.2 step 2b), base and
// exponent blinding, constant-time exponentiation, and verification of each signature.

extension RSA.PrivateKey {
    /// Signs `message` with RSASSA-PKCS1-v1_5 (RFC 8017 §8.2.1), hashing it with `Hash`.
    ///
    /// PKCS#1 v1.5 signatures are deterministic: the same key and message always give the same bytes.
    ///
    /// ```swift
    /// // JWS RS256 (RFC 7518 §3.3).
    /// let signature = try privateKey.signature(for: signingInput, using: SHA256.self)
    /// ```
    ///
    /// How it is computed:
    /// 1. EM = EMSA-PKCS1-v1_5(Hash(message)) (§9.2), as an integer m < n.
    /// 2. Base blinding: a fresh random v in [1, n) from `SystemRandomNumberGenerator`;
    ///    m′ = m·vᵉ mod n, so the secret exponentiation never sees m itself.
    /// 3. Exponent blinding: fresh random 64-bit r and r′; dp′ = dp + r·(p−1) and
    ///    dq′ = dq + r′·(q−1), which give the same results as dp and dq (Fermat), so that
    ///    the exponent bits an observer could see differ in every signature.
    /// 4. CRT: s_p = m′^dp′ mod p and s_q = m′^dq′ mod q, each a fixed-window
    ///    exponentiation over all limbs of the exponent, whose table lookup reads the whole
    ///    (interleaved) table and keeps one entry with masks, and whose Montgomery
    ///    multiplications end with a masked subtraction; then Garner's recombination
    ///    s′ = s_q + q·(qi·(s_p − s_q) mod p), with a masked modular subtraction. Every mask
    ///    passes through an optimisation barrier (`valueBarrier`), so that the optimiser
    ///    cannot turn a masked select into a branch.
    /// 5. Unblinding: s = s′·v⁻¹ mod n. (v⁻¹ is computed as b·(v·b)⁻¹ for another random b,
    ///    so the variable-time inversion only ever sees a random product.)
    /// 6. The signature is verified with the public key (sᵉ mod n = m); on a mismatch (a
    ///    fault) no signature is returned.
    ///
    /// - Important: What is checked, and what is not. CI runs steps 3–5 of the release
    ///   build under valgrind with the exponents, the base and the blinding values taken
    ///   from undefined memory (`.ci/ctgrind`), and fails on any branch or memory address
    ///   that depends on them. That holds for the machine code of that compiler on x86-64;
    ///   it says nothing of other architectures or later compilers (the Swift language has
    ///   no constant-time guarantee, the barrier is a non-inlined, non-optimised function),
    ///   nor of instruction timing: the 64×64→128 multiply is assumed to take the same time
    ///   for all operands, as on current x86-64 and ARM64 cores, and nothing controls
    ///   frequency scaling or other microarchitectural state. The primes p and q are not
    ///   themselves undefined in the check (the key is an ordinary key), and secret limbs
    ///   live in Swift arrays that are not wiped when released. Blinding of the base and of
    ///   the exponent is the second line of defence against what the check cannot see.
    /// - Parameters:
    ///   - message: The bytes to sign (for a JWS, the ASCII signing input).
    ///   - hash: `SHA256.self`, `SHA384.self` or `SHA512.self` (RS256, RS384, RS512).
    /// - Returns: The signature, exactly as long as the modulus.
    /// - Throws: `RSAError` with `.unsupportedHashAlgorithm` for a hash function other than
    ///   SHA-256, SHA-384 and SHA-512 (see `signature(for:)`), or `.signingFailed` if the
    ///   signature failed its verification or no blinding value could be drawn; neither
    ///   happens with a working machine.
    @inlinable
    public func signature<Message: Sequence, Hash: HashFunction>(
        for message: Message, using hash: Hash.Type
    ) throws(RSAError) -> [UInt8] where Message.Element == UInt8 {
        try signature(for: Hash.hash(data: message))
    }

    /// Signs the message whose digest is `digest` with RSASSA-PKCS1-v1_5 (RFC 8017 §8.2.1); the digest's type names the
    /// hash function.
    ///
    /// See `signature(for:using:)` for how the signature is computed.
    ///
    /// ```swift
    /// let signature = try privateKey.signature(for: SHA512.hash(data: signingInput))   // RS512
    /// ```
    ///
    /// The DigestInfo of the encoding (RFC 8017 §9.2, note 1) names the hash by its object
    /// identifier, which is known for `SHA256Digest`, `SHA384Digest` and `SHA512Digest`.
    ///
    /// - Parameter digest: The digest of the message to sign.
    /// - Returns: The signature, exactly as long as the modulus.
    /// - Throws: `RSAError` with `.unsupportedHashAlgorithm` for a digest of any other type,
    ///   or `.signingFailed` (see `signature(for:using:)`).
    @inlinable
    public func signature<MessageDigest: Digest>(for digest: MessageDigest) throws(RSAError) -> [UInt8] {
        guard let prefix = EMSAPKCS1v15.digestInfoPrefix(for: MessageDigest.self) else {
            throw RSAError(.unsupportedHashAlgorithm, "only SHA-256, SHA-384 and SHA-512 digests are supported")
        }
        return try digest.withUnsafeBytes { (bytes) throws(RSAError) in
            try sign(digest: bytes, digestInfoPrefix: prefix)
        }
    }

    /// RSASSA-PKCS1-V1_5-SIGN on a digest: the non-generic core.
    @usableFromInline
    func sign(digest: UnsafeRawBufferPointer, digestInfoPrefix: [UInt8]) throws(RSAError) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let blinding = try makeBlinding(using: &generator)
        return try sign(digest: digest, digestInfoPrefix: digestInfoPrefix, blinding: blinding)
    }

    /// RSASSA-PKCS1-V1_5-SIGN on a digest with the given blinding values (steps 1 and 4–6
    /// of `signature(for:using:)`).
    func sign(
        digest: UnsafeRawBufferPointer, digestInfoPrefix: [UInt8], blinding: Blinding
    ) throws(RSAError) -> [UInt8] {
        // Step 1: EM = EMSA-PKCS1-V1_5-ENCODE(M, k).
        guard
            let encoded = EMSAPKCS1v15.encode(
                digest: digest, digestInfoPrefix: digestInfoPrefix, byteCount: publicKey.modulusByteCount)
        else {
            throw RSAError(.signingFailed, "the digest does not fit the modulus")
        }
        // Steps 2–3: m = OS2IP(EM), s = RSASP1(K, m), S = I2OSP(s, k).
        return try rawSignature(encodedMessage: encoded, blinding: blinding)
    }

    /// I2OSP(RSASP1(K, OS2IP(encodedMessage)), k) (RFC 8017 §5.2.1) with fresh blinding
    /// values from `SystemRandomNumberGenerator`; see `rawSignature(encodedMessage:blinding:)`.
    func rawSignature(encodedMessage: [UInt8]) throws(RSAError) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let blinding = try makeBlinding(using: &generator)
        return try rawSignature(encodedMessage: encodedMessage, blinding: blinding)
    }

    /// I2OSP(RSASP1(K, OS2IP(encodedMessage)), k) (RFC 8017 §5.2.1) with the given blinding
    /// values: the private operation (blinding, CRT, constant-time exponentiation) and its
    /// verification, shared by RSASSA-PKCS1-v1_5 and RSASSA-PSS signing.
    /// - Throws: `RSAError` with `.signingFailed` when `encodedMessage` is not below the
    ///   modulus or the signature does not verify (a fault).
    func rawSignature(encodedMessage: [UInt8], blinding: Blinding) throws(RSAError) -> [UInt8] {
        let n = BigUInt(limbs: publicKey.montgomery.modulus)
        guard let m = BigUInt(bigEndianBytes: encodedMessage, limbCount: publicKey.montgomery.limbCount),
            BigUInt.compare(m, n) < 0
        else {
            throw RSAError(.signingFailed, "the encoded message does not fit the modulus")
        }
        var observer = UnobservedExponentiation()
        let s = signatureValue(of: m, blinding: blinding, observer: &observer)
        // Fault check: the signature must verify before it leaves (sᵉ mod n = m).
        let recovered = publicKey.montgomery.publicPower(s.limbs, exponent: publicKey.exponent)
        guard BigUInt.constantTimeEquals(BigUInt(limbs: recovered), m) else {
            throw RSAError(.signingFailed, "the signature did not verify")
        }
        return s.bigEndianBytes(count: publicKey.modulusByteCount)
    }

    /// The blinding values of one signature: vᵉ mod n and v⁻¹ mod n for a fresh random v,
    /// and the factors r, r′ of the exponent blinding dp + r·(p−1), dq + r′·(q−1).
    struct Blinding {
        var factor: BigUInt  // vᵉ mod n
        var inverse: BigUInt  // v⁻¹ mod n
        var exponentFactorP: UInt64  // r
        var exponentFactorQ: UInt64  // r′
    }

    /// Draws v and b uniformly from [1, n) by rejection, computes v⁻¹ = b·(v·b)⁻¹, then
    /// draws the 64-bit exponent-blinding factors r and r′.
    ///
    /// Each value is drawn by its own rejection loop (see `randomBelow`), so a modulus
    /// whose top bits make rejections likely costs more draws, never a failure. The inverse
    /// of v·b exists unless it shares a prime with n, which a uniform draw hits with
    /// probability about 2/√n; a few fresh pairs cover that.
    func makeBlinding<Generator: RandomNumberGenerator>(using generator: inout Generator) throws(RSAError) -> Blinding {
        let n = BigUInt(limbs: publicKey.montgomery.modulus)
        let montgomery = publicKey.montgomery
        for _ in 0..<4 {
            let v = try randomBelow(n, using: &generator)
            let b = try randomBelow(n, using: &generator)
            let product = montgomery.multiply(montgomery.multiply(v.limbs, montgomery.rSquared), b.limbs)  // v·b
            guard let productInverse = montgomery.inverse(of: product) else { continue }
            let inverse = montgomery.multiply(montgomery.multiply(productInverse, montgomery.rSquared), b.limbs)
            let factor = montgomery.publicPower(v.limbs, exponent: publicKey.exponent)
            return Blinding(
                factor: BigUInt(limbs: factor), inverse: BigUInt(limbs: inverse), exponentFactorP: generator.next(),
                exponentFactorQ: generator.next())
        }
        throw RSAError(.signingFailed, "no invertible blinding value could be drawn")
    }

    /// The most draws `randomBelow` makes.
    ///
    /// A draw is masked to n's bit length, so it is accepted with probability above 1/2; 256 rejections in a row
    /// (probability below 2⁻²⁵⁶) mean a broken generator, and signing fails closed.
    static let maximumRandomDraws = 256

    /// A uniform value in [1, n), by rejection sampling.
    func randomBelow<Generator: RandomNumberGenerator>(
        _ n: BigUInt, using generator: inout Generator
    ) throws(RSAError) -> BigUInt {
        let top = n.limbs[n.limbs.count - 1]
        var limbs = [UInt64](repeating: 0, count: n.limbs.count)
        for _ in 0..<Self.maximumRandomDraws {
            for index in 0..<limbs.count { limbs[index] = generator.next() }
            limbs[limbs.count - 1] &= UInt64.max >> UInt64(top.leadingZeroBitCount)
            let value = BigUInt(limbs: limbs)
            if !value.isZero && BigUInt.compare(value, n) < 0 { return value }
        }
        throw RSAError(.signingFailed, "the random number generator produced no value below the modulus")
    }

    /// s = m^d mod n through blinding and the CRT (steps 2–5 of `signature(for:using:)`): the raw private operation,
    /// without the verification.
    ///
    /// `observer` sees both secret exponentiations.
    func signatureValue<Observer: ExponentiationObserver>(
        of m: BigUInt, blinding: Blinding, observer: inout Observer
    ) -> BigUInt {
        let nContext = publicKey.montgomery
        let kn = nContext.limbCount
        let kh = primeP.limbCount
        // m′ = m·vᵉ mod n.
        let blinded = nContext.multiply(nContext.multiply(m.limbs, nContext.rSquared), blinding.factor.limbs)

        var wide = [UInt64](repeating: 0, count: 2 * kh)
        var sP = [UInt64](repeating: 0, count: kh)
        var sQ = [UInt64](repeating: 0, count: kh)
        var scratch = [UInt64](repeating: 0, count: primeP.secretPowerScratchCount + kh)
        let montgomeryP = reducedBase(blinded, context: primeP, wide: &wide)
        let montgomeryQ = reducedBase(blinded, context: primeQ, wide: &wide)
        // dp′ = dp + r·(p−1), dq′ = dq + r′·(q−1), kh + 1 limbs each.
        let blindedP = MontgomeryModulus.blindedExponent(
            exponentP, factor: blinding.exponentFactorP, prime: primeP.modulus)
        let blindedQ = MontgomeryModulus.blindedExponent(
            exponentQ, factor: blinding.exponentFactorQ, prime: primeQ.modulus)
        // s_p·R mod p and s_q·R mod q.
        exponentiate(montgomeryP, blindedP, context: primeP, into: &sP, scratch: &scratch, observer: &observer)
        exponentiate(montgomeryQ, blindedQ, context: primeQ, into: &sQ, scratch: &scratch, observer: &observer)

        // Garner: h = qi·(s_p − s_q) mod p, s′ = s_q + q·h.
        var plainOne = [UInt64](repeating: 0, count: kh)
        plainOne[0] = 1
        let sQPlain = primeQ.multiply(sQ, plainOne)  // s_q < q
        let sQInP = primeP.multiply(sQPlain, primeP.rSquared)  // (s_q mod p)·R; s_q < R
        var difference = sP
        difference.withUnsafeMutableBufferPointer { a in
            sQInP.withUnsafeBufferPointer { b in
                primeP.modulus.withUnsafeBufferPointer { p in
                    MontgomeryModulus.subtractModulo(a.baseAddress!, b.baseAddress!, modulus: p.baseAddress!, count: kh)
                }
            }
        }
        let h = primeP.multiply(difference, coefficient)  // (s_p − s_q)·qi mod p, plain
        let qh = BigUInt.product(BigUInt(limbs: primeQ.modulus), BigUInt(limbs: h))  // 2kh limbs, < n
        var recombined = qh.limbs
        var carry: UInt64 = 0
        for index in 0..<recombined.count {
            (recombined[index], carry) = addWithCarry(recombined[index], index < kh ? sQPlain[index] : 0, carry)
        }
        let unblindedInput = BigUInt(limbs: recombined).resized(to: kn)  // s′ < n fits in kn limbs
        // s = s′·v⁻¹ mod n.
        let s = nContext.multiply(nContext.multiply(unblindedInput.limbs, nContext.rSquared), blinding.inverse.limbs)
        return BigUInt(limbs: s)
    }

    /// x·R mod p for x < n = p·q (kn ≤ 2kh limbs): REDC(x) = x·R⁻¹, then ·R³·R⁻¹.
    private func reducedBase(_ x: [UInt64], context: MontgomeryModulus, wide: inout [UInt64]) -> [UInt64] {
        let kh = context.limbCount
        for index in 0..<wide.count { wide[index] = index < x.count ? x[index] : 0 }
        var reduced = [UInt64](repeating: 0, count: kh)
        context.modulus.withUnsafeBufferPointer { n in
            wide.withUnsafeMutableBufferPointer { w in
                reduced.withUnsafeMutableBufferPointer { r in
                    MontgomeryModulus.reduce(
                        r.baseAddress!, wide: w.baseAddress!, modulus: n.baseAddress!, inverse: context.inverse,
                        count: kh)
                }
            }
        }
        return context.multiply(reduced, context.rCubed)
    }

    private func exponentiate<Observer: ExponentiationObserver>(
        _ base: [UInt64], _ exponent: [UInt64], context: MontgomeryModulus, into result: inout [UInt64],
        scratch: inout [UInt64], observer: inout Observer
    ) {
        base.withUnsafeBufferPointer { x in
            exponent.withUnsafeBufferPointer { e in
                result.withUnsafeMutableBufferPointer { r in
                    scratch.withUnsafeMutableBufferPointer { s in
                        context.secretPower(
                            r.baseAddress!, montgomeryBase: x.baseAddress!, exponent: e.baseAddress!,
                            exponentLimbCount: e.count, scratch: s.baseAddress!, observer: &observer)
                    }
                }
            }
        }
    }
}

extension MontgomeryModulus {
    /// The blinded CRT exponent d + r·(p−1), one limb wider than p (RSA exponent blinding, as proposed in Kocher's 1996
    /// timing-attack paper).
    ///
    /// It gives the same power modulo p as d: x^(p−1) ≡ 1 (mod p) for x coprime to p, and both powers are 0 for x ≡ 0.
    ///
    /// p is odd, so p − 1 is p with its lowest bit cleared; the product and the sum run the
    /// same instructions for any values.
    /// - Parameters:
    ///   - exponent: d, as many limbs as `prime`.
    ///   - factor: r, a fresh random 64-bit value.
    ///   - prime: p, odd.
    /// - Returns: d + r·(p−1) < 2⁶⁴·p, in `prime.count + 1` limbs.
    static func blindedExponent(_ exponent: [UInt64], factor: UInt64, prime: [UInt64]) -> [UInt64] {
        let k = prime.count
        var result = [UInt64](repeating: 0, count: k + 1)
        var carry: UInt64 = 0
        for index in 0..<k {
            let primeMinusOneLimb = index == 0 ? prime[0] ^ 1 : prime[index]
            (result[index], carry) = multiplyAdd(primeMinusOneLimb, factor, exponent[index], carry)
        }
        result[k] = carry
        return result
    }
}
