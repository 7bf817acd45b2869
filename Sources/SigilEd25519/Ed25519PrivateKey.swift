import SigilSHA2

extension Curve25519.Signing {
    /// An Ed25519 private key: a 32-byte secret from which the signing scalar, the nonce
    /// prefix and the public key are derived (RFC 8032 §5.1.5).
    ///
    /// Signing is deterministic and constant-time in the key and the nonce (see
    /// ``Curve25519/Signing``). The key's `description` shows only the public key.
    ///
    /// - Important: Swift cannot guarantee that copies of a value are erased from memory;
    ///   the secret lives in plain value storage for as long as the program keeps the key.
    public struct PrivateKey: Sendable, CustomStringConvertible {
        /// The 32-byte secret as the user supplied it.
        let secret: Scalar
        /// s, the clamped first half of SHA-512(secret) (not reduced modulo L).
        let signingScalar: Scalar
        /// The second half of SHA-512(secret), hashed with each message to make the nonce.
        let prefix: Scalar
        /// The matching public key.
        public let publicKey: PublicKey

        /// A new random private key, from the system's secure random number generator.
        public init() {
            var generator = SystemRandomNumberGenerator()
            let secret = Scalar(generator.next(), generator.next(), generator.next(), generator.next())
            var observer = UnobservedBasePoint()
            self.init(secret: secret, observer: &observer)
        }

        /// A private key from its 32-byte secret (RFC 8032 §5.1.5; a JWK's `d`, RFC 8037 §2).
        ///
        /// Every 32-byte string is a valid Ed25519 private key.
        /// - Parameter rawRepresentation: The 32 bytes.
        /// - Throws: `Ed25519Error` with `.invalidKeyLength` if there are not 32 bytes.
        public init<Bytes: Collection>(rawRepresentation: Bytes) throws(Ed25519Error) where Bytes.Element == UInt8 {
            guard rawRepresentation.count == 32 else {
                throw Ed25519Error(
                    .invalidKeyLength, "an Ed25519 private key is 32 bytes, not \(rawRepresentation.count)")
            }
            let secret = withContiguousBytes(rawRepresentation) { Scalar(loading: $0.baseAddress!) }
            var observer = UnobservedBasePoint()
            self.init(secret: secret, observer: &observer)
        }

        /// Derives the signing scalar, the prefix and the public key, observing the
        /// base-point multiplication.
        init<Observer: BasePointObserver>(secret: Scalar, observer: inout Observer) {
            self.secret = secret
            var digestWords = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            withUnsafeBytes(of: secret.littleEndianWords) { secretBytes in
                SHA512.hash(bufferPointer: secretBytes).withUnsafeBytes { digest in
                    withUnsafeMutableBytes(of: &digestWords) { $0.copyMemory(from: digest) }
                }
            }
            var scalar = withUnsafeBytes(of: digestWords) { Scalar(loading: $0.baseAddress!) }
            // Clamping (RFC 8032 §5.1.5, step 2): clear the low three bits and bit 255, set bit 254.
            scalar.w0 &= ~UInt64(7)
            scalar.w3 = (scalar.w3 & (UInt64.max >> 1)) | (1 << 62)
            self.signingScalar = scalar
            self.prefix = withUnsafeBytes(of: digestWords) { Scalar(loading: $0.baseAddress! + 32) }
            let point = withUnsafeBytes(of: scalar.littleEndianWords) {
                BasePointTable.multiply($0.baseAddress!, observer: &observer)
            }
            var encoded = [UInt8](repeating: 0, count: 32)
            encoded.withUnsafeMutableBytes { point.encode(into: $0.baseAddress!) }
            self.publicKey = PublicKey(encoded: encoded, point: point)
        }

        /// The 32-byte secret (a JWK's `d`).
        ///
        /// Handle it as the key itself.
        public var rawRepresentation: [UInt8] {
            withUnsafeBytes(of: secret.littleEndianWords) { Array($0) }
        }

        /// The Ed25519 signature of `data` (RFC 8032 §5.1.6): 64 bytes, R ‖ S.
        ///
        /// Deterministic: the same key and message always give the same signature.
        /// - Parameter data: The message.
        /// - Returns: The 64-byte signature.
        public func signature<Message: Collection>(for data: Message) -> [UInt8] where Message.Element == UInt8 {
            var observer = UnobservedBasePoint()
            return withContiguousBytes(data) { signature(message: $0, observer: &observer) }
        }

        /// The non-generic core of signing, observing the nonce's base-point multiplication.
        func signature<Observer: BasePointObserver>(
            message: UnsafeRawBufferPointer, observer: inout Observer
        ) -> [UInt8] {
            // r = SHA-512(prefix ‖ M) mod L.
            var hasher = SHA512()
            withUnsafeBytes(of: prefix.littleEndianWords) { hasher.update(bufferPointer: $0) }
            hasher.update(bufferPointer: message)
            let r = hasher.finalize().withUnsafeBytes { Scalar(reducingWide: $0.baseAddress!) }
            let noncePoint = withUnsafeBytes(of: r.littleEndianWords) {
                BasePointTable.multiply($0.baseAddress!, observer: &observer)
            }
            var signature = [UInt8](repeating: 0, count: 64)
            signature.withUnsafeMutableBytes { output in
                let base = output.baseAddress!
                noncePoint.encode(into: base)
                // k = SHA-512(R ‖ A ‖ M) mod L; S = (r + k·s) mod L.
                var challenge = SHA512()
                challenge.update(bufferPointer: UnsafeRawBufferPointer(start: base, count: 32))
                publicKey.encoded.withUnsafeBytes { challenge.update(bufferPointer: $0) }
                challenge.update(bufferPointer: message)
                let k = challenge.finalize().withUnsafeBytes { Scalar(reducingWide: $0.baseAddress!) }
                Scalar.multiplyAdd(k, signingScalar, r).store(into: base + 32)
            }
            return signature
        }

        /// "Curve25519.Signing.PrivateKey" and the public key; never the secret.
        public var description: String { "Curve25519.Signing.PrivateKey(public: \(publicKey))" }
    }
}

extension Scalar {
    /// The words in little-endian byte order, so that the tuple's memory is the 32-byte encoding.
    var littleEndianWords: (UInt64, UInt64, UInt64, UInt64) {
        (w0.littleEndian, w1.littleEndian, w2.littleEndian, w3.littleEndian)
    }
}
