import SigilSHA2

/// A key prepared for HMAC with `H`: the ipad and opad blocks are absorbed once, and each MAC
/// starts from copies of the two prepared hasher states (RFC 2104 §4, "precomputed values").
///
/// This is the shape to use when one key authenticates many messages, such as a JWT signer:
///
/// ```swift
/// let signer = HMACKey<SHA256>(SymmetricKey(data: secret))
/// let tag = signer.authenticationCode(for: signingInput)
/// let ok = signer.isValidAuthenticationCode(tag, authenticating: signingInput)
/// ```
///
/// ``HMAC`` and `HMACKey` hold the same two hasher states at different moments: an `HMAC`
/// is one computation in progress (updated, then finalized once, as in swift-crypto), and an
/// `HMACKey` is the immutable starting point from which any number of them begin
/// (``makeHMAC()``), so the key's blocks are hashed once rather than once per message.
///
/// - Important: The prepared states are derived from the key and are as secret as the key.
///   `description` shows neither.
public struct HMACKey<H: HashFunction>: Sendable, CustomStringConvertible {
    @usableFromInline
    let inner: H

    @usableFromInline
    let outer: H

    /// Prepares `key` for HMAC with `H` (RFC 2104 §2): a key longer than a block is hashed
    /// first, then the key is zero-padded to a block and absorbed XOR ipad and XOR opad.
    ///
    /// - Parameter key: The secret key; any length.
    @inlinable
    public init(_ key: SymmetricKey) {
        (inner, outer) = key.withUnsafeBytes { Self.preparedStates(keyBytes: $0) }
    }

    @inlinable
    static func preparedStates(keyBytes: UnsafeRawBufferPointer) -> (H, H) {
        let blockByteCount = H.blockByteCount
        if blockByteCount <= 128 {
            var block = InlineBytes128()
            return withUnsafeMutableBytes(of: &block) { raw in
                preparedStates(
                    keyBytes: keyBytes, block: UnsafeMutableRawBufferPointer(rebasing: raw[..<blockByteCount]))
            }
        }
        var block = [UInt8](repeating: 0, count: blockByteCount)
        return block.withUnsafeMutableBytes { preparedStates(keyBytes: keyBytes, block: $0) }
    }

    /// Fills `block` (zeroed, one hash block long) with the padded key and absorbs it twice.
    @inlinable
    static func preparedStates(keyBytes: UnsafeRawBufferPointer, block: UnsafeMutableRawBufferPointer) -> (H, H) {
        if keyBytes.count > block.count {
            H.hash(bufferPointer: keyBytes).withUnsafeBytes { digest in
                block.copyMemory(from: UnsafeRawBufferPointer(rebasing: digest.prefix(block.count)))
            }
        } else if keyBytes.count > 0 {
            block.copyMemory(from: keyBytes)
        }
        for index in block.indices { block[index] ^= 0x36 }
        var inner = H()
        inner.update(bufferPointer: UnsafeRawBufferPointer(block))
        for index in block.indices { block[index] ^= 0x36 ^ 0x5c }
        var outer = H()
        outer.update(bufferPointer: UnsafeRawBufferPointer(block))
        for index in block.indices { block[index] = 0 }
        return (inner, outer)
    }

    /// A streaming HMAC that starts from the prepared state.
    ///
    /// - Returns: An ``HMAC`` ready to absorb the message.
    @inlinable
    public func makeHMAC() -> HMAC<H> {
        HMAC(inner: inner, outer: outer)
    }

    /// Computes the MAC of a byte sequence.
    ///
    /// - Parameter data: The message.
    /// - Returns: The MAC tag.
    @inlinable
    public func authenticationCode<D: Sequence>(for data: D) -> HashedAuthenticationCode<H> where D.Element == UInt8 {
        var mac = makeHMAC()
        mac.update(data: data)
        return mac.finalize()
    }

    /// Computes the MAC of a raw buffer.
    ///
    /// - Parameter bytes: The message.
    /// - Returns: The MAC tag.
    @inlinable
    public func authenticationCode(for bytes: UnsafeRawBufferPointer) -> HashedAuthenticationCode<H> {
        var mac = makeHMAC()
        mac.update(bufferPointer: bytes)
        return mac.finalize()
    }

    /// Checks a full-length MAC tag in constant time.
    ///
    /// - Parameters:
    ///   - code: The tag to check; must be exactly `H.byteCount` bytes.
    ///   - data: The message it should authenticate.
    /// - Returns: `true` when `code` is the MAC of `data` under this key.
    @inlinable
    public func isValidAuthenticationCode<C: Sequence, D: Sequence>(
        _ code: C,
        authenticating data: D
    ) -> Bool where C.Element == UInt8, D.Element == UInt8 {
        authenticationCode(for: data).matches(code, byteCount: H.Digest.byteCount)
    }

    /// Checks a MAC tag truncated to its leftmost `byteCount` bytes (RFC 2104 §5), in
    /// constant time.
    ///
    /// - Parameters:
    ///   - code: The tag to check; must be exactly `byteCount` bytes.
    ///   - data: The message it should authenticate.
    ///   - byteCount: The tag length the protocol prescribes, from
    ///     ``HMAC/minimumTruncatedByteCount`` to `H.byteCount`; any other value fails the check.
    /// - Returns: `true` when `code` is the leftmost `byteCount` bytes of the MAC of `data`.
    /// - Important: The expected length comes from the caller's policy, never from the tag.
    @inlinable
    public func isValidAuthenticationCode<C: Sequence, D: Sequence>(
        _ code: C,
        authenticating data: D,
        truncatedTo byteCount: Int
    ) -> Bool where C.Element == UInt8, D.Element == UInt8 {
        guard byteCount >= HMAC<H>.minimumTruncatedByteCount, byteCount <= H.Digest.byteCount else { return false }
        return authenticationCode(for: data).matches(code, byteCount: byteCount)
    }

    /// `HMACKey<H>(…)`: never the key or its derived states.
    public var description: String { "HMACKey(redacted)" }
}

extension HashedAuthenticationCode {
    /// Whether `code` is exactly `byteCount` bytes (at most `Self.byteCount`) and equals the
    /// leftmost `byteCount` bytes of this tag; the bytes are compared in constant time.
    @inlinable
    func matches<C: Sequence>(_ code: C, byteCount: Int) -> Bool where C.Element == UInt8 {
        guard byteCount <= Self.byteCount else { return false }
        return withGatheredBytes(code, maximumCount: byteCount) { candidate in
            guard candidate.count == byteCount else { return false }
            return withUnsafeBytes { tag in
                constantTimeEquals(UnsafeRawBufferPointer(rebasing: tag[..<byteCount]), candidate)
            }
        }
    }
}
