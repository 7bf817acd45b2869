import SigilJSON

/// The three segments of a JWS compact serialization (RFC 7515 §7.1), as byte ranges into
/// the token's own UTF-8: nothing is copied.
///
/// `BASE64URL(header) '.' BASE64URL(payload) '.' BASE64URL(signature)`
struct CompactSerialization {
    /// The header segment's bytes.
    let header: Range<Int>
    /// The payload segment's bytes.
    let payload: Range<Int>
    /// The signature segment's bytes.
    let signature: Range<Int>

    /// The signing input, `header '.' payload` (RFC 7515 §5.2 step 8): the bytes the
    /// signature covers, exactly as received.
    var signingInput: Range<Int> { header.lowerBound..<payload.upperBound }

    /// Splits `token` at its dots.
    ///
    /// - Throws: `.malformed` unless there are exactly two dots. Segment contents are
    ///   checked later, by the strict base64url decoder.
    init(splitting token: UnsafeRawBufferPointer) throws(JWTError) {
        var first = -1
        var second = -1
        let count = token.count
        var index = 0
        // Eight bytes at a time: a word with no '.' byte is skipped whole. Unsafe for speed
        // (one unaligned load per word); `baseAddress` is nil only for an empty token.
        if let base = token.baseAddress {
            while index + 8 <= count {
                // In bounds: `index + 8 <= count` is the loop condition.
                if CompactSerialization.dots(in: base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) == 0 {
                    index += 8
                    continue
                }
                // In bounds: `offset < index + 8 <= count`.
                for offset in index..<(index + 8) where token[offset] == UInt8(ascii: ".") {
                    try CompactSerialization.record(offset, &first, &second)
                }
                index += 8
            }
        }
        while index < count {
            // In bounds: `index < count` is the loop condition.
            if token[index] == UInt8(ascii: ".") { try CompactSerialization.record(index, &first, &second) }
            index += 1
        }
        guard second >= 0 else {
            throw JWTError(.malformed, "a JWS compact serialization has exactly three segments; found fewer")
        }
        header = 0..<first
        payload = (first + 1)..<second
        signature = (second + 1)..<count
    }

    /// High bits at the bytes of `word` that may be '.' (SWAR, as `ByteWord`).
    ///
    /// Zero exactly when no byte is '.'. Written here so that it inlines into the loop above.
    @inline(__always)
    private static func dots(in word: UInt64) -> UInt64 {
        let difference = word ^ 0x2E2E_2E2E_2E2E_2E2E
        return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080
    }

    private static func record(_ index: Int, _ first: inout Int, _ second: inout Int) throws(JWTError) {
        if first < 0 {
            first = index
        } else if second < 0 {
            second = index
        } else {
            throw JWTError(.malformed, "a JWS compact serialization has exactly three segments; found more")
        }
    }
}

extension UnsafeRawBufferPointer {
    /// The bytes in `range`, which lies within this buffer, without copying.
    ///
    /// The bounds are checked in every build (two comparisons per segment, outside any
    /// loop); a `CompactSerialization`'s ranges lie within its token by construction.
    func slice(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "a range outside the buffer")
        return UnsafeRawBufferPointer(rebasing: self[range])
    }
}
