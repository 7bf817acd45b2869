// Entry points for Sigil's constant-time check (`sigil-ctgrind`, run by `.ci/ctgrind` under
// valgrind). They run the secret scalar multiplication on a scalar that the caller supplies,
// so that the check can take it from memory valgrind sees as undefined. Package-internal:
// nothing here is public API.

/// A curve, for the constant-time check's entry points.
package enum ECCheckCurve: Sendable {
    case p256, p384, p521
}

/// d·G in affine coordinates, x ‖ y big-endian, as key loading computes it (the fixed-window
/// scalar multiplication and the Fermat inversion of Z), without the range check of d.
///
/// - Parameters:
///   - curve: The curve.
///   - scalar: d, big-endian, exactly the curve's byte length, in [1, n − 1].
/// - Returns: x ‖ y, or nil when `scalar` does not have the curve's length.
package func ecBasePointMultiple(curve: ECCheckCurve, scalar: [UInt8]) -> [UInt8]? {
    switch curve {
    case .p256: basePointMultiple(P256Curve.self, scalar)
    case .p384: basePointMultiple(P384Curve.self, scalar)
    case .p521: basePointMultiple(P521Curve.self, scalar)
    }
}

private func basePointMultiple<C: WeierstrassCurve>(_ curve: C.Type, _ scalar: [UInt8]) -> [UInt8]? {
    guard let d = ECDSA<C>.scalarLimbs(scalar) else { return nil }
    let (x, y) = ECDSA<C>.publicPoint(privateScalar: d)
    return x.bigEndianBytes(count: C.byteCount) + y.bigEndianBytes(count: C.byteCount)
}
