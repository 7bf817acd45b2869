// Multiples of the base point: the constant-time fixed-base multiplication that signing and
// key derivation use, and the variable-time double-scalar multiplication of verification.

import SigilConstantTime

/// One step of a secret base-point multiplication, as seen by a `BasePointObserver`.
enum BasePointStep: Equatable, Sendable {
    /// A read of table entry `entry` (1…8) of row `row` (0…31) during a masked lookup; every
    /// lookup reads all eight entries of its row.
    case tableRead(row: Int, entry: Int)
    /// A mixed addition of the selected entry.
    case add
    /// A point doubling.
    case double
}

/// Receives the sequence of operations of a secret base-point multiplication.
///
/// Signing uses `UnobservedBasePoint`, which the compiler removes entirely; the constant-time
/// test records the steps and compares them for different scalars.
protocol BasePointObserver {
    mutating func record(_ step: BasePointStep)
}

/// The observer that records nothing.
struct UnobservedBasePoint: BasePointObserver {
    init() {}
    @inline(__always)
    mutating func record(_ step: BasePointStep) {}
}

/// Precomputed multiples of the base point B, built once on first use (about 320 inversions).
enum BasePointTable {
    /// Rows of the fixed-base comb: entry `8·i + (j − 1)` is j·256ⁱ·B, for i in 0…31 and j in 1…8.
    static let comb: [AffineNielsPoint] = {
        var table: [AffineNielsPoint] = []
        table.reserveCapacity(32 * 8)
        var rowBase = ExtendedPoint.basePoint
        for _ in 0..<32 {
            let cached = rowBase.cached
            var multiple = rowBase
            for entry in 1...8 {
                table.append(multiple.affineNiels)
                if entry < 8 { multiple = (multiple + cached).extended }
            }
            // 256·rowBase: eight doublings.
            for _ in 0..<8 { rowBase = rowBase.doubled().extended }
        }
        return table
    }()

    /// Odd multiples B, 3B, 5B, …, 127B, for verification's width-8 non-adjacent form.
    static let oddMultiples: [AffineNielsPoint] = {
        var table: [AffineNielsPoint] = []
        table.reserveCapacity(64)
        let twice = ExtendedPoint.basePoint.doubled().extended.cached
        var multiple = ExtendedPoint.basePoint
        for index in 0..<64 {
            table.append(multiple.affineNiels)
            if index < 63 { multiple = (multiple + twice).extended }
        }
        return table
    }()

    /// [scalar]B in constant time, for a secret scalar below 2²⁵⁵ given as 32 little-endian bytes.
    ///
    /// The scalar is rewritten as 64 signed radix-16 digits in −8…8; the sum of digitᵢ·16ⁱ·B is
    /// accumulated as Σ over odd i, times 16, plus Σ over even i (ref10's ge_scalarmult_base),
    /// so that every digit's point is one row of the comb, j·256ᵏ·B, negated if the digit is
    /// negative. Each lookup reads all eight entries of its row and keeps one with masks; the
    /// sequence of additions and doublings is the same for every scalar.
    /// - Parameters:
    ///   - scalar: 32 bytes, the top bit clear.
    ///   - observer: receives every table read, addition and doubling.
    /// - Returns: The point, in extended coordinates.
    static func multiply<Observer: BasePointObserver>(
        _ scalar: UnsafeRawPointer, observer: inout Observer
    ) -> ExtendedPoint {
        let table = comb
        return withUnsafeTemporaryAllocation(of: Int8.self, capacity: 64) { digits in
            // Radix-16 digits in 0…15, then re-centred into −8…8 with a branch-free carry.
            for index in 0..<32 {
                let byte = scalar.load(fromByteOffset: index, as: UInt8.self)
                digits[2 * index] = Int8(byte & 15)
                digits[2 * index + 1] = Int8(byte >> 4)
            }
            var carry: Int8 = 0
            for index in 0..<63 {
                let digit = digits[index] &+ carry
                carry = (digit &+ 8) >> 4
                digits[index] = digit &- (carry << 4)
            }
            digits[63] = digits[63] &+ carry

            var accumulator = ExtendedPoint.identity
            for index in stride(from: 1, to: 64, by: 2) {
                let entry = select(table, row: index / 2, digit: digits[index], observer: &observer)
                accumulator = (accumulator + entry).extended
                observer.record(.add)
            }
            var projective = accumulator.doubled().projective
            observer.record(.double)
            projective = projective.doubled().projective
            observer.record(.double)
            projective = projective.doubled().projective
            observer.record(.double)
            accumulator = projective.doubled().extended
            observer.record(.double)
            for index in stride(from: 0, to: 64, by: 2) {
                let entry = select(table, row: index / 2, digit: digits[index], observer: &observer)
                accumulator = (accumulator + entry).extended
                observer.record(.add)
            }
            return accumulator
        }
    }

    /// digit·256^row·B from the comb in constant time: every entry of the row is read, the
    /// wanted one kept by mask, and the result negated by mask when the digit is negative.
    @inline(__always)
    private static func select<Observer: BasePointObserver>(
        _ table: [AffineNielsPoint], row: Int, digit: Int8, observer: inout Observer
    ) -> AffineNielsPoint {
        let value = UInt64(bitPattern: Int64(digit))
        let negative = maskFromBit(value >> 63)
        let magnitude = (value ^ negative) &- negative
        var result = AffineNielsPoint.identity
        for entry in 1...8 {
            let mask = maskIfEqual(magnitude, UInt64(entry))
            result = AffineNielsPoint.select(mask, table[8 * row + entry - 1], result)
            observer.record(.tableRead(row: row, entry: entry))
        }
        return result.conditionallyNegated(negative)
    }

    /// [a]A + [b]B in variable time, for public scalars a, b < 2²⁵⁵ and a public point A.
    ///
    /// Both scalars are recoded into non-adjacent form (width 5 for A, with its eight odd
    /// multiples computed here; width 8 for B, from `oddMultiples`) and processed together,
    /// one doubling per bit (Straus–Shamir).
    static func doubleScalarMultiplyVartime(
        _ a: Scalar, _ point: ExtendedPoint, _ b: Scalar
    ) -> ProjectivePoint {
        let baseTable = oddMultiples
        return withUnsafeTemporaryAllocation(of: Int8.self, capacity: 512) { digits in
            let aDigits = digits.baseAddress!
            let bDigits = aDigits + 256
            nonAdjacentForm(a, width: 5, into: aDigits)
            nonAdjacentForm(b, width: 8, into: bDigits)
            return withUnsafeTemporaryAllocation(of: CachedPoint.self, capacity: 8) { pointTable in
                let twice = point.doubled().extended
                var multiple = point
                pointTable.initializeElement(at: 0, to: multiple.cached)
                let twiceCached = twice.cached
                for index in 1..<8 {
                    multiple = (multiple + twiceCached).extended
                    pointTable.initializeElement(at: index, to: multiple.cached)
                }
                var position = 255
                while position >= 0 && aDigits[position] == 0 && bDigits[position] == 0 { position -= 1 }
                var result = ProjectivePoint.identity
                while position >= 0 {
                    var sum = result.doubled()
                    let aDigit = Int(aDigits[position])
                    if aDigit > 0 {
                        sum = sum.extended + pointTable[aDigit / 2]
                    } else if aDigit < 0 {
                        sum = sum.extended - pointTable[-aDigit / 2]
                    }
                    let bDigit = Int(bDigits[position])
                    if bDigit > 0 {
                        sum = sum.extended + baseTable[bDigit / 2]
                    } else if bDigit < 0 {
                        sum = sum.extended - baseTable[-bDigit / 2]
                    }
                    result = sum.projective
                    position -= 1
                }
                pointTable.deinitialize()
                return result
            }
        }
    }

    /// The width-w non-adjacent form of a scalar below 2²⁵⁵: 256 digits, each zero or odd with
    /// magnitude below 2^(w−1), any nonzero digit followed by at least w − 1 zeros.
    private static func nonAdjacentForm(_ scalar: Scalar, width: Int, into digits: UnsafeMutablePointer<Int8>) {
        digits.initialize(repeating: 0, count: 256)
        let windowSize = 1 << width
        let windowMask = UInt64(windowSize - 1)
        var position = 0
        var carry: UInt64 = 0
        while position < 256 {
            let index = position / 64
            let bit = position % 64
            let bits: UInt64
            if bit < 64 - width {
                bits = scalar.word(index) >> UInt64(bit)
            } else {
                bits = (scalar.word(index) >> UInt64(bit)) | (scalar.word(index + 1) << UInt64(64 - bit))
            }
            let window = carry &+ (bits & windowMask)
            if window & 1 == 0 {
                position += 1
                continue
            }
            if window < UInt64(windowSize / 2) {
                carry = 0
                digits[position] = Int8(window)
            } else {
                carry = 1
                digits[position] = Int8(Int(window) - windowSize)
            }
            position += width
        }
    }
}
