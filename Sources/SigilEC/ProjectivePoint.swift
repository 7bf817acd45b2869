import SigilConstantTime

// Points in homogeneous projective coordinates (X : Y : Z), x = X/Z, y = Y/Z, with the
// identity (0 : 1 : 0). Addition and doubling use the complete formulas of Renes, Costello
// and Batina, "Complete addition formulas for prime order elliptic curves" (EUROCRYPT 2016,
// ePrint 2015/1060), Algorithms 4 and 6 for a = −3: they are correct for every pair of
// inputs (the identity, equal points, opposite points), so the code has no exceptional
// case to branch on, and their operation sequence does not depend on the points.

/// A point of `C` in projective coordinates (field elements in Montgomery form).
struct ProjectivePoint<C: WeierstrassCurve>: Sendable {
    typealias Element = ModularElement<C.Field>

    var x: Element
    var y: Element
    var z: Element

    @inline(__always)
    init(x: Element, y: Element, z: Element) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// The identity (the point at infinity), (0 : 1 : 0).
    @inline(__always)
    static var identity: Self { Self(x: .zero, y: .one, z: .zero) }

    /// The base point G.
    @inline(__always)
    static var generator: Self {
        Self(
            x: Element(montgomery: C.generatorXMontgomery), y: Element(montgomery: C.generatorYMontgomery), z: .one)
    }

    /// The coefficient b.
    @inline(__always)
    static var b: Element { Element(montgomery: C.bMontgomery) }

    /// Whether this is the identity (Z = 0).
    var isIdentity: Bool { z.isZero }

    /// P + Q (RCB 2016, Algorithm 4: complete addition, a = −3).
    static func + (p: Self, q: Self) -> Self {
        let b = Self.b
        var t0 = p.x * q.x
        var t1 = p.y * q.y
        var t2 = p.z * q.z
        var t3 = p.x + p.y
        var t4 = q.x + q.y
        t3 = t3 * t4
        t4 = t0 + t1
        t3 = t3 - t4
        t4 = p.y + p.z
        var x3 = q.y + q.z
        t4 = t4 * x3
        x3 = t1 + t2
        t4 = t4 - x3
        x3 = p.x + p.z
        var y3 = q.x + q.z
        x3 = x3 * y3
        y3 = t0 + t2
        y3 = x3 - y3
        var z3 = b * t2
        x3 = y3 - z3
        z3 = x3 + x3
        x3 = x3 + z3
        z3 = t1 - x3
        x3 = t1 + x3
        y3 = b * y3
        t1 = t2 + t2
        t2 = t1 + t2
        y3 = y3 - t2
        y3 = y3 - t0
        t1 = y3 + y3
        y3 = t1 + y3
        t1 = t0 + t0
        t0 = t1 + t0
        t0 = t0 - t2
        t1 = t4 * y3
        t2 = t0 * y3
        y3 = x3 * z3
        y3 = y3 + t2
        x3 = t3 * x3
        x3 = x3 - t1
        z3 = t4 * z3
        t1 = t3 * t0
        z3 = z3 + t1
        return Self(x: x3, y: y3, z: z3)
    }

    /// 2P (RCB 2016, Algorithm 6: exception-free doubling, a = −3).
    var doubled: Self {
        let b = Self.b
        var t0 = x * x
        let t1 = y * y
        var t2 = z * z
        var t3 = x * y
        t3 = t3 + t3
        var z3 = x * z
        z3 = z3 + z3
        var y3 = b * t2
        y3 = y3 - z3
        var x3 = y3 + y3
        y3 = x3 + y3
        x3 = t1 - y3
        y3 = t1 + y3
        y3 = x3 * y3
        x3 = x3 * t3
        t3 = t2 + t2
        t2 = t2 + t3
        z3 = b * z3
        z3 = z3 - t2
        z3 = z3 - t0
        t3 = z3 + z3
        z3 = z3 + t3
        t3 = t0 + t0
        t0 = t3 + t0
        t0 = t0 - t2
        t0 = t0 * z3
        y3 = y3 + t0
        t0 = y * z
        t0 = t0 + t0
        z3 = t0 * z3
        x3 = x3 - z3
        z3 = t0 * t1
        z3 = z3 + z3
        z3 = z3 + z3
        return Self(x: x3, y: y3, z: z3)
    }

    /// −P.
    @inline(__always)
    var negated: Self { Self(x: x, y: -y, z: z) }

    /// `a` where `mask` is all ones, `b` where it is zero, in constant time.
    @inline(__always)
    static func select(_ mask: UInt64, _ a: Self, _ b: Self) -> Self {
        Self(
            x: Element.select(mask, a.x, b.x), y: Element.select(mask, a.y, b.y),
            z: Element.select(mask, a.z, b.z))
    }

    /// The affine coordinates, or nil for the identity.
    ///
    /// Uses one constant-time inversion.
    func affine() -> (x: Element, y: Element)? {
        let inverse = z.inverted()
        if z.isZero { return nil }
        return (x * inverse, y * inverse)
    }

    /// The affine x coordinate as a canonical value (below p), with a mask that is all ones
    /// for the identity; constant time.
    func affineXCanonical() -> (x: C.Field.Storage, identityMask: UInt64) {
        let inverse = z.inverted()
        return ((x * inverse).canonical, z.isZeroMask)
    }

    /// Whether the affine point (x, y) satisfies y² = x³ − 3x + b.
    static func isOnCurve(x: Element, y: Element) -> Bool {
        let left = y.squared
        let three = Element.one + Element.one + Element.one
        let right = (x.squared - three) * x + b
        return left == right
    }
}
