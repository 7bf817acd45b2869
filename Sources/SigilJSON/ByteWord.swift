/// Eight bytes at a time (SWAR): the masks the byte scanners of this package share.
///
/// Each test returns a word whose byte has its high bit set where the byte matches. The
/// lowest set byte is always a true match; bytes above it may be false positives (a borrow
/// runs upward), so callers use only the first match, with ``firstIndex(_:)``.
package enum ByteWord {
    /// Eight bytes from `base + offset`, the first in the lowest byte of the word.
    ///
    /// - Parameters:
    ///   - base: The start of the buffer.
    ///   - offset: The first byte's offset; `offset + 8` must be within the buffer.
    /// - Returns: The bytes as a little-endian word.
    @inlinable @inline(__always)
    package static func load(_ base: UnsafeRawPointer, at offset: Int) -> UInt64 {
        // In bounds: callers guarantee `offset + 8` bytes from `base` (see `offset` above).
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// High bits at the bytes of `word` equal to `byte`.
    ///
    /// - Parameters:
    ///   - word: Eight bytes, from ``load(_:at:)``.
    ///   - byte: The byte to find.
    /// - Returns: The match mask.
    @inlinable @inline(__always)
    package static func bytes(of word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let difference = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080
    }

    /// High bits at the bytes of `word` below `bound`.
    ///
    /// - Parameters:
    ///   - word: Eight bytes, from ``load(_:at:)``.
    ///   - bound: At most 0x80.
    /// - Returns: The match mask.
    @inlinable @inline(__always)
    package static func bytes(of word: UInt64, below bound: UInt8) -> UInt64 {
        (word &- 0x0101_0101_0101_0101 &* UInt64(bound)) & ~word & 0x8080_8080_8080_8080
    }

    /// High bits at the bytes of `word` that are 0x80 or above (not ASCII).
    ///
    /// - Parameter word: Eight bytes, from ``load(_:at:)``.
    /// - Returns: The match mask (exact: no false positives).
    @inlinable @inline(__always)
    package static func nonASCIIBytes(of word: UInt64) -> UInt64 {
        word & 0x8080_8080_8080_8080
    }

    /// The index, 0 to 7, of the first match in a non-zero mask.
    ///
    /// - Parameter mask: A mask from the tests above, not zero.
    /// - Returns: The byte's index in the word.
    @inlinable @inline(__always)
    package static func firstIndex(_ mask: UInt64) -> Int {
        mask.trailingZeroBitCount >> 3
    }

    /// Whether two buffers hold the same bytes, compared a word at a time.
    ///
    /// For public data only: it returns at the first difference, so it is not constant-time.
    ///
    /// - Parameters:
    ///   - a: The first bytes.
    ///   - b: The second bytes.
    /// - Returns: Whether the counts and the bytes are equal.
    @inlinable @inline(__always)
    package static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let left = a.baseAddress, let right = b.baseAddress else { return true }
        var offset = 0
        while offset + 8 <= a.count {
            // In bounds: `offset + 8 <= a.count == b.count` is the loop condition.
            if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < a.count {
            // In bounds: `offset < a.count == b.count` is the loop condition.
            if a[offset] != b[offset] { return false }
            offset += 1
        }
        return true
    }
}
