import SigilSHA2

/// PBKDF2 with HMAC-`H` as the pseudorandom function (RFC 8018 §5.2).
///
/// ```swift
/// let key = try PBKDF2<SHA256>.deriveKey(
///     from: Array("password".utf8), salt: salt, iterations: 600_000, outputByteCount: 32)
/// ```
///
/// For storing passwords, use ``PasswordHash``, which picks the salt and the parameters and
/// writes them into a standard string.
public enum PBKDF2<H: HashFunction> {
    /// The longest output ``deriveKey(from:salt:iterations:outputByteCount:)-(_,Salt,_,_)`` produces:
    /// 65,536 bytes.
    ///
    /// RFC 8018's own limit, (2³² − 1) × hLen, is far beyond any key size, and a request that
    /// large is a mistake or an attack on the caller's CPU.
    public static var maximumOutputByteCount: Int { 65_536 }

    /// Derives `outputByteCount` bytes from a password and a salt (RFC 8018 §5.2).
    ///
    /// DK = T1 ‖ T2 ‖ … truncated to `outputByteCount`, where Ti = U1 ⊕ U2 ⊕ … ⊕ Uc,
    /// U1 = HMAC(P, S ‖ INT(i)) and Uj = HMAC(P, Uj-1).
    ///
    /// - Parameters:
    ///   - password: The password P (the HMAC key; a password longer than a block is hashed).
    ///   - salt: The salt S.
    ///   - iterations: The iteration count c, at least 1.
    ///   - outputByteCount: The length dkLen of the derived key, from 1 to
    ///     ``maximumOutputByteCount``.
    /// - Returns: The derived key.
    /// - Throws: ``PBKDF2Error`` with ``PBKDF2Error/Code/invalidIterationCount`` or
    ///   ``PBKDF2Error/Code/invalidOutputByteCount``.
    /// - Important: The cost grows with `iterations × ceil(outputByteCount / H.byteCount)`;
    ///   never let an untrusted party choose them without a limit.
    @inlinable
    public static func deriveKey<Password: Sequence, Salt: Sequence>(
        from password: Password,
        salt: Salt,
        iterations: Int,
        outputByteCount: Int
    ) throws(PBKDF2Error) -> [UInt8] where Password.Element == UInt8, Salt.Element == UInt8 {
        try deriveKey(
            from: SymmetricKey(data: password),
            salt: Array(salt),
            iterations: iterations,
            outputByteCount: outputByteCount
        )
    }

    /// Derives `outputByteCount` bytes from a password held as a ``SymmetricKey``; see
    /// the byte-sequence overload.
    ///
    /// - Parameters:
    ///   - password: The password P.
    ///   - salt: The salt S.
    ///   - iterations: The iteration count c, at least 1.
    ///   - outputByteCount: The length dkLen of the derived key, from 1 to
    ///     ``maximumOutputByteCount``.
    /// - Returns: The derived key.
    /// - Throws: ``PBKDF2Error`` when a parameter is out of range.
    @inlinable
    public static func deriveKey(
        from password: SymmetricKey,
        salt: [UInt8],
        iterations: Int,
        outputByteCount: Int
    ) throws(PBKDF2Error) -> [UInt8] {
        guard iterations >= 1 else {
            throw PBKDF2Error(.invalidIterationCount, reason: "the iteration count must be at least 1")
        }
        guard outputByteCount >= 1, outputByteCount <= maximumOutputByteCount else {
            throw PBKDF2Error(
                .invalidOutputByteCount,
                reason: "the output length must be between 1 and \(maximumOutputByteCount) bytes"
            )
        }
        let prf = HMACKey<H>(password)
        let hashLength = H.Digest.byteCount
        var output: [UInt8] = []
        output.reserveCapacity(outputByteCount)
        var blockIndex: UInt32 = 1
        while output.count < outputByteCount {
            // U1 = PRF(P, S || INT(i)), INT(i) a four-octet big-endian integer.
            var first = prf.makeHMAC()
            first.update(data: salt)
            withUnsafeBytes(of: blockIndex.bigEndian) { first.update(bufferPointer: $0) }
            var previous = first.finalize()
            var block = Array(previous)
            block.withUnsafeMutableBytes { t in
                var round = 1
                while round < iterations {
                    previous = previous.withUnsafeBytes { prf.authenticationCode(for: $0) }
                    previous.withUnsafeBytes { u in
                        for index in 0..<hashLength { t[index] ^= u[index] }
                    }
                    round += 1
                }
            }
            output.append(contentsOf: block.prefix(outputByteCount - output.count))
            blockIndex &+= 1
        }
        return output
    }
}
