/// Iterates over the bytes of a digest in order, reading them in place (no heap copy).
///
/// This is the `Iterator` of ``SHA256Digest``, ``SHA384Digest`` and ``SHA512Digest``.
public struct DigestIterator<Source: Digest>: IteratorProtocol {
    @usableFromInline
    let digest: Source

    @usableFromInline
    var index = 0

    @inlinable
    init(_ digest: Source) {
        self.digest = digest
    }

    /// The next byte, or nil after the last one.
    @inlinable
    public mutating func next() -> UInt8? {
        let position = index
        guard position < Source.byteCount else { return nil }
        index = position + 1
        return digest.withUnsafeBytes { $0[position] }
    }
}
