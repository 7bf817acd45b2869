import SigilSHA2

/// EMSA-PKCS1-v1_5 encoding (RFC 8017 §9.2) for a digest that has already been computed.
///
/// The encoding is:
///
/// ```
/// EM = 0x00 || 0x01 || PS || 0x00 || T
/// T  = DigestInfo DER (with the NULL parameters) || H
/// PS = 0xff repeated emLen - tLen - 3 times (at least 8)
/// ```
///
/// Verification builds this expected encoding and compares it whole with the recovered
/// integer (RFC 8017 §8.2.2 steps 3–4); it never parses the recovered block, which is what
/// made the Bleichenbacher 2006 forgeries against e = 3 possible.
@usableFromInline
enum EMSAPKCS1v15 {
    /// The DER encoding of `DigestInfo { AlgorithmIdentifier { id-shaXXX, NULL }, OCTET STRING (digest) }` up to the
    /// digest itself (RFC 8017 §9.2, note 1), for a digest of type `D`; its last byte is the digest length.
    ///
    /// The parameters are always the explicit NULL: the form without it is never produced nor accepted.
    ///
    /// The digest type names the hash function: `SHA256Digest`, `SHA384Digest` or
    /// `SHA512Digest`. Any other type gives nil, even one of the same length, since its
    /// object identifier is unknown.
    @inlinable
    static func digestInfoPrefix<D: Digest>(for _: D.Type) -> [UInt8]? {
        if D.self == SHA256Digest.self { return sha256DigestInfoPrefix }
        if D.self == SHA384Digest.self { return sha384DigestInfoPrefix }
        if D.self == SHA512Digest.self { return sha512DigestInfoPrefix }
        return nil
    }

    @usableFromInline
    static let sha256DigestInfoPrefix: [UInt8] = [
        0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04,
        0x20,
    ]
    @usableFromInline
    static let sha384DigestInfoPrefix: [UInt8] = [
        0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04,
        0x30,
    ]
    @usableFromInline
    static let sha512DigestInfoPrefix: [UInt8] = [
        0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04,
        0x40,
    ]

    /// The encoding of `digest` for a modulus of `byteCount` bytes, or nil when the digest
    /// is not as long as `digestInfoPrefix` says or the modulus is too short for it (never
    /// for the key sizes `RSA` accepts).
    static func encode(digest: UnsafeRawBufferPointer, digestInfoPrefix prefix: [UInt8], byteCount: Int) -> [UInt8]? {
        let tLength = prefix.count + digest.count
        guard let digestByteCount = prefix.last, digest.count == Int(digestByteCount), byteCount >= tLength + 11
        else { return nil }
        var encoded = [UInt8](repeating: 0xff, count: byteCount)
        encoded[0] = 0x00
        encoded[1] = 0x01
        let separator = byteCount - tLength - 1
        encoded[separator] = 0x00
        for index in 0..<prefix.count {
            encoded[separator + 1 + index] = prefix[index]
        }
        for index in 0..<digest.count {
            encoded[separator + 1 + prefix.count + index] = digest[index]
        }
        return encoded
    }

    /// Whether the integer `m` (little-endian limbs, `< 2^(8·byteCount)`) is exactly the encoding of `digest`.
    ///
    /// Every byte is compared; the time depends only on the lengths.
    static func matches(
        _ m: UnsafePointer<UInt64>, byteCount: Int, digest: UnsafeRawBufferPointer, digestInfoPrefix prefix: [UInt8]
    ) -> Bool {
        let tLength = prefix.count + digest.count
        guard let digestByteCount = prefix.last, digest.count == Int(digestByteCount), byteCount >= tLength + 11
        else { return false }
        let separator = byteCount - tLength - 1
        let digestStart = separator + 1 + prefix.count
        var difference: UInt8 = 0
        return prefix.withUnsafeBufferPointer { prefixBytes in
            for index in 0..<byteCount {
                let position = byteCount - 1 - index  // counted from the least significant byte
                let actual = UInt8(truncatingIfNeeded: m[position / 8] >> UInt64((position % 8) * 8))
                let expected: UInt8
                if index == 1 {
                    expected = 0x01
                } else if index == 0 || index == separator {
                    expected = 0x00
                } else if index < separator {
                    expected = 0xff
                } else if index < digestStart {
                    expected = prefixBytes[index - separator - 1]
                } else {
                    expected = digest[index - digestStart]
                }
                difference |= actual ^ expected
            }
            return difference == 0
        }
    }
}
