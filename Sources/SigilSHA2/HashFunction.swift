/// A cryptographic hash function in swift-crypto's shape: a small value type that absorbs
/// bytes with `update` and produces a fixed-size ``Digest`` with a non-mutating `finalize()`.
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update(data: Array("abc".utf8))
/// let digest = hasher.finalize()          // the hasher can keep absorbing afterwards
/// let same = SHA256.hash(data: "abc".utf8)
/// ```
///
/// Conforming types are plain values with no heap storage: copying one copies the whole
/// hashing state, so a copy continues independently of the original.
public protocol HashFunction: Sendable {
    /// The digest this function produces.
    associatedtype Digest: SigilSHA2.Digest

    /// The size in bytes of the blocks the compression function consumes.
    static var blockByteCount: Int { get }

    /// The size in bytes of the digest.
    static var byteCount: Int { get }

    /// Creates a hasher in its initial state.
    init()

    /// Absorbs the bytes of a raw buffer. This is the non-generic core every other `update`
    /// calls: whole blocks are compressed straight from the buffer, without copying.
    ///
    /// - Parameter bufferPointer: The bytes to absorb; may be empty.
    mutating func update(bufferPointer: UnsafeRawBufferPointer)

    /// Absorbs a sequence of bytes.
    ///
    /// Contiguous sequences (`Array`, `ArraySlice`, `Data`, `String.UTF8View` of a native
    /// string, …) take the raw-buffer path; other sequences are copied through a small
    /// stack buffer.
    ///
    /// - Parameter data: The bytes to absorb.
    mutating func update<D: Sequence>(data: D) where D.Element == UInt8

    /// Returns the digest of everything absorbed so far.
    ///
    /// This does not change the hasher: more bytes may be absorbed afterwards, and a later
    /// `finalize()` covers all of them.
    ///
    /// - Returns: The digest.
    func finalize() -> Digest

    /// Computes the digest of a byte sequence in one call.
    ///
    /// - Parameter data: The bytes to hash.
    /// - Returns: The digest.
    static func hash<D: Sequence>(data: D) -> Digest where D.Element == UInt8
}

extension HashFunction {
    /// Absorbs a sequence of bytes; see ``HashFunction/update(data:)``.
    ///
    /// - Parameter data: The bytes to absorb.
    @inlinable
    public mutating func update<D: Sequence>(data: D) where D.Element == UInt8 {
        let absorbed: Void? = data.withContiguousStorageIfAvailable { bytes in
            self.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        }
        if absorbed == nil {
            updateByCopying(data)
        }
    }

    /// The slow path for non-contiguous sequences: bytes are gathered 128 at a time into a
    /// stack buffer, which is then absorbed as a raw buffer.
    @inlinable
    mutating func updateByCopying<D: Sequence>(_ data: D) where D.Element == UInt8 {
        var chunk = InlineBytes128()
        withUnsafeMutableBytes(of: &chunk) { chunk in
            var count = 0
            var iterator = data.makeIterator()
            while let byte = iterator.next() {
                chunk[count] = byte
                count += 1
                if count == chunk.count {
                    self.update(bufferPointer: UnsafeRawBufferPointer(chunk))
                    count = 0
                }
            }
            if count > 0 {
                self.update(bufferPointer: UnsafeRawBufferPointer(rebasing: chunk[..<count]))
            }
        }
    }

    /// Computes the digest of a byte sequence in one call.
    ///
    /// - Parameter data: The bytes to hash.
    /// - Returns: The digest.
    @inlinable
    public static func hash<D: Sequence>(data: D) -> Digest where D.Element == UInt8 {
        var hasher = Self()
        hasher.update(data: data)
        return hasher.finalize()
    }

    /// Computes the digest of a raw buffer in one call.
    ///
    /// - Parameter bufferPointer: The bytes to hash.
    /// - Returns: The digest.
    @inlinable
    public static func hash(bufferPointer: UnsafeRawBufferPointer) -> Digest {
        var hasher = Self()
        hasher.update(bufferPointer: bufferPointer)
        return hasher.finalize()
    }
}

/// 128 bytes of inline stack storage (a chunk of a non-contiguous sequence to hash; in
/// SigilHMAC a key block or a tag to compare), accessed through `withUnsafeMutableBytes(of:)`.
///
/// A tuple of words, which needs no newer runtime than the oldest supported OS (`InlineArray`
/// needs the OS 26 releases).
@usableFromInline
package struct InlineBytes128 {
    @usableFromInline
    package var words:
        (
            UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
            UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
        )

    /// 128 zero bytes.
    @inlinable
    package init() { words = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) }
}
