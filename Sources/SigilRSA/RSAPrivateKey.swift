import SigilDER
import SigilSHA2

extension RSA {
    /// An RSA private key for RSASSA-PKCS1-v1_5 signing (RFC 8017 §8.2.1).
    ///
    /// Read from PEM (`RSA PRIVATE KEY`, PKCS#1; `PRIVATE KEY`, PKCS#8), from DER, or from
    /// the eight integers of a two-prime key (a JWK's `n`, `e`, `d`, `p`, `q`, `dp`, `dq`,
    /// `qi`, RFC 7518 §6.3.2). Validated on construction:
    /// - n, e as for `PublicKey`, with a modulus of at least 2048 bits;
    /// - p and q odd, greater than one, distinct, and p·q = n;
    /// - 0 < d < n, dp = d mod (p−1), dq = d mod (q−1), e·dp ≡ 1 (mod p−1),
    ///   e·dq ≡ 1 (mod q−1);
    /// - 0 < qi < p and q·qi ≡ 1 (mod p).
    ///
    /// ```swift
    /// let key = try RSA.PrivateKey(pemRepresentation: pem)
    /// let signature = try key.signature(for: signingInput, using: SHA256.self)
    /// ```
    ///
    /// Signing uses the CRT with base blinding and constant-time exponentiation; see
    /// `signature(for:using:)` for what that does and does not guarantee.
    ///
    /// - Important: `description` and every error name the problem, never a key value. The
    ///   key's limbs live in ordinary Swift arrays: Swift gives no way to guarantee they are
    ///   wiped from memory when the key is released.
    public struct PrivateKey: Sendable, CustomStringConvertible {
        /// The public half of the key.
        public let publicKey: PublicKey
        /// Montgomery contexts of p and q, both padded to the same limb count kh.
        let primeP: MontgomeryModulus
        let primeQ: MontgomeryModulus
        /// dp = d mod (p−1) and dq = d mod (q−1), kh limbs each.
        let exponentP: [UInt64]
        let exponentQ: [UInt64]
        /// qi = q⁻¹ mod p, kh limbs.
        let coefficient: [UInt64]

        /// The size of the modulus in bits.
        public var keySizeInBits: Int { publicKey.keySizeInBits }

        /// The type and the key size only: no part of the key is printed.
        public var description: String { "RSA.PrivateKey(\(keySizeInBits) bits)" }

        /// A private key from PEM: `-----BEGIN RSA PRIVATE KEY-----` (PKCS#1 RSAPrivateKey, RFC 8017 A.1.2) or
        /// `-----BEGIN PRIVATE KEY-----` (PKCS#8 PrivateKeyInfo, RFC 5208, unencrypted, rsaEncryption).
        ///
        /// Line breaks in the body are allowed.
        /// - Parameter pemRepresentation: The PEM text.
        /// - Throws: `RSAError` with `.invalidPEM`, `.invalidDER`, `.unsupportedKeyType`
        ///   (another algorithm, multi-prime), or the codes of the key checks.
        public init(pemRepresentation: String) throws(RSAError) {
            let components = try readingDER { () throws(DERError) in
                let (der, labelIndex) = try PEMDocument.body(
                    of: pemRepresentation, labels: ["RSA PRIVATE KEY", "PRIVATE KEY"])
                return labelIndex == 0
                    ? try RSAKeyDER.readPKCS1PrivateKey(der) : try RSAKeyDER.readPrivateKey(der, acceptingPKCS1: false)
            }
            try self.init(components)
        }

        /// A private key from DER: PKCS#1 RSAPrivateKey or PKCS#8 PrivateKeyInfo, told apart by their structure.
        ///
        /// The DER must be strict (see `PublicKey.init(derRepresentation:)`).
        /// - Parameter derRepresentation: The encoded key.
        /// - Throws: As `init(pemRepresentation:)`, without `.invalidPEM`.
        public init<Bytes: Collection>(derRepresentation: Bytes) throws(RSAError) where Bytes.Element == UInt8 {
            try self.init(readingDER { () throws(DERError) in try RSAKeyDER.readPrivateKey(Array(derRepresentation)) })
        }

        /// A private key from its eight integers, big-endian (leading zeros allowed): the
        /// decoded members of an RSA private JWK (RFC 7518 §6.3.2) or the fields of PKCS#1.
        ///
        /// - Parameters:
        ///   - modulus: n (JWK `n`), 2048…16384 bits.
        ///   - publicExponent: e (JWK `e`): odd, ≥ 3, < 2³².
        ///   - privateExponent: d (JWK `d`).
        ///   - prime1: p (JWK `p`).
        ///   - prime2: q (JWK `q`).
        ///   - exponent1: d mod (p−1) (JWK `dp`).
        ///   - exponent2: d mod (q−1) (JWK `dq`).
        ///   - coefficient: q⁻¹ mod p (JWK `qi`).
        /// - Throws: `RSAError` with `.invalidModulus`, `.modulusTooShort`,
        ///   `.modulusTooLong`, `.invalidPublicExponent` or `.invalidPrivateKey`.
        public init<Bytes: Collection>(
            modulus: Bytes, publicExponent: Bytes, privateExponent: Bytes, prime1: Bytes, prime2: Bytes,
            exponent1: Bytes, exponent2: Bytes, coefficient: Bytes
        ) throws(RSAError) where Bytes.Element == UInt8 {
            try self.init(
                RSAPrivateKeyComponents(
                    modulus: ArraySlice(modulus), publicExponent: ArraySlice(publicExponent),
                    privateExponent: ArraySlice(privateExponent), prime1: ArraySlice(prime1),
                    prime2: ArraySlice(prime2), exponent1: ArraySlice(exponent1), exponent2: ArraySlice(exponent2),
                    coefficient: ArraySlice(coefficient)))
        }

        init(_ components: RSAPrivateKeyComponents) throws(RSAError) {
            let publicKey = try PublicKey(
                validating: Array(components.modulus), Array(components.publicExponent),
                minimumBits: RSA.minimumModulusBits)
            try Self.checkSecretComponentLengths(components, modulusBits: publicKey.keySizeInBits)
            let n = BigUInt(limbs: publicKey.montgomery.modulus)
            let primes = try Self.primes(components, modulus: n)
            let crt = try Self.crtValues(components, publicExponent: publicKey.exponent, modulus: n, primes: primes)
            self.publicKey = publicKey
            primeP = primes.contextP
            primeQ = primes.contextQ
            exponentP = crt.exponentP
            exponentQ = crt.exponentQ
            coefficient = crt.coefficient
        }

        /// Refuses a secret component wider than n before any arithmetic: a bound on the
        /// work a hostile key file can cause.
        private static func checkSecretComponentLengths(
            _ components: RSAPrivateKeyComponents, modulusBits: Int
        ) throws(RSAError) {
            let maximumByteCount = (modulusBits + 7) / 8
            for field in [
                components.privateExponent, components.prime1, components.prime2, components.exponent1,
                components.exponent2, components.coefficient,
            ] where field.drop(while: { $0 == 0 }).count > maximumByteCount {
                throw RSAError(.invalidPrivateKey, "a private key component is longer than the modulus")
            }
        }

        /// p and q, both padded to the same limb count kh, with their Montgomery contexts.
        private struct Primes {
            let p: BigUInt
            let q: BigUInt
            let contextP: MontgomeryModulus
            let contextQ: MontgomeryModulus
            var limbCount: Int { contextP.limbCount }
        }

        /// Checks that p and q are odd, greater than one, distinct, and that p·q = n.
        private static func primes(
            _ components: RSAPrivateKeyComponents, modulus n: BigUInt
        ) throws(RSAError) -> Primes {
            let p = BigUInt(bigEndianBytes: components.prime1)
            let q = BigUInt(bigEndianBytes: components.prime2)
            guard p.isOdd, q.isOdd, p.bitWidth > 1, q.bitWidth > 1 else {
                throw RSAError(.invalidPrivateKey, "the primes must be odd and greater than one")
            }
            let halfLimbs = max(p.limbs.count, q.limbs.count)
            let pWide = p.resized(to: halfLimbs)
            let qWide = q.resized(to: halfLimbs)
            guard 2 * halfLimbs >= n.limbs.count, let contextP = MontgomeryModulus(pWide),
                let contextQ = MontgomeryModulus(qWide)
            else {
                throw RSAError(.invalidPrivateKey, "the primes do not match the modulus size")
            }
            guard BigUInt.constantTimeEquals(BigUInt.product(pWide, qWide), n) else {
                throw RSAError(.invalidPrivateKey, "p·q is not the modulus")
            }
            guard !BigUInt.constantTimeEquals(pWide, qWide) else {
                throw RSAError(.invalidPrivateKey, "p and q are equal")
            }
            return Primes(p: pWide, q: qWide, contextP: contextP, contextQ: contextQ)
        }

        /// Checks d, dp, dq and qi against each other and against e, p and q, and returns
        /// dp, dq and qi in kh limbs each.
        private static func crtValues(
            _ components: RSAPrivateKeyComponents, publicExponent: UInt64, modulus n: BigUInt, primes: Primes
        ) throws(RSAError) -> (exponentP: [UInt64], exponentQ: [UInt64], coefficient: [UInt64]) {
            let halfLimbs = primes.limbCount
            let d = BigUInt(bigEndianBytes: components.privateExponent).resized(to: n.limbs.count)
            guard !d.isZero, BigUInt.compare(d, n) < 0 else {
                throw RSAError(.invalidPrivateKey, "the private exponent is out of range")
            }
            let e = BigUInt(limbs: [publicExponent])
            let dp = BigUInt(bigEndianBytes: components.exponent1).resized(to: halfLimbs + 1)
            let dq = BigUInt(bigEndianBytes: components.exponent2).resized(to: halfLimbs + 1)
            let qi = BigUInt(bigEndianBytes: components.coefficient).resized(to: halfLimbs + 1)
            let pMinusOne = primes.p.decremented()
            let qMinusOne = primes.q.decremented()
            let one = BigUInt(limbs: [1])
            // dp = d mod (p−1), dq = d mod (q−1): the CRT exponents belong to d.
            guard BigUInt.constantTimeEquals(d.remainder(dividingBy: pMinusOne), dp),
                BigUInt.constantTimeEquals(d.remainder(dividingBy: qMinusOne), dq)
            else {
                throw RSAError(.invalidPrivateKey, "the CRT exponents do not match the private exponent")
            }
            // e·dp ≡ 1 (mod p−1) and e·dq ≡ 1 (mod q−1): d inverts e, so signatures verify.
            guard BigUInt.constantTimeEquals(BigUInt.product(dp, e).remainder(dividingBy: pMinusOne), one),
                BigUInt.constantTimeEquals(BigUInt.product(dq, e).remainder(dividingBy: qMinusOne), one)
            else {
                throw RSAError(.invalidPrivateKey, "the private exponent does not invert the public exponent")
            }
            // 0 < qi < p and q·qi ≡ 1 (mod p).
            guard !qi.isZero, BigUInt.compare(qi, primes.p) < 0,
                BigUInt.constantTimeEquals(BigUInt.product(primes.q, qi).remainder(dividingBy: primes.p), one)
            else {
                throw RSAError(.invalidPrivateKey, "the CRT coefficient is not q⁻¹ mod p")
            }
            return (
                dp.resized(to: halfLimbs).limbs, dq.resized(to: halfLimbs).limbs, qi.resized(to: halfLimbs).limbs
            )
        }
    }
}
