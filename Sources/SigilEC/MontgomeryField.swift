import SigilConstantTime

// Arithmetic modulo a fixed odd modulus m (a curve's field prime p or its group order n),
// written once and specialised per curve: every function is generic over the modulus type,
// whose limb count and constants the compiler sees as constants.
//
// Elements are kept in Montgomery form (a·R mod m, R = 2^(64·limbs)) and fully reduced
// (below m). Every operation runs in time independent of the values: carries are
// arithmetic, and the final conditional subtraction is a masked select.
//
// On wasm32, `+`, `−` and `*` are not inlined and call the functions of LimbArithmetic.swift,
// which take the limb count as a parameter: one copy serves every curve, where these would
// inline into every point operation of each curve (the module's size). Natively nothing
// changes.

/// An odd modulus with its Montgomery constants.
protocol MontgomeryModulus {
    /// The limb array of an element.
    associatedtype Storage: LimbStorage
    /// The bit length of the modulus.
    static var bitCount: Int { get }
    /// The modulus m.
    static var modulus: Storage { get }
    /// m − 2, the exponent of a Fermat inversion.
    static var modulusMinusTwo: Storage { get }
    /// R² mod m.
    static var rSquared: Storage { get }
    /// R mod m (one, in Montgomery form).
    static var one: Storage { get }
    /// −m⁻¹ mod 2⁶⁴.
    static var negatedInverse: UInt64 { get }
}

extension MontgomeryModulus {
    /// The number of bytes of a big-endian encoding of an element.
    static var byteCount: Int { (bitCount + 7) / 8 }
}

/// An element of ℤ/mℤ in Montgomery form.
struct ModularElement<M: MontgomeryModulus>: Sendable, Equatable {
    var limbs: M.Storage

    @inline(__always)
    init(montgomery limbs: M.Storage) { self.limbs = limbs }

    /// Zero.
    @inline(__always)
    static var zero: Self { Self(montgomery: M.Storage()) }

    /// One.
    @inline(__always)
    static var one: Self { Self(montgomery: M.one) }

    /// Whether the element is zero (all limbs zero); a mask, in constant time.
    @inline(__always)
    var isZeroMask: UInt64 {
        var accumulated: UInt64 = 0
        limbs.withLimbs { a in for i in 0..<M.Storage.count { accumulated |= a[i] } }
        return maskIfZero(accumulated)
    }

    /// Whether the element is zero.
    ///
    /// Variable-time in the sense that the caller branches on it.
    @inline(__always)
    var isZero: Bool { isZeroMask != 0 }

    // MARK: Conversion

    /// Converts a canonical value (below m, not in Montgomery form) to Montgomery form.
    @inline(__always)
    init(canonical value: M.Storage) {
        self = ModularElement(montgomery: value) * ModularElement(montgomery: M.rSquared)
    }

    /// The canonical value (below m), out of Montgomery form.
    @inline(__always)
    var canonical: M.Storage {
        var unit = M.Storage()
        unit[0] = 1
        return (self * ModularElement(montgomery: unit)).limbs
    }

    // MARK: Arithmetic

    /// a + b mod m.
    #if arch(wasm32)
    @inline(never)
    #else
    @inline(__always)
    #endif
    static func + (a: Self, b: Self) -> Self {
        #if arch(wasm32)
        var sum = M.Storage()
        a.limbs.withLimbs { a in
            b.limbs.withLimbs { b in
                M.modulus.withLimbs { m in
                    sum.withMutableLimbs { s in modularSum(a, b, modulus: m, count: M.Storage.count, into: s) }
                }
            }
        }
        return Self(montgomery: sum)
        #else
        var sum = M.Storage()
        var carry: UInt64 = 0
        a.limbs.withLimbs { a in
            b.limbs.withLimbs { b in
                sum.withMutableLimbs { s in
                    for i in 0..<M.Storage.count {
                        (s[i], carry) = addWithCarry(a[i], b[i], carry)
                    }
                }
            }
        }
        return Self(montgomery: subtractModulusIfNeeded(sum, carry: carry))
        #endif
    }

    /// a − b mod m.
    #if arch(wasm32)
    @inline(never)
    #else
    @inline(__always)
    #endif
    static func - (a: Self, b: Self) -> Self {
        #if arch(wasm32)
        var difference = M.Storage()
        a.limbs.withLimbs { a in
            b.limbs.withLimbs { b in
                M.modulus.withLimbs { m in
                    difference.withMutableLimbs { d in
                        modularDifference(a, b, modulus: m, count: M.Storage.count, into: d)
                    }
                }
            }
        }
        return Self(montgomery: difference)
        #else
        var difference = M.Storage()
        var borrow: UInt64 = 0
        a.limbs.withLimbs { a in
            b.limbs.withLimbs { b in
                difference.withMutableLimbs { d in
                    for i in 0..<M.Storage.count {
                        (d[i], borrow) = subtractWithBorrow(a[i], b[i], borrow)
                    }
                }
            }
        }
        // Add m back when the subtraction borrowed.
        let mask = maskFromBit(borrow)
        var carry: UInt64 = 0
        M.modulus.withLimbs { m in
            difference.withMutableLimbs { d in
                for i in 0..<M.Storage.count {
                    (d[i], carry) = addWithCarry(d[i], m[i] & mask, carry)
                }
            }
        }
        return Self(montgomery: difference)
        #endif
    }

    /// −a mod m.
    @inline(__always)
    static prefix func - (a: Self) -> Self { zero - a }

    /// a·b·R⁻¹ mod m: the Montgomery product (CIOS: multiply and reduce limb by limb).
    #if arch(wasm32)
    @inline(never)
    #else
    @inline(__always)
    #endif
    static func * (a: Self, b: Self) -> Self {
        #if arch(wasm32)
        var product = M.Storage()
        a.limbs.withLimbs { a in
            b.limbs.withLimbs { b in
                M.modulus.withLimbs { m in
                    product.withMutableLimbs { t in
                        montgomeryProduct(
                            a, b, modulus: m, negatedInverse: M.negatedInverse, count: M.Storage.count, into: t)
                    }
                }
            }
        }
        return Self(montgomery: product)
        #else
        var t = M.Storage()
        var top: UInt64 = 0
        let count = M.Storage.count
        let inverse = M.negatedInverse
        a.limbs.withLimbs { a in
            b.limbs.withLimbs { b in
                M.modulus.withLimbs { m in
                    t.withMutableLimbs { t in
                        for i in 0..<count {
                            let bi = b[i]
                            var carry: UInt64 = 0
                            for j in 0..<count {
                                (t[j], carry) = multiplyAccumulate(a[j], bi, t[j], carry)
                            }
                            let (upperLow, upperHigh) = addWithCarry(top, carry, 0)
                            let factor = t[0] &* inverse
                            (_, carry) = multiplyAccumulate(factor, m[0], t[0], 0)
                            for j in 1..<count {
                                (t[j - 1], carry) = multiplyAccumulate(factor, m[j], t[j], carry)
                            }
                            let lastCarry: UInt64
                            (t[count - 1], lastCarry) = addWithCarry(upperLow, carry, 0)
                            top = upperHigh &+ lastCarry
                        }
                    }
                }
            }
        }
        return Self(montgomery: subtractModulusIfNeeded(t, carry: top))
        #endif
    }

    /// a² (Montgomery form).
    @inline(__always)
    var squared: Self { self * self }

    /// 2a mod m.
    @inline(__always)
    var doubled: Self { self + self }

    /// Given a value below 2m, written as `carry`·R + `value`, returns it reduced below m.
    @inline(__always)
    static func subtractModulusIfNeeded(_ value: M.Storage, carry: UInt64) -> M.Storage {
        var reduced = M.Storage()
        var borrow: UInt64 = 0
        value.withLimbs { v in
            M.modulus.withLimbs { m in
                reduced.withMutableLimbs { r in
                    for i in 0..<M.Storage.count {
                        (r[i], borrow) = subtractWithBorrow(v[i], m[i], borrow)
                    }
                }
            }
        }
        // value − m is the answer unless it borrowed beyond the carry.
        let keepOriginal = maskFromBit(borrow & ~carry & 1)
        var result = M.Storage()
        value.withLimbs { v in
            reduced.withLimbs { r in
                result.withMutableLimbs { out in
                    for i in 0..<M.Storage.count { out[i] = SigilConstantTime.select(keepOriginal, v[i], r[i]) }
                }
            }
        }
        return result
    }

    /// `a` where `mask` is all ones, `b` where it is zero, in constant time.
    @inline(__always)
    static func select(_ mask: UInt64, _ a: Self, _ b: Self) -> Self {
        var result = M.Storage()
        a.limbs.withLimbs { a in
            b.limbs.withLimbs { b in
                result.withMutableLimbs { r in
                    for i in 0..<M.Storage.count { r[i] = SigilConstantTime.select(mask, a[i], b[i]) }
                }
            }
        }
        return Self(montgomery: result)
    }

    /// `self`^(m − 2) = `self`⁻¹ (zero for zero), by Fermat's little theorem.
    ///
    /// The exponent is public and fixed, so the sequence of squarings and multiplications is
    /// the same for every input: constant time in the value.
    func inverted() -> Self {
        let exponent = M.modulusMinusTwo
        var result = Self.one
        var bit = M.bitCount - 1
        while bit >= 0 {
            result = result.squared
            if (exponent[bit / 64] >> UInt64(bit % 64)) & 1 == 1 {
                result = result * self
            }
            bit -= 1
        }
        return result
    }
}

// MARK: Canonical values (not Montgomery form): bytes, comparison

extension LimbStorage {
    /// Reads a big-endian byte string of exactly `byteCount` bytes into limbs (the caller
    /// checks the length; `byteCount` ≤ 8·count).
    @inline(__always)
    init<C: Collection>(bigEndian bytes: C) where C.Element == UInt8 {
        self.init()
        var index = 0
        let total = bytes.count
        withMutableLimbs { limbs in
            for byte in bytes {
                let bitPosition = 8 * (total - 1 - index)
                limbs[bitPosition / 64] |= UInt64(byte) << UInt64(bitPosition % 64)
                index += 1
            }
        }
    }

    /// The value as `byteCount` big-endian bytes (the top limbs above it must be zero).
    func bigEndianBytes(count byteCount: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: byteCount)
        withLimbs { limbs in
            for index in 0..<byteCount {
                let bitPosition = 8 * (byteCount - 1 - index)
                bytes[index] = UInt8(truncatingIfNeeded: limbs[bitPosition / 64] >> UInt64(bitPosition % 64))
            }
        }
        return bytes
    }

    /// All ones when `self` < `other`, zero otherwise; constant time.
    @inline(__always)
    func lessThanMask(_ other: Self) -> UInt64 {
        var borrow: UInt64 = 0
        withLimbs { a in
            other.withLimbs { b in
                for i in 0..<Self.count {
                    (_, borrow) = subtractWithBorrow(a[i], b[i], borrow)
                }
            }
        }
        return maskFromBit(borrow)
    }

    /// All ones when every limb is zero; constant time.
    @inline(__always)
    var isZeroMask: UInt64 {
        var accumulated: UInt64 = 0
        withLimbs { a in for i in 0..<Self.count { accumulated |= a[i] } }
        return maskIfZero(accumulated)
    }
}
