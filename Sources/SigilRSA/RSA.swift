/// RSA signatures with RSASSA-PKCS1-v1_5 (RFC 8017 §8.2), in pure Swift.
///
/// The types follow swift-crypto's `_RSA.Signing` vocabulary:
///
/// ```swift
/// let key = try RSA.PublicKey(pemRepresentation: pem)
/// let ok = key.isValidSignature(signature, for: signingInput, hashAlgorithm: .sha256)
///
/// let privateKey = try RSA.PrivateKey(pemRepresentation: privatePEM)
/// let signature = try privateKey.signature(for: signingInput, hashAlgorithm: .sha256)
/// ```
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

extension RSA {
    /// The hash function of an RSASSA-PKCS1-v1_5 signature: SHA-256, SHA-384 or SHA-512.
    ///
    /// SHA-1 and SHA-224 are not supported; `init(name:)` reports them (and every other
    /// name) as `RSAError.Code.unsupportedHashAlgorithm`.
    public struct HashAlgorithm: Hashable, Sendable, CustomStringConvertible {
        @usableFromInline
        let rawValue: UInt8

        @inlinable
        init(rawValue: UInt8) { self.rawValue = rawValue }

        /// SHA-256 (JWS `RS256`).
        public static let sha256 = HashAlgorithm(rawValue: 1)
        /// SHA-384 (JWS `RS384`).
        public static let sha384 = HashAlgorithm(rawValue: 2)
        /// SHA-512 (JWS `RS512`).
        public static let sha512 = HashAlgorithm(rawValue: 3)

        /// The hash function named `name`: `SHA-256`, `SHA-384` or `SHA-512` (also without the
        /// hyphen, any letter case).
        /// - Throws: `RSAError` with code `.unsupportedHashAlgorithm` for any other name,
        ///   including `SHA-1` and `SHA-224`.
        public init(name: String) throws(RSAError) {
            var normalized: [UInt8] = []
            for byte in name.utf8 where byte != UInt8(ascii: "-") {
                normalized.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte)
            }
            if normalized.elementsEqual("SHA256".utf8) {
                self = .sha256
            } else if normalized.elementsEqual("SHA384".utf8) {
                self = .sha384
            } else if normalized.elementsEqual("SHA512".utf8) {
                self = .sha512
            } else {
                throw RSAError(.unsupportedHashAlgorithm, "only SHA-256, SHA-384 and SHA-512 are supported")
            }
        }

        /// The length of the digest in bytes: 32, 48 or 64.
        public var digestByteCount: Int {
            switch rawValue {
            case 1: 32
            case 2: 48
            default: 64
            }
        }

        public var description: String {
            switch rawValue {
            case 1: "SHA-256"
            case 2: "SHA-384"
            default: "SHA-512"
            }
        }

        /// The DER encoding of `DigestInfo { AlgorithmIdentifier { id-shaXXX, NULL }, OCTET
        /// STRING (digest) }` up to the digest itself (RFC 8017 §9.2, note 1). The parameters
        /// are always the explicit NULL: the form without it is never produced nor accepted.
        var digestInfoPrefix: [UInt8] {
            switch rawValue {
            case 1: HashAlgorithm.sha256DigestInfoPrefix
            case 2: HashAlgorithm.sha384DigestInfoPrefix
            default: HashAlgorithm.sha512DigestInfoPrefix
            }
        }

        private static let sha256DigestInfoPrefix: [UInt8] = [
            0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04,
            0x20,
        ]
        private static let sha384DigestInfoPrefix: [UInt8] = [
            0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04,
            0x30,
        ]
        private static let sha512DigestInfoPrefix: [UInt8] = [
            0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04,
            0x40,
        ]
    }
}
