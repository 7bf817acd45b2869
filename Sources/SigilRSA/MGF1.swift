import SigilSHA2

/// MGF1, the mask generation function of RFC 8017 §B.2.1, applied in place.
///
/// ```
/// T = Hash(mgfSeed || C0) || Hash(mgfSeed || C1) || …   (C = I2OSP(counter, 4))
/// mask = the leading maskLen bytes of T
/// ```
///
/// RSASSA-PSS only ever XORs the mask into the data block (RFC 8017 §9.1.1 step 10, §9.1.2
/// step 8), so the mask is never materialised: each hash output is XORed straight into
/// the target bytes.
enum MGF1 {
    /// XORs MGF1(`seed`, `target.count`) computed with `Hash` into `target`.
    ///
    /// The mask length is at most the modulus length (2048 bytes), far below the
    /// 2³²·hLen limit of RFC 8017 §B.2.1 step 1, so the counter always fits four bytes.
    /// - Parameters:
    ///   - hash: The hash function of MGF1.
    ///   - seed: mgfSeed (for PSS, the hash H of M′).
    ///   - target: The bytes to mask (maskedDB or DB); its count is maskLen.
    static func applyMask<Hash: HashFunction>(
        _ hash: Hash.Type, seed: UnsafeRawBufferPointer, to target: UnsafeMutableRawBufferPointer
    ) {
        var offset = 0
        var counter: UInt32 = 0
        while offset < target.count {
            var hasher = Hash()
            hasher.update(bufferPointer: seed)
            var counterBytes = counter.bigEndian
            withUnsafeBytes(of: &counterBytes) { hasher.update(bufferPointer: $0) }
            let block = hasher.finalize()
            block.withUnsafeBytes { bytes in
                var index = 0
                while index < bytes.count && offset < target.count {
                    target[offset] ^= bytes[index]
                    index += 1
                    offset += 1
                }
            }
            counter &+= 1
        }
    }
}
