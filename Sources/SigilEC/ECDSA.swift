import SigilConstantTime

// ECDSA (FIPS 186-5 §6.4, SEC 1 v2 §4.1), written once over the curve type. The public key
// types of each curve (`P256.Signing`, `P384.Signing`, `P521.Signing`) are thin shells over
// these.

/// ECDSA signing and verification on curve `C`, on canonical little-endian limb values.
enum ECDSA<C: WeierstrassCurve> {
    typealias Limbs = C.Field.Storage
    typealias FieldElement = ModularElement<C.Field>
    typealias ScalarElement = ModularElement<C.Scalar>
    typealias Point = ProjectivePoint<C>

    // MARK: Scalars

    /// All ones when `value` is in [1, n − 1]; constant time.
    @inline(__always)
    static func inScalarRangeMask(_ value: Limbs) -> UInt64 {
        ~value.isZeroMask & value.lessThanMask(C.Scalar.modulus)
    }

    /// A scalar from exactly `C.byteCount` big-endian bytes, or nil for another length.
    ///
    /// The value is not range-checked.
    static func scalarLimbs<Bytes: Collection>(_ bytes: Bytes) -> Limbs? where Bytes.Element == UInt8 {
        guard bytes.count == C.byteCount else { return nil }
        return Limbs(bigEndian: bytes)
    }

    /// The leftmost bits of `bytes` as an integer below 2^qlen, qlen the bit length of n
    /// (RFC 6979 §2.3.2 bits2int; FIPS 186-5 §6.4.1 step 2 for a message digest).
    static func bitsToInteger<Bytes: Collection>(_ bytes: Bytes) -> Limbs where Bytes.Element == UInt8 {
        let bitLength = C.Scalar.bitCount
        let byteLength = (bitLength + 7) / 8
        let taken = bytes.prefix(byteLength)
        var value = Limbs(bigEndian: taken)
        let excess = 8 * taken.count - bitLength
        if excess > 0 {
            let shift = UInt64(excess)
            value.withMutableLimbs { limbs in
                for i in 0..<Limbs.count {
                    let upper = i + 1 < Limbs.count ? limbs[i + 1] << (64 - shift) : 0
                    limbs[i] = (limbs[i] >> shift) | upper
                }
            }
        }
        return value
    }

    /// bits2int(`bytes`) mod n (the value is below 2^qlen < 2n, so one subtraction at most).
    static func bitsToScalar<Bytes: Collection>(_ bytes: Bytes) -> Limbs where Bytes.Element == UInt8 {
        ScalarElement.subtractModulusIfNeeded(bitsToInteger(bytes), carry: 0)
    }

    // MARK: Points

    /// The point (x, y) from canonical big-endian coordinates, checked: each coordinate is exactly `C.byteCount` bytes
    /// and below p, and the point is on the curve (which also excludes the identity, which has no affine coordinates).
    ///
    /// The curves have prime order (cofactor 1), so every point on the curve but the identity generates the group.
    static func validatedPoint<X: Collection, Y: Collection>(x: X, y: Y) throws(ECError) -> Point
    where X.Element == UInt8, Y.Element == UInt8 {
        guard x.count == C.byteCount, y.count == C.byteCount else {
            throw ECError(.invalidPublicKey, "a coordinate does not have the curve's length")
        }
        let xLimbs = Limbs(bigEndian: x)
        let yLimbs = Limbs(bigEndian: y)
        guard xLimbs.lessThanMask(C.Field.modulus) != 0, yLimbs.lessThanMask(C.Field.modulus) != 0 else {
            throw ECError(.invalidPublicKey, "a coordinate is not below the field prime")
        }
        let px = FieldElement(canonical: xLimbs)
        let py = FieldElement(canonical: yLimbs)
        guard Point.isOnCurve(x: px, y: py) else {
            throw ECError(.invalidPublicKey, "the point is not on the curve")
        }
        return Point(x: px, y: py, z: .one)
    }

    /// d·G as canonical affine coordinates, in constant time in `d` (which must be in
    /// [1, n − 1], so the result is never the identity).
    static func publicPoint(privateScalar d: Limbs) -> (x: Limbs, y: Limbs) {
        var observer = UnobservedScalarMultiplication()
        let point = Point.generator.secretMultiple(d, observer: &observer)
        let inverse = point.z.inverted()
        return ((point.x * inverse).canonical, (point.y * inverse).canonical)
    }

    // MARK: Verification

    /// Whether (r, s) is a valid signature of the digest-derived scalar `e` under the public point `q`
    /// (FIPS 186-5 §6.4.2).
    ///
    /// Variable time: every input is public.
    static func isValid(r: Limbs, s: Limbs, e: Limbs, publicKey q: Point) -> Bool {
        guard inScalarRangeMask(r) != 0, inScalarRangeMask(s) != 0 else { return false }
        let w = ScalarElement(canonical: s).inverted()
        let u1 = (ScalarElement(canonical: e) * w).canonical
        let u2 = (ScalarElement(canonical: r) * w).canonical
        let point = Point.publicDoubleMultiple(generatorScalar: u1, u2, point: q)
        guard !point.isIdentity else { return false }
        // x(R) mod n = r ⟺ X = r'·Z for r' = r or r' = r + n (when r + n < p), since x < p < 2n.
        // This compares in projective coordinates and saves an inversion.
        if point.x == FieldElement(canonical: r) * point.z { return true }
        var rPlusN = Limbs()
        var carry: UInt64 = 0
        r.withLimbs { a in
            C.Scalar.modulus.withLimbs { n in
                rPlusN.withMutableLimbs { sum in
                    for i in 0..<Limbs.count {
                        (sum[i], carry) = addWithCarry(a[i], n[i], carry)
                    }
                }
            }
        }
        guard carry == 0, rPlusN.lessThanMask(C.Field.modulus) != 0 else { return false }
        return point.x == FieldElement(canonical: rPlusN) * point.z
    }

    // MARK: Signing

    /// The signature (r, s) of the digest-derived scalar `e` with private scalar `d` and
    /// nonce `k` (both in [1, n − 1]), or nil when r or s is zero and another nonce is needed
    /// (FIPS 186-5 §6.4.1).
    ///
    /// Constant time in `d` and `k`: a fixed-window scalar multiplication with masked table
    /// reads, Fermat inversions (a fixed sequence of squarings and multiplications) for both
    /// the affine conversion and k⁻¹, and masked selects for every reduction. Only whether r
    /// or s came out zero (probability about 2⁻²⁵⁵) is branched on, through `declassify`:
    /// they are the signature, public once returned.
    static func sign<Observer: ScalarMultiplicationObserver>(
        e: Limbs, privateScalar d: Limbs, nonce k: Limbs, observer: inout Observer
    ) -> (r: Limbs, s: Limbs)? {
        let point = Point.generator.secretMultiple(k, observer: &observer)
        let (x, _) = point.affineXCanonical()
        // x < p < 2n: one conditional subtraction reduces it mod n.
        let r = ScalarElement.subtractModulusIfNeeded(x, carry: 0)
        let kInverse = ScalarElement(canonical: k).inverted()
        let sum = ScalarElement(canonical: e) + ScalarElement(canonical: r) * ScalarElement(canonical: d)
        let s = (kInverse * sum).canonical
        // r and s are the signature, published when it is returned; whether one is zero is
        // a fact about that public output.
        if declassify(r.isZeroMask | s.isZeroMask) { return nil }
        return (r, s)
    }
}
