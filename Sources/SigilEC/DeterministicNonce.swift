import SigilConstantTime
import SigilHMAC
import SigilSHA2

/// The nonces of deterministic ECDSA (RFC 6979 §3.2): an HMAC-DRBG keyed by the private key
/// and the message digest, with the curve's hash (SHA-256, SHA-384, SHA-512).
///
/// With `additionalData` (RFC 6979 §3.6) the same construction is "hedged": fresh random
/// bytes join the key and digest, so the nonce stays secret even if the random generator
/// is weak (the key and digest are still mixed in) and differs between two signings of one
/// message (which defeats fault attacks that compare two equal signatures).
struct DeterministicNonce<C: WeierstrassCurve> {
    typealias Limbs = C.Field.Storage

    private var key: [UInt8]
    private var value: [UInt8]
    private var needsUpdate = false

    /// Sets up the generator (RFC 6979 §3.2 steps a–g).
    ///
    /// - Parameters:
    ///   - privateScalar: x, in [1, n − 1].
    ///   - digest: H(m), the message digest (any length; bits2octets reduces it).
    ///   - additionalData: k′ of RFC 6979 §3.6, or empty for plain deterministic nonces.
    init<Digest: Collection>(privateScalar: Limbs, digest: Digest, additionalData: [UInt8])
    where Digest.Element == UInt8 {
        let hashLength = C.Hash.byteCount
        let privateOctets = privateScalar.bigEndianBytes(count: C.Scalar.byteCount)
        let digestOctets = ECDSA<C>.bitsToScalar(digest).bigEndianBytes(count: C.Scalar.byteCount)
        value = [UInt8](repeating: 0x01, count: hashLength)
        key = [UInt8](repeating: 0x00, count: hashLength)
        key = Self.mac(key, value, [0x00], privateOctets, digestOctets, additionalData)
        value = Self.mac(key, value)
        key = Self.mac(key, value, [0x01], privateOctets, digestOctets, additionalData)
        value = Self.mac(key, value)
    }

    /// The next candidate k in [1, n − 1] (RFC 6979 §3.2 step h).
    ///
    /// A caller that cannot use it (r or s came out zero) calls again; the generator then moves on as step h.3 says.
    mutating func next() -> Limbs {
        while true {
            if needsUpdate {
                key = Self.mac(key, value, [0x00])
                value = Self.mac(key, value)
            }
            needsUpdate = true
            var t: [UInt8] = []
            while 8 * t.count < C.Scalar.bitCount {
                value = Self.mac(key, value)
                t += value
            }
            let candidate = ECDSA<C>.bitsToInteger(t)
            // A candidate is out of range (zero, or at least n) with probability about 2⁻³²
            // for P-256, 2⁻¹⁹⁴ for P-384 and 2⁻²⁶² for P-521. The branch tells an observer
            // only that one HMAC-DRBG output was rejected; that output is discarded, and the
            // next one, which becomes k, is computed from the generator's state by HMAC, so
            // the rejection reveals nothing about k or the private key.
            if declassify(ECDSA<C>.inScalarRangeMask(candidate)) { return candidate }
        }
    }

    /// HMAC-H(key, parts…).
    private static func mac(_ key: [UInt8], _ parts: [UInt8]...) -> [UInt8] {
        var hmac = HMAC<C.Hash>(key: SymmetricKey(data: key))
        for part in parts { hmac.update(data: part) }
        return Array(hmac.finalize())
    }
}
