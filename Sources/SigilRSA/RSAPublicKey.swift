import SigilDER
import SigilSHA2

extension RSA {
    /// An RSA public key for verifying RSASSA-PKCS1-v1_5 signatures (RFC 8017 §8.2.2).
    ///
    /// Made from a JWK's `n` and `e`, from DER (SubjectPublicKeyInfo or PKCS#1
    /// RSAPublicKey), or from PEM (`PUBLIC KEY` or `RSA PUBLIC KEY`). The Montgomery
    /// constants of the modulus are computed once, here, so each verification costs one
    /// exponentiation by e.
    ///
    /// ```swift
    /// let key = try RSA.PublicKey(pemRepresentation: pem)
    /// guard key.isValidSignature(signature, for: signingInput, using: SHA256.self) else { … }
    /// ```
    ///
    /// Checks made by every initialiser:
    /// - the modulus is odd and greater than one, and has 2048…16384 bits (1024…16384 with
    ///   the `unsafe…` initialisers);
    /// - the public exponent is odd, at least 3 and below 2³² (`RSA.publicExponentBound`).
    ///
    /// - Important: Keys shorter than 2048 bits are breakable or close to it; accept them
    ///   only for legacy interoperability, through the `unsafe…` initialisers.
    public struct PublicKey: Sendable, Hashable, CustomStringConvertible {
        let montgomery: MontgomeryModulus
        let exponent: UInt64
        @usableFromInline
        let modulusByteCount: Int
        /// The size of the modulus in bits.
        public let keySizeInBits: Int

        /// A public key from the big-endian bytes of its modulus and exponent (a JWK's decoded `n` and `e`,
        /// RFC 7518 §6.3.1).
        ///
        /// Leading zero bytes are accepted.
        ///
        /// - Parameters:
        ///   - modulus: n, big-endian, 2048…16384 bits.
        ///   - publicExponent: e, big-endian: odd, ≥ 3, < 2³².
        /// - Throws: `RSAError` with `.invalidModulus`, `.modulusTooShort`,
        ///   `.modulusTooLong` or `.invalidPublicExponent`.
        public init<Modulus: Collection, Exponent: Collection>(
            modulus: Modulus, publicExponent: Exponent
        ) throws(RSAError) where Modulus.Element == UInt8, Exponent.Element == UInt8 {
            try self.init(
                validating: Array(modulus), Array(publicExponent), minimumBits: RSA.minimumModulusBits)
        }

        /// A public key from modulus and exponent bytes that also accepts a 1024…2047-bit
        /// modulus.
        ///
        /// - Important: Use only to verify legacy signatures; see `init(modulus:publicExponent:)`.
        /// - Throws: As `init(modulus:publicExponent:)`, with a 1024-bit minimum.
        public init<Modulus: Collection, Exponent: Collection>(
            unsafeModulus modulus: Modulus, publicExponent: Exponent
        ) throws(RSAError) where Modulus.Element == UInt8, Exponent.Element == UInt8 {
            try self.init(
                validating: Array(modulus), Array(publicExponent), minimumBits: RSA.minimumUnsafeModulusBits)
        }

        /// A public key from DER: a SubjectPublicKeyInfo with the rsaEncryption algorithm
        /// (RFC 5280 §4.1.2.7, RFC 3279 §2.3.1) or a PKCS#1 RSAPublicKey (RFC 8017 A.1.1).
        ///
        /// The DER must be strict: minimal lengths and integers, non-negative integers, NULL
        /// algorithm parameters, no trailing bytes.
        /// - Parameter derRepresentation: The encoded key.
        /// - Throws: `RSAError` with `.invalidDER`, `.unsupportedKeyType` (another
        ///   algorithm), or any of the key checks' codes.
        public init<Bytes: Collection>(derRepresentation: Bytes) throws(RSAError) where Bytes.Element == UInt8 {
            let (modulus, exponent) = try readingDER { () throws(DERError) in
                try RSAKeyDER.readPublicKey(Array(derRepresentation))
            }
            try self.init(validating: Array(modulus), Array(exponent), minimumBits: RSA.minimumModulusBits)
        }

        /// A public key from DER that also accepts a 1024…2047-bit modulus.
        ///
        /// - Important: Use only to verify legacy signatures; see `init(derRepresentation:)`.
        /// - Throws: As `init(derRepresentation:)`, with a 1024-bit minimum.
        public init<Bytes: Collection>(unsafeDERRepresentation derRepresentation: Bytes) throws(RSAError)
        where Bytes.Element == UInt8 {
            let (modulus, exponent) = try readingDER { () throws(DERError) in
                try RSAKeyDER.readPublicKey(Array(derRepresentation))
            }
            try self.init(validating: Array(modulus), Array(exponent), minimumBits: RSA.minimumUnsafeModulusBits)
        }

        /// A public key from PEM: `-----BEGIN PUBLIC KEY-----` (SubjectPublicKeyInfo) or
        /// `-----BEGIN RSA PUBLIC KEY-----` (PKCS#1), RFC 7468.
        ///
        /// Line breaks (LF or CRLF) in the body are allowed; only whitespace may surround the block.
        /// - Parameter pemRepresentation: The PEM text.
        /// - Throws: `RSAError` with `.invalidPEM`, then as `init(derRepresentation:)`.
        public init(pemRepresentation: String) throws(RSAError) {
            try self.init(pem: pemRepresentation, minimumBits: RSA.minimumModulusBits)
        }

        /// A public key from PEM that also accepts a 1024…2047-bit modulus.
        ///
        /// - Important: Use only to verify legacy signatures; see `init(pemRepresentation:)`.
        /// - Throws: As `init(pemRepresentation:)`, with a 1024-bit minimum.
        public init(unsafePEMRepresentation pemRepresentation: String) throws(RSAError) {
            try self.init(pem: pemRepresentation, minimumBits: RSA.minimumUnsafeModulusBits)
        }

        private init(pem: String, minimumBits: Int) throws(RSAError) {
            let components = try readingDER { () throws(DERError) in
                let (der, labelIndex) = try PEMDocument.body(of: pem, labels: ["PUBLIC KEY", "RSA PUBLIC KEY"])
                return labelIndex == 0
                    ? try RSAKeyDER.readPublicKey(der, acceptingPKCS1: false) : try RSAKeyDER.readPKCS1PublicKey(der)
            }
            try self.init(
                validating: Array(components.modulus), Array(components.publicExponent), minimumBits: minimumBits)
        }

        init(validating modulusBytes: [UInt8], _ exponentBytes: [UInt8], minimumBits: Int) throws(RSAError) {
            let (modulus, exponent) = try PublicKey.validate(
                modulus: modulusBytes, publicExponent: exponentBytes, minimumBits: minimumBits)
            guard let montgomery = MontgomeryModulus(modulus) else {
                throw RSAError(.invalidModulus, "the modulus must be odd and greater than one")
            }
            self.montgomery = montgomery
            self.exponent = exponent
            keySizeInBits = modulus.bitWidth
            modulusByteCount = (keySizeInBits + 7) / 8
        }

        /// Checks n and e and returns them as a minimal-width integer and a `UInt64`.
        static func validate(
            modulus modulusBytes: [UInt8], publicExponent exponentBytes: [UInt8], minimumBits: Int
        ) throws(RSAError) -> (BigUInt, UInt64) {
            let significantModulusBytes = modulusBytes.drop { $0 == 0 }
            guard significantModulusBytes.count <= RSA.maximumModulusBits / 8 else {
                throw RSAError(.modulusTooLong, "the modulus is longer than \(RSA.maximumModulusBits) bits")
            }
            let modulus = BigUInt(bigEndianBytes: significantModulusBytes)
            guard modulus.isOdd, modulus.bitWidth > 1 else {
                throw RSAError(.invalidModulus, "the modulus must be odd and greater than one")
            }
            guard modulus.bitWidth >= minimumBits else {
                throw RSAError(
                    .modulusTooShort, "the modulus has \(modulus.bitWidth) bits; at least \(minimumBits) required")
            }
            guard modulus.bitWidth <= RSA.maximumModulusBits else {
                throw RSAError(.modulusTooLong, "the modulus is longer than \(RSA.maximumModulusBits) bits")
            }
            guard !ROCAFingerprint.matches(modulus: significantModulusBytes) else {
                throw RSAError(
                    .invalidModulus,
                    "the modulus has the ROCA fingerprint (CVE-2017-15361): it was made by a generator whose keys "
                        + "can be factored")
            }
            let significantExponentBytes = exponentBytes.drop { $0 == 0 }
            guard significantExponentBytes.count <= 8 else {
                throw RSAError(.invalidPublicExponent, "the public exponent must be below 2^32")
            }
            var exponent: UInt64 = 0
            for byte in significantExponentBytes { exponent = (exponent << 8) | UInt64(byte) }
            guard exponent < RSA.publicExponentBound else {
                throw RSAError(.invalidPublicExponent, "the public exponent must be below 2^32")
            }
            guard exponent & 1 == 1, exponent >= 3 else {
                throw RSAError(.invalidPublicExponent, "the public exponent must be odd and at least 3")
            }
            return (modulus, exponent)
        }

        // MARK: - Properties

        /// The modulus n, big-endian, without leading zeros (a JWK's `n` before base64url).
        public var modulus: [UInt8] { BigUInt(limbs: montgomery.modulus).minimalBigEndianBytes }

        /// The public exponent e, big-endian, without leading zeros (a JWK's `e`).
        public var publicExponent: [UInt8] { BigUInt(limbs: [exponent]).minimalBigEndianBytes }

        /// The SubjectPublicKeyInfo DER encoding (RFC 5280 §4.1.2.7).
        public var derRepresentation: [UInt8] {
            RSAKeyDER.subjectPublicKeyInfo(modulus: modulus, publicExponent: publicExponent)
        }

        /// The SubjectPublicKeyInfo in PEM, `-----BEGIN PUBLIC KEY-----`.
        public var pemRepresentation: String { PEMDocument.encode(derRepresentation, label: "PUBLIC KEY") }

        /// The PKCS#1 RSAPublicKey DER encoding (RFC 8017 A.1.1).
        public var pkcs1DERRepresentation: [UInt8] {
            RSAKeyDER.pkcs1PublicKey(modulus: modulus, publicExponent: publicExponent)
        }

        /// The PKCS#1 RSAPublicKey in PEM, `-----BEGIN RSA PUBLIC KEY-----`.
        public var pkcs1PEMRepresentation: String {
            PEMDocument.encode(pkcs1DERRepresentation, label: "RSA PUBLIC KEY")
        }

        /// The type, the key size and the public exponent.
        public var description: String { "RSA.PublicKey(\(keySizeInBits) bits, e = \(exponent))" }

        /// Whether the two keys have the same modulus and public exponent.
        public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool {
            lhs.exponent == rhs.exponent && lhs.montgomery.modulus == rhs.montgomery.modulus
        }

        /// Hashes the public exponent and the modulus.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(exponent)
            hasher.combine(montgomery.modulus)
        }
    }
}

// MARK: - Verification

extension RSA.PublicKey {
    /// Whether `signature` is a valid RSASSA-PKCS1-v1_5 signature of `message` (RFC 8017
    /// §8.2.2), hashing the message with `Hash`.
    ///
    /// ```swift
    /// // JWS RS256 (RFC 7518 §3.3).
    /// guard key.isValidSignature(signature, for: signingInput, using: SHA256.self) else { … }
    /// ```
    ///
    /// The signature must be exactly as long as the modulus and, as an integer, smaller
    /// than it. The value recovered with the public key is compared whole, in constant
    /// time, with the expected EMSA-PKCS1-v1_5 encoding of the digest; the recovered block
    /// is never parsed. The DigestInfo must carry the NULL parameters: the legacy encoding
    /// without them (Wycheproof's "MissingNull") is rejected. A PSS signature never verifies
    /// here, nor a PKCS#1 v1.5 signature through `isValidPSSSignature(_:for:parameters:)`.
    ///
    /// - Parameters:
    ///   - signature: The signature bytes (for a JWS, the decoded third segment).
    ///   - message: The signed bytes (for a JWS, the ASCII signing input).
    ///   - hash: `SHA256.self`, `SHA384.self` or `SHA512.self` (RS256, RS384, RS512).
    /// - Returns: `true` only for a valid signature; `false` also for a hash function other
    ///   than SHA-256, SHA-384 and SHA-512 (see `isValidSignature(_:for:)`).
    @inlinable
    public func isValidSignature<Signature: Sequence, Message: Sequence, Hash: HashFunction>(
        _ signature: Signature, for message: Message, using hash: Hash.Type
    ) -> Bool where Signature.Element == UInt8, Message.Element == UInt8 {
        isValidSignature(signature, for: Hash.hash(data: message))
    }

    /// Whether `signature` is a valid RSASSA-PKCS1-v1_5 signature of the message whose
    /// digest is `digest` (RFC 8017 §8.2.2); the digest's type names the hash function.
    ///
    /// ```swift
    /// let digest = SHA384.hash(data: signingInput)
    /// guard key.isValidSignature(signature, for: digest) else { … }   // RS384
    /// ```
    ///
    /// The DigestInfo of the encoding (RFC 8017 §9.2, note 1) names the hash by its object
    /// identifier, which is known for `SHA256Digest`, `SHA384Digest` and `SHA512Digest`. A
    /// digest of any other type gives `false`, whatever the signature.
    ///
    /// - Parameters:
    ///   - signature: The signature bytes.
    ///   - digest: The digest of the signed message.
    /// - Returns: `true` only for a valid signature.
    @inlinable
    public func isValidSignature<Signature: Sequence, MessageDigest: Digest>(
        _ signature: Signature, for digest: MessageDigest
    ) -> Bool where Signature.Element == UInt8 {
        guard let prefix = EMSAPKCS1v15.digestInfoPrefix(for: MessageDigest.self) else { return false }
        return digest.withUnsafeBytes { digestBuffer in
            if let result = signature.withContiguousStorageIfAvailable({
                verify(signature: UnsafeRawBufferPointer($0), digest: digestBuffer, digestInfoPrefix: prefix)
            }) {
                return result
            }
            // Copy at most one byte more than a valid signature has: a longer one is rejected
            // by length, whatever its size.
            let copy = Array(signature.prefix(modulusByteCount + 1))
            return copy.withUnsafeBytes { verify(signature: $0, digest: digestBuffer, digestInfoPrefix: prefix) }
        }
    }

    /// RSASSA-PKCS1-V1_5-VERIFY (RFC 8017 §8.2.2) on raw buffers: the non-generic core.
    @usableFromInline
    func verify(
        signature: UnsafeRawBufferPointer, digest: UnsafeRawBufferPointer, digestInfoPrefix: [UInt8]
    ) -> Bool {
        // Step 1: the signature has exactly k bytes.
        let byteCount = modulusByteCount
        guard signature.count == byteCount else { return false }
        let k = montgomery.limbCount
        let scratchCount = 2 * k + montgomery.publicPowerScratchCount
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: scratchCount) { buffer in
            let s = buffer.baseAddress!
            let m = s + k
            let scratch = m + k
            // Step 2a: s = OS2IP(S).
            s.update(repeating: 0, count: k)
            for index in 0..<byteCount {
                let position = byteCount - 1 - index
                s[position / 8] |= UInt64(signature[index]) << UInt64((position % 8) * 8)
            }
            // Step 2b (RSAVP1, §5.2.2): s must be smaller than n.
            guard isLessThanModulus(s, count: k) else { return false }
            montgomery.publicPower(m, base: s, exponent: exponent, scratch: scratch)
            // Steps 3-4: compare m with the expected encoding EM, whole.
            return EMSAPKCS1v15.matches(m, byteCount: byteCount, digest: digest, digestInfoPrefix: digestInfoPrefix)
        }
    }

    /// Whether the k-limb value is below the modulus.
    ///
    /// Variable time: the signature is public.
    private func isLessThanModulus(_ value: UnsafePointer<UInt64>, count k: Int) -> Bool {
        montgomery.modulus.withUnsafeBufferPointer { n in
            var index = k - 1
            while index >= 0 {
                if value[index] != n[index] { return value[index] < n[index] }
                index -= 1
            }
            return false
        }
    }
}
