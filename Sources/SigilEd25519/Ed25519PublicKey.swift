import SigilSHA2

extension Curve25519.Signing {
    /// An Ed25519 public key: verifies signatures (RFC 8032 §5.1.7).
    ///
    /// The key is checked when it is made: it must be the canonical encoding of a point of
    /// edwards25519. See ``Curve25519/Signing`` for the exact verification rules.
    public struct PublicKey: Sendable, Hashable, CustomStringConvertible {
        /// The 32-byte encoding A.
        let encoded: [UInt8]
        /// −A, decoded once.
        let negatedPoint: ExtendedPoint

        /// A public key from its 32-byte encoding (RFC 8032 §5.1.5; a JWK's `x`, RFC 8037 §2).
        ///
        /// - Parameter rawRepresentation: The 32 bytes.
        /// - Throws: `Ed25519Error` with `.invalidKeyLength` if there are not 32 bytes, or
        ///   `.invalidPublicKey` if they do not encode a curve point canonically.
        public init<Bytes: Collection>(rawRepresentation: Bytes) throws(Ed25519Error) where Bytes.Element == UInt8 {
            let bytes = Array(rawRepresentation)
            guard bytes.count == 32 else {
                throw Ed25519Error(.invalidKeyLength, "an Ed25519 public key is 32 bytes, not \(bytes.count)")
            }
            let point = bytes.withUnsafeBytes { ExtendedPoint(decoding: $0.baseAddress!) }
            guard let point else {
                throw Ed25519Error(.invalidPublicKey, "the bytes are not the canonical encoding of a curve point")
            }
            self.encoded = bytes
            self.negatedPoint = point.negated
        }

        /// A public key derived from a secret scalar (no validation needed).
        init(encoded: [UInt8], point: ExtendedPoint) {
            self.encoded = encoded
            self.negatedPoint = point.negated
        }

        /// The 32-byte encoding of the key (a JWK's `x`).
        public var rawRepresentation: [UInt8] { encoded }

        /// Whether `signature` is a valid Ed25519 signature of `data` under this key.
        ///
        /// Verification runs in variable time: everything it handles is public.
        /// - Parameters:
        ///   - signature: The signature; anything but 64 bytes is invalid.
        ///   - data: The signed message.
        /// - Returns: `true` if the signature verifies under the rules of ``Curve25519/Signing``.
        public func isValidSignature<Signature: Collection, Message: Collection>(
            _ signature: Signature, for data: Message
        ) -> Bool where Signature.Element == UInt8, Message.Element == UInt8 {
            guard signature.count == 64 else { return false }
            return withContiguousBytes(signature) { signatureBytes in
                withContiguousBytes(data) { message in
                    isValidSignature(signatureBytes, message: message)
                }
            }
        }

        /// The non-generic core of verification (RFC 8032 §5.1.7).
        func isValidSignature(_ signature: UnsafeRawBufferPointer, message: UnsafeRawBufferPointer) -> Bool {
            guard signature.count == 64, let base = signature.baseAddress else { return false }
            let sBytes = base + 32
            guard Scalar.isCanonical(sBytes) else { return false }
            let s = Scalar(loading: sBytes)
            var hasher = SHA512()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(start: base, count: 32))
            encoded.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            hasher.update(bufferPointer: message)
            let k = hasher.finalize().withUnsafeBytes { Scalar(reducingWide: $0.baseAddress!) }
            // [k](−A) + [S]B, which equals R exactly when [S]B = R + [k]A.
            let point = BasePointTable.doubleScalarMultiplyVartime(k, negatedPoint, s)
            var recomputed = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            return withUnsafeMutableBytes(of: &recomputed) { buffer in
                point.encode(into: buffer.baseAddress!)
                var difference: UInt8 = 0
                for index in 0..<32 {
                    difference |= buffer[index] ^ signature[index]
                }
                return difference == 0
            }
        }

        /// "Curve25519.Signing.PublicKey(" followed by the key in hex and ")".
        public var description: String {
            "Curve25519.Signing.PublicKey(\(Hex.encode(encoded)))"
        }

        /// Equal when the encoded public keys are equal.
        public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool { lhs.encoded == rhs.encoded }
        /// Hashes the encoded public key, as `==` compares.
        public func hash(into hasher: inout Hasher) { hasher.combine(encoded) }
    }
}
