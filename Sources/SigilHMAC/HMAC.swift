import SigilSHA2

/// HMAC over a `HashFunction` of SigilSHA2 (RFC 2104), in swift-crypto's shape.
///
/// ```swift
/// let key = SymmetricKey(size: .bits256)
/// let tag = HMAC<SHA256>.authenticationCode(for: message, using: key)
/// let ok = HMAC<SHA256>.isValidAuthenticationCode(tag, authenticating: message, using: key)
/// ```
///
/// For many MACs under one key, prepare the key once with ``HMACKey``.
public struct HMAC<H: HashFunction>: Sendable {
    @usableFromInline
    var inner: H

    @usableFromInline
    let outer: H

    /// The shortest truncated tag length that the truncated checks accept: 16 bytes (128 bits)
    /// for every hash function, the truncation RFC 4231 §4.6 tests for SHA-256, SHA-384 and
    /// SHA-512 alike.
    ///
    /// RFC 2104 §5 recommends at least half the digest (and never under 80 bits); a caller that
    /// follows it passes a larger `byteCount`.
    public static var minimumTruncatedByteCount: Int {
        Swift.min(16, H.Digest.byteCount)
    }

    /// Starts a MAC computation under `key`.
    ///
    /// - Parameter key: The secret key; any length.
    @inlinable
    public init(key: SymmetricKey) {
        self = HMACKey<H>(key).makeHMAC()
    }

    @inlinable
    init(inner: H, outer: H) {
        self.inner = inner
        self.outer = outer
    }

    /// Absorbs message bytes.
    ///
    /// - Parameter data: The bytes to absorb.
    @inlinable
    public mutating func update<D: Sequence>(data: D) where D.Element == UInt8 {
        inner.update(data: data)
    }

    /// Absorbs message bytes from a raw buffer.
    ///
    /// - Parameter bufferPointer: The bytes to absorb.
    @inlinable
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        inner.update(bufferPointer: bufferPointer)
    }

    /// Returns the MAC of everything absorbed so far, without changing this value.
    ///
    /// - Returns: H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ message)) (RFC 2104 §2).
    @inlinable
    public func finalize() -> HashedAuthenticationCode<H> {
        let innerDigest = inner.finalize()
        var outer = self.outer
        innerDigest.withUnsafeBytes { outer.update(bufferPointer: $0) }
        return HashedAuthenticationCode(digest: outer.finalize())
    }

    /// Computes the MAC of a byte sequence in one call.
    ///
    /// - Parameters:
    ///   - data: The message.
    ///   - key: The secret key.
    /// - Returns: The MAC tag.
    @inlinable
    public static func authenticationCode<D: Sequence>(
        for data: D,
        using key: SymmetricKey
    ) -> HashedAuthenticationCode<H> where D.Element == UInt8 {
        HMACKey<H>(key).authenticationCode(for: data)
    }

    /// Checks a full-length MAC tag in constant time.
    ///
    /// - Parameters:
    ///   - code: The tag to check; must be exactly `H.byteCount` bytes, or the check fails.
    ///   - data: The message it should authenticate.
    ///   - key: The secret key.
    /// - Returns: `true` when `code` is the MAC of `data` under `key`.
    @inlinable
    public static func isValidAuthenticationCode<C: Sequence, D: Sequence>(
        _ code: C,
        authenticating data: D,
        using key: SymmetricKey
    ) -> Bool where C.Element == UInt8, D.Element == UInt8 {
        HMACKey<H>(key).isValidAuthenticationCode(code, authenticating: data)
    }

    /// Checks a MAC tag truncated to its leftmost `byteCount` bytes (RFC 2104 §5), in
    /// constant time.
    ///
    /// - Parameters:
    ///   - code: The tag to check; must be exactly `byteCount` bytes.
    ///   - data: The message it should authenticate.
    ///   - key: The secret key.
    ///   - byteCount: The tag length the protocol prescribes, from
    ///     ``minimumTruncatedByteCount`` to `H.byteCount`; any other value fails the check.
    /// - Returns: `true` when `code` is the leftmost `byteCount` bytes of the MAC of `data`.
    /// - Important: The expected length comes from the caller's policy, never from the tag, so
    ///   an attacker cannot shorten a tag to make forgery easier.
    @inlinable
    public static func isValidAuthenticationCode<C: Sequence, D: Sequence>(
        _ code: C,
        authenticating data: D,
        using key: SymmetricKey,
        truncatedTo byteCount: Int
    ) -> Bool where C.Element == UInt8, D.Element == UInt8 {
        HMACKey<H>(key).isValidAuthenticationCode(code, authenticating: data, truncatedTo: byteCount)
    }
}
