import SigilSHA2

/// Compares two byte buffers in constant time.
///
/// When the lengths are equal, every byte pair is examined whatever the contents, so the time
/// taken reveals nothing about where the buffers differ. Buffers of different lengths compare
/// unequal at once: only the lengths, never the contents, can leak.
///
/// - Parameters:
///   - a: The first buffer.
///   - b: The second buffer.
/// - Returns: `true` when the buffers have the same length and the same bytes.
/// - Important: Use this (or the `==` of digests and MACs) for every comparison that involves
///   a secret or a value derived from one, such as a MAC tag or a password hash.
public func constantTimeEquals(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    var index = 0
    while index < a.count {
        difference |= a[index] ^ b[index]
        index += 1
    }
    return difference == 0
}

/// Gathers the bytes of `bytes` into a contiguous buffer of at most `maximumCount` bytes and
/// calls `body` with it; returns `false` without calling `body` when there are more.
///
/// Used by tag checks, which accept any byte sequence but never need more than a digest's
/// worth of bytes (at most 128 here).
@inlinable
func withGatheredBytes<Bytes: Sequence>(
    _ bytes: Bytes,
    maximumCount: Int,
    _ body: (UnsafeRawBufferPointer) -> Bool
) -> Bool where Bytes.Element == UInt8 {
    if let result = bytes.withContiguousStorageIfAvailable({ buffer -> Bool in
        guard buffer.count <= maximumCount else { return false }
        return body(UnsafeRawBufferPointer(buffer))
    }) {
        return result
    }
    var gathered = InlineBytes128()
    return withUnsafeMutableBytes(of: &gathered) { gathered in
        let limit = Swift.min(maximumCount, gathered.count)
        var count = 0
        for byte in bytes {
            guard count < limit else { return false }
            gathered[count] = byte
            count += 1
        }
        return body(UnsafeRawBufferPointer(rebasing: gathered[..<count]))
    }
}
