// Points of edwards25519, −x² + y² = 1 + d·x²·y² over GF(2²⁵⁵ − 19) (RFC 8032 §5.1), in the
// coordinate systems of Hisil–Wong–Carter–Dawson 2008 as ref10 arranges them. The unified
// addition used here is complete on this curve (a = −1 is a square, d is not), so no input,
// the neutral element and equal points included, needs a special case or a branch.
//
// The formulas are inlined natively, for speed; on wasm32 they stay out of line
// (`@inline(never)`), as the field multiplication does, to keep the WebAssembly module small.

import SigilConstantTime

/// A point in extended coordinates (X : Y : Z : T), with x = X/Z, y = Y/Z and x·y = T/Z.
struct ExtendedPoint: Sendable {
    var x: FieldElement
    var y: FieldElement
    var z: FieldElement
    var t: FieldElement

    @inline(__always)
    init(x: FieldElement, y: FieldElement, z: FieldElement, t: FieldElement) {
        self.x = x
        self.y = y
        self.z = z
        self.t = t
    }

    /// The neutral element (0, 1).
    static let identity = ExtendedPoint(x: .zero, y: .one, z: .one, t: .zero)

    /// The base point B of RFC 8032 §5.1: y = 4/5, x positive (even).
    static let basePoint = ExtendedPoint(
        x: FieldElement(0x62d608f25d51a, 0x412a4b4f6592a, 0x75b7171a4b31d, 0x1ff60527118fe, 0x216936d3cd6e5),
        y: FieldElement(0x6666666666658, 0x4cccccccccccc, 0x1999999999999, 0x3333333333333, 0x6666666666666),
        z: .one,
        t: FieldElement(0x68ab3a5b7dda3, 0x00eea2a5eadbb, 0x2af8df483c27e, 0x332b375274732, 0x67875f0fd78b7))

    /// The same point in projective coordinates (drops T).
    @inline(__always)
    var projective: ProjectivePoint { ProjectivePoint(x: x, y: y, z: z) }

    /// 2·P.
    @inline(__always)
    func doubled() -> CompletedPoint { projective.doubled() }

    /// −P.
    var negated: ExtendedPoint { ExtendedPoint(x: -x, y: y, z: z, t: -t) }

    /// The point in the cached form that `+` and `-` take.
    var cached: CachedPoint {
        CachedPoint(yPlusX: y + x, yMinusX: y - x, z: z, t2d: t * FieldElement.d2)
    }

    /// The point in affine Niels form (one inversion).
    var affineNiels: AffineNielsPoint {
        let zInverse = z.inverse()
        let ax = x * zInverse
        let ay = y * zInverse
        return AffineNielsPoint(yPlusX: ay + ax, yMinusX: ay - ax, xy2d: ax * ay * FieldElement.d2)
    }

    /// P + Q for Q in cached form (ref10 ge_add).
    #if arch(wasm32)
    @inline(never)
    #else
    @inline(__always)
    #endif
    static func + (p: ExtendedPoint, q: CachedPoint) -> CompletedPoint {
        let a = (p.y + p.x) * q.yPlusX
        let b = (p.y - p.x) * q.yMinusX
        let c = q.t2d * p.t
        let zz = p.z * q.z
        let d = zz + zz
        return CompletedPoint(x: a - b, y: a + b, z: d + c, t: d - c)
    }

    /// P − Q for Q in cached form (ref10 ge_sub).
    #if arch(wasm32)
    @inline(never)
    #else
    @inline(__always)
    #endif
    static func - (p: ExtendedPoint, q: CachedPoint) -> CompletedPoint {
        let a = (p.y + p.x) * q.yMinusX
        let b = (p.y - p.x) * q.yPlusX
        let c = q.t2d * p.t
        let zz = p.z * q.z
        let d = zz + zz
        return CompletedPoint(x: a - b, y: a + b, z: d - c, t: d + c)
    }

    /// P + Q for Q in affine Niels form (ref10 ge_madd).
    #if arch(wasm32)
    @inline(never)
    #else
    @inline(__always)
    #endif
    static func + (p: ExtendedPoint, q: AffineNielsPoint) -> CompletedPoint {
        let a = (p.y + p.x) * q.yPlusX
        let b = (p.y - p.x) * q.yMinusX
        let c = q.xy2d * p.t
        let d = p.z + p.z
        return CompletedPoint(x: a - b, y: a + b, z: d + c, t: d - c)
    }

    /// P − Q for Q in affine Niels form (ref10 ge_msub).
    #if arch(wasm32)
    @inline(never)
    #else
    @inline(__always)
    #endif
    static func - (p: ExtendedPoint, q: AffineNielsPoint) -> CompletedPoint {
        let a = (p.y + p.x) * q.yMinusX
        let b = (p.y - p.x) * q.yPlusX
        let c = q.xy2d * p.t
        let d = p.z + p.z
        return CompletedPoint(x: a - b, y: a + b, z: d - c, t: d + c)
    }

    /// The 32-byte encoding of RFC 8032 §5.1.2: y little-endian, the low bit of x in bit 255.
    func encode(into output: UnsafeMutableRawPointer) {
        projective.encode(into: output)
    }

    /// The point whose RFC 8032 §5.1.3 encoding is at `input` (32 bytes), or nil.
    ///
    /// Rejects a y of p or above and x = 0 with the sign bit set, so that every point has
    /// exactly one accepted encoding. Variable time: for public encodings only.
    init?(decoding input: UnsafeRawPointer) {
        guard FieldElement.isCanonicalEncoding(input) else { return nil }
        let sign = UInt64(input.load(fromByteOffset: 31, as: UInt8.self) >> 7)
        let y = FieldElement(decoding: input)
        let yy = y.squared()
        let u = yy - FieldElement.one
        let v = yy * FieldElement.d + FieldElement.one
        // x = u·v³·(u·v⁷)^((p−5)/8), a square root of u/v when one exists.
        let v3 = v.squared() * v
        let v7 = v3.squared() * v
        var x = u * v3 * (u * v7).powP58()
        let vxx = v * x.squared()
        if !vxx.isEqualPublic(u) {
            guard vxx.isEqualPublic(-u) else { return nil }
            x = x * FieldElement.sqrtMinusOne
        }
        let xIsZero = x.zeroMask() != 0
        if xIsZero && sign == 1 { return nil }
        if x.isNegativeBit() != sign { x = -x }
        self.init(x: x, y: y, z: .one, t: x * y)
    }
}

/// A point in projective coordinates (X : Y : Z), x = X/Z, y = Y/Z: the cheapest input for doubling.
struct ProjectivePoint: Sendable {
    var x: FieldElement
    var y: FieldElement
    var z: FieldElement

    static let identity = ProjectivePoint(x: .zero, y: .one, z: .one)

    /// 2·P (ref10 ge_p2_dbl).
    #if arch(wasm32)
    @inline(never)
    #else
    @inline(__always)
    #endif
    func doubled() -> CompletedPoint {
        let xx = x.squared()
        let yy = y.squared()
        let zz = z.squared()
        let zz2 = zz + zz
        let xPlusY = x + y
        let xPlusYSquared = xPlusY.squared()
        let yyPlusXX = yy + xx
        let yyMinusXX = yy - xx
        return CompletedPoint(x: xPlusYSquared - yyPlusXX, y: yyPlusXX, z: yyMinusXX, t: zz2 - yyMinusXX)
    }

    /// The RFC 8032 §5.1.2 encoding.
    func encode(into output: UnsafeMutableRawPointer) {
        let zInverse = z.inverse()
        let ax = x * zInverse
        let ay = y * zInverse
        ay.encode(into: output)
        let last = output.load(fromByteOffset: 31, as: UInt8.self)
        output.storeBytes(
            of: last | UInt8(truncatingIfNeeded: ax.isNegativeBit() << 7), toByteOffset: 31, as: UInt8.self)
    }
}

/// The result of an addition or doubling, ((X : Z), (Y : T)) with x = X/Z and y = Y/T, before
/// it is converted to the form the next operation needs.
struct CompletedPoint: Sendable {
    var x: FieldElement
    var y: FieldElement
    var z: FieldElement
    var t: FieldElement

    /// Extended coordinates (four multiplications).
    #if arch(wasm32)
    @inline(never)
    #else
    @inline(__always)
    #endif
    var extended: ExtendedPoint { ExtendedPoint(x: x * t, y: y * z, z: z * t, t: x * y) }

    /// Projective coordinates (three multiplications).
    #if arch(wasm32)
    @inline(never)
    #else
    @inline(__always)
    #endif
    var projective: ProjectivePoint { ProjectivePoint(x: x * t, y: y * z, z: z * t) }
}

/// A point prepared for addition to extended coordinates: (Y + X, Y − X, Z, 2d·T).
struct CachedPoint: Sendable {
    var yPlusX: FieldElement
    var yMinusX: FieldElement
    var z: FieldElement
    var t2d: FieldElement
}

/// An affine point prepared for mixed addition: (y + x, y − x, 2d·x·y).
struct AffineNielsPoint: Sendable {
    var yPlusX: FieldElement
    var yMinusX: FieldElement
    var xy2d: FieldElement

    /// The neutral element (y + x = 1, y − x = 1, 2dxy = 0).
    static let identity = AffineNielsPoint(yPlusX: .one, yMinusX: .one, xy2d: .zero)

    /// `a` where `mask` is all ones, `b` where it is zero.
    @inline(__always)
    static func select(_ mask: UInt64, _ a: AffineNielsPoint, _ b: AffineNielsPoint) -> AffineNielsPoint {
        AffineNielsPoint(
            yPlusX: FieldElement.select(mask, a.yPlusX, b.yPlusX),
            yMinusX: FieldElement.select(mask, a.yMinusX, b.yMinusX),
            xy2d: FieldElement.select(mask, a.xy2d, b.xy2d))
    }

    /// −P where `mask` is all ones, P where it is zero, without a branch.
    @inline(__always)
    func conditionallyNegated(_ mask: UInt64) -> AffineNielsPoint {
        AffineNielsPoint(
            yPlusX: FieldElement.select(mask, yMinusX, yPlusX),
            yMinusX: FieldElement.select(mask, yPlusX, yMinusX),
            xy2d: FieldElement.select(mask, -xy2d, xy2d))
    }
}
