import SigilConstantTime

// Modular exponentiation on top of the Montgomery kernels: a left-to-right
// square-and-multiply for public exponents, and a fixed-window, constant-time ladder with a
// masked lookup in an interleaved table for secret exponents.

/// One step of a secret exponentiation, as seen by an `ExponentiationObserver`.
enum ExponentiationStep: Equatable, Sendable {
    /// A Montgomery squaring.
    case square
    /// A Montgomery multiplication.
    case multiply
    /// A read of table entry `n` during a masked lookup (every entry is read on every lookup).
    case tableRead(Int)
}

/// Receives the sequence of operations of a secret exponentiation.
///
/// Signing uses `UnobservedExponentiation`, which the compiler removes entirely; the constant-time test records the
/// steps and compares them for different exponents.
protocol ExponentiationObserver {
    mutating func record(_ step: ExponentiationStep)
}

/// The observer that records nothing.
struct UnobservedExponentiation: ExponentiationObserver {
    init() {}
    @inline(__always)
    mutating func record(_ step: ExponentiationStep) {}
}

extension MontgomeryModulus {
    /// Width of the fixed window of `secretPower`, in bits.
    static let windowBits = 5
    /// Entries of the window table.
    static let tableSize = 1 << windowBits

    /// Limbs of scratch that `publicPower` needs.
    var publicPowerScratchCount: Int { 3 * limbCount }
    /// Limbs of scratch that `secretPower` needs: the table, three operands, and one mask
    /// per table entry.
    var secretPowerScratchCount: Int { (MontgomeryModulus.tableSize + 3) * limbCount + MontgomeryModulus.tableSize }

    /// result = base^exponent mod n, for a public exponent.
    ///
    /// Left-to-right square-and-multiply; the exponent is public, so its bits may steer the
    /// loop. The last multiplication uses the plain base, which leaves Montgomery form
    /// without a separate conversion.
    /// - Parameters:
    ///   - result: k limbs, receives a value < n. May not alias `base` or `scratch`.
    ///   - base: k limbs, < n.
    ///   - exponent: odd and ≥ 3 (the key types guarantee it).
    ///   - scratch: `publicPowerScratchCount` limbs.
    func publicPower(
        _ result: UnsafeMutablePointer<UInt64>, base: UnsafePointer<UInt64>, exponent: UInt64,
        scratch: UnsafeMutablePointer<UInt64>
    ) {
        let k = limbCount
        let inverse = self.inverse
        modulus.withUnsafeBufferPointer { modulusBuffer in
            rSquared.withUnsafeBufferPointer { rSquaredBuffer in
                let n = modulusBuffer.baseAddress!
                let baseMontgomery = scratch
                let wide = scratch + k
                MontgomeryModulus.multiply(
                    baseMontgomery, base, rSquaredBuffer.baseAddress!, modulus: n, inverse: inverse, count: k,
                    scratch: wide)
                result.update(from: baseMontgomery, count: k)
                var bit = 63 - exponent.leadingZeroBitCount - 1
                while bit >= 1 {
                    MontgomeryModulus.square(result, result, modulus: n, inverse: inverse, count: k, scratch: wide)
                    if (exponent >> UInt64(bit)) & 1 == 1 {
                        MontgomeryModulus.multiply(
                            result, result, baseMontgomery, modulus: n, inverse: inverse, count: k, scratch: wide)
                    }
                    bit -= 1
                }
                // Bit 0 is set (odd exponent): square, then multiply by the plain base, which
                // yields base^exponent itself rather than its Montgomery form.
                MontgomeryModulus.square(result, result, modulus: n, inverse: inverse, count: k, scratch: wide)
                MontgomeryModulus.multiply(result, result, base, modulus: n, inverse: inverse, count: k, scratch: wide)
            }
        }
    }

    /// base^exponent mod n in a fresh array (allocates; for code outside the hot paths).
    func publicPower(_ base: [UInt64], exponent: UInt64) -> [UInt64] {
        var result = [UInt64](repeating: 0, count: limbCount)
        var scratch = [UInt64](repeating: 0, count: publicPowerScratchCount)
        base.withUnsafeBufferPointer { b in
            result.withUnsafeMutableBufferPointer { r in
                scratch.withUnsafeMutableBufferPointer { s in
                    publicPower(r.baseAddress!, base: b.baseAddress!, exponent: exponent, scratch: s.baseAddress!)
                }
            }
        }
        return result
    }

    /// result = x^exponent in Montgomery form, for a secret exponent, in constant time with
    /// respect to the exponent and the base.
    ///
    /// Fixed window of `windowBits` bits over all `64·exponentLimbCount` bit positions (the
    /// exponent's actual length is not revealed). Each window does exactly `windowBits`
    /// squarings and one multiplication, also when the window is zero (table entry 0 is one).
    ///
    /// The table of x⁰…x³¹ is stored interleaved: limb j of every entry lies in 32
    /// consecutive words (four cache lines), as in OpenSSL's `BN_mod_exp_mont_consttime`.
    /// Each lookup reads the whole table in address order and keeps the wanted entry with
    /// masks that pass through `valueBarrier`, so the optimiser cannot turn the masked
    /// select into a branch or a load of one entry. The Montgomery kernels end with a
    /// masked subtraction through the same barrier. `.ci/ctgrind` checks the release build
    /// of this function under valgrind with an undefined base and exponent.
    ///
    /// - Parameters:
    ///   - result: k limbs; receives x^exponent·R mod n. May not alias the others.
    ///   - x: the base in Montgomery form (x·R mod n), k limbs, < n.
    ///   - exponent: `exponentLimbCount` limbs, little-endian.
    ///   - exponentLimbCount: The number of limbs of the exponent; every bit of them is processed.
    ///   - scratch: `secretPowerScratchCount` limbs.
    ///   - observer: receives every squaring, multiplication and table read.
    func secretPower<Observer: ExponentiationObserver>(
        _ result: UnsafeMutablePointer<UInt64>, montgomeryBase x: UnsafePointer<UInt64>,
        exponent: UnsafePointer<UInt64>, exponentLimbCount: Int,
        scratch: UnsafeMutablePointer<UInt64>, observer: inout Observer
    ) {
        let k = limbCount
        let inverse = self.inverse
        let window = MontgomeryModulus.windowBits
        let entries = MontgomeryModulus.tableSize
        modulus.withUnsafeBufferPointer { modulusBuffer in
            one.withUnsafeBufferPointer { oneBuffer in
                let n = modulusBuffer.baseAddress!
                let table = scratch
                let selected = scratch + entries * k
                let wide = selected + k
                let masks = wide + 2 * k
                // table[i] = x^i·R, computed in `selected` and scattered into the table.
                selected.update(from: oneBuffer.baseAddress!, count: k)
                storeInterleaved(selected, into: table, entry: 0, entries: entries, width: k)
                selected.update(from: x, count: k)
                storeInterleaved(selected, into: table, entry: 1, entries: entries, width: k)
                for entry in 2..<entries {
                    MontgomeryModulus.multiply(
                        selected, selected, x, modulus: n, inverse: inverse, count: k, scratch: wide)
                    observer.record(.multiply)
                    storeInterleaved(selected, into: table, entry: entry, entries: entries, width: k)
                }

                let totalBits = 64 * exponentLimbCount
                let topWidth = totalBits % window == 0 ? window : totalBits % window
                var position = totalBits - topWidth
                var index = MontgomeryModulus.exponentBits(
                    exponent, count: exponentLimbCount, at: position, width: topWidth)
                MontgomeryModulus.maskedLookup(
                    result, table: table, entries: entries, count: k, index: index, masks: masks,
                    observer: &observer)
                while position > 0 {
                    position -= window
                    for _ in 0..<window {
                        MontgomeryModulus.square(result, result, modulus: n, inverse: inverse, count: k, scratch: wide)
                        observer.record(.square)
                    }
                    index = MontgomeryModulus.exponentBits(
                        exponent, count: exponentLimbCount, at: position, width: window)
                    MontgomeryModulus.maskedLookup(
                        selected, table: table, entries: entries, count: k, index: index, masks: masks,
                        observer: &observer)
                    MontgomeryModulus.multiply(
                        result, result, selected, modulus: n, inverse: inverse, count: k, scratch: wide)
                    observer.record(.multiply)
                }
            }
        }
    }

    /// `width` bits of the exponent starting at bit `position`.
    ///
    /// The position is public; only the value returned is secret, and it is computed without a branch on it.
    @inline(__always)
    static func exponentBits(_ exponent: UnsafePointer<UInt64>, count: Int, at position: Int, width: Int) -> UInt64 {
        let limbIndex = position / 64
        let offset = UInt64(position % 64)
        var value = exponent[limbIndex] >> offset
        if offset + UInt64(width) > 64, limbIndex + 1 < count {
            value |= exponent[limbIndex + 1] << (64 - offset)
        }
        return value & ((1 << UInt64(width)) - 1)
    }

    /// output = entry `index` of the interleaved table, reading every word of the table and
    /// keeping one entry with barrier'd masks (`loadInterleaved`).
    @inline(__always)
    static func maskedLookup<Observer: ExponentiationObserver>(
        _ output: UnsafeMutablePointer<UInt64>, table: UnsafePointer<UInt64>, entries: Int, count k: Int,
        index: UInt64, masks: UnsafeMutablePointer<UInt64>, observer: inout Observer
    ) {
        for entry in 0..<entries {
            observer.record(.tableRead(entry))
        }
        loadInterleaved(output, from: table, entries: entries, width: k, index: index, masks: masks)
    }

    /// x^exponent·R mod n in fresh arrays, for tests and key validation.
    func secretPower<Observer: ExponentiationObserver>(
        montgomeryBase x: [UInt64], exponent: [UInt64], observer: inout Observer
    ) -> [UInt64] {
        var result = [UInt64](repeating: 0, count: limbCount)
        var scratch = [UInt64](repeating: 0, count: secretPowerScratchCount)
        let exponentLimbs = exponent.isEmpty ? [0] : exponent
        x.withUnsafeBufferPointer { base in
            exponentLimbs.withUnsafeBufferPointer { e in
                result.withUnsafeMutableBufferPointer { r in
                    scratch.withUnsafeMutableBufferPointer { s in
                        secretPower(
                            r.baseAddress!, montgomeryBase: base.baseAddress!, exponent: e.baseAddress!,
                            exponentLimbCount: e.count, scratch: s.baseAddress!, observer: &observer)
                    }
                }
            }
        }
        return result
    }

    /// a·b·R⁻¹ mod n in a fresh array (a·b < n·R).
    ///
    /// With b = R² this enters Montgomery form; with b = 1 it leaves it.
    func multiply(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var result = [UInt64](repeating: 0, count: limbCount)
        var scratch = [UInt64](repeating: 0, count: limbCount + 1)
        let k = limbCount
        a.withUnsafeBufferPointer { aBuffer in
            b.withUnsafeBufferPointer { bBuffer in
                modulus.withUnsafeBufferPointer { n in
                    result.withUnsafeMutableBufferPointer { r in
                        scratch.withUnsafeMutableBufferPointer { s in
                            MontgomeryModulus.multiply(
                                r.baseAddress!, aBuffer.baseAddress!, bBuffer.baseAddress!, modulus: n.baseAddress!,
                                inverse: inverse, count: k, scratch: s.baseAddress!)
                        }
                    }
                }
            }
        }
        return result
    }
}
