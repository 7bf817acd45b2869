import SigilSHA2

/// EMSA-PSS encoding and verification (RFC 8017 §9.1) for a digest that has already been computed.
///
/// MGF1 (§B.2.1) is the mask generation function:
///
/// ```
/// M′ = 0x00 × 8 || mHash || salt
/// H  = Hash(M′)
/// DB = PS || 0x01 || salt            PS = 0x00 × (emLen − sLen − hLen − 2)
/// EM = (DB ⊕ MGF1(H, emLen − hLen − 1)) || H || 0xbc
/// ```
///
/// with the leftmost 8·emLen − emBits bits of EM cleared, where emBits = modBits − 1 and
/// emLen = ⌈emBits / 8⌉.
enum EMSAPSS {
    /// The length of an encoded message of `emBits` bits: ⌈emBits / 8⌉.
    static func encodedByteCount(emBits: Int) -> Int { (emBits + 7) / 8 }

    /// H = Hash(0x00 × 8 || mHash || salt) (RFC 8017 §9.1.1 steps 5–6, §9.1.2 steps 12–13).
    static func messageHash<Hash: HashFunction>(
        _ hash: Hash.Type, mHash: UnsafeRawBufferPointer, salt: UnsafeRawBufferPointer
    ) -> Hash.Digest {
        var hasher = Hash()
        var zeros: UInt64 = 0
        withUnsafeBytes(of: &zeros) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: mHash)
        hasher.update(bufferPointer: salt)
        return hasher.finalize()
    }

    /// EMSA-PSS-ENCODE (RFC 8017 §9.1.1) of `mHash` with the given salt.
    ///
    /// - Parameters:
    ///   - mHash: Hash(M), exactly `Hash.byteCount` bytes.
    ///   - salt: The salt, sLen bytes.
    ///   - emBits: modBits − 1.
    ///   - hash: The hash function of the signature.
    ///   - maskHash: The hash function of MGF1.
    /// - Returns: EM, emLen bytes; nil when emLen < hLen + sLen + 2 (step 3, "encoding
    ///   error") or when `mHash` has the wrong length.
    static func encode<Hash: HashFunction, MaskHash: HashFunction>(
        mHash: UnsafeRawBufferPointer, salt: UnsafeRawBufferPointer, emBits: Int, hash: Hash.Type,
        maskHash: MaskHash.Type
    ) -> [UInt8]? {
        let hLen = Hash.byteCount
        let sLen = salt.count
        let emLen = encodedByteCount(emBits: emBits)
        guard emBits > 0, mHash.count == hLen, emLen - hLen - 2 >= sLen else { return nil }
        let dbLen = emLen - hLen - 1
        let h = messageHash(Hash.self, mHash: mHash, salt: salt)
        var encoded = [UInt8](repeating: 0, count: emLen)
        encoded.withUnsafeMutableBytes { em in
            // Steps 7–8: DB = PS || 0x01 || salt, PS all zeros (already).
            em[dbLen - sLen - 1] = 0x01
            for index in 0..<sLen {
                em[dbLen - sLen + index] = salt[index]
            }
            h.withUnsafeBytes { hBytes in
                // Steps 9–10: maskedDB = DB ⊕ MGF1(H, dbLen).
                MGF1.applyMask(MaskHash.self, seed: hBytes, to: UnsafeMutableRawBufferPointer(rebasing: em[0..<dbLen]))
                // Step 12: EM = maskedDB || H || 0xbc.
                for index in 0..<hLen {
                    em[dbLen + index] = hBytes[index]
                }
            }
            // Step 11: clear the leftmost 8·emLen − emBits bits.
            em[0] &= 0xff >> UInt8(8 * emLen - emBits)
            em[emLen - 1] = 0xbc
        }
        return encoded
    }

    /// EMSA-PSS-VERIFY (RFC 8017 §9.1.2): whether `encoded` is a valid encoding of `mHash`
    /// with a salt of exactly `saltByteCount` bytes.
    ///
    /// Every check of the standard is made: the length condition (step 3), the 0xbc trailer
    /// (step 4), the cleared leftmost bits of maskedDB (step 6), the all-zero padding and
    /// the 0x01 separator at the position the salt length fixes (step 10), and H = H′
    /// (step 14). The inputs are public, so the checks may return early.
    ///
    /// - Parameters:
    ///   - mHash: Hash(M); a digest of the wrong length gives `false`.
    ///   - em: EM (the `encoded` argument), emLen bytes; unmasked in place (its contents are scratch afterwards).
    ///   - emBits: modBits − 1.
    ///   - saltByteCount: sLen.
    ///   - hash: The hash function of the signature.
    ///   - maskHash: The hash function of MGF1.
    /// - Returns: `true` for "consistent".
    static func verify<Hash: HashFunction, MaskHash: HashFunction>(
        mHash: UnsafeRawBufferPointer, encoded em: UnsafeMutableRawBufferPointer, emBits: Int, saltByteCount: Int,
        hash: Hash.Type, maskHash: MaskHash.Type
    ) -> Bool {
        let hLen = Hash.byteCount
        let emLen = encodedByteCount(emBits: emBits)
        // Step 3 (written so that no sum can overflow).
        guard emBits > 0, em.count == emLen, mHash.count == hLen, saltByteCount >= 0,
            emLen - hLen - 2 >= saltByteCount
        else { return false }
        // Step 4: the rightmost octet is 0xbc.
        guard em[emLen - 1] == 0xbc else { return false }
        // Step 5: maskedDB = EM[0 ..< dbLen], H = EM[dbLen ..< dbLen + hLen].
        let dbLen = emLen - hLen - 1
        let hBytes = UnsafeRawBufferPointer(rebasing: em[dbLen..<(dbLen + hLen)])
        // Step 6: the leftmost 8·emLen − emBits bits of maskedDB are zero.
        let keptBits: UInt8 = 0xff >> UInt8(8 * emLen - emBits)
        guard em[0] & ~keptBits == 0 else { return false }
        // Steps 7–9: DB = maskedDB ⊕ MGF1(H, dbLen), leftmost bits cleared.
        MGF1.applyMask(MaskHash.self, seed: hBytes, to: UnsafeMutableRawBufferPointer(rebasing: em[0..<dbLen]))
        em[0] &= keptBits
        // Step 10: DB = 0x00 × (emLen − hLen − sLen − 2) || 0x01 || salt.
        let paddingLength = emLen - hLen - saltByteCount - 2
        for index in 0..<paddingLength where em[index] != 0 {
            return false
        }
        guard em[paddingLength] == 0x01 else { return false }
        // Steps 11–14: salt = the last sLen octets of DB; H′ = Hash(M′) must equal H.
        let salt = UnsafeRawBufferPointer(rebasing: em[(paddingLength + 1)..<dbLen])
        let expected = messageHash(Hash.self, mHash: mHash, salt: salt)
        return expected.withUnsafeBytes { expectedBytes in
            var difference: UInt8 = 0
            for index in 0..<hLen {
                difference |= expectedBytes[index] ^ hBytes[index]
            }
            return difference == 0
        }
    }
}
