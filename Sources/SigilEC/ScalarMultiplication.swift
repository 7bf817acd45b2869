import SigilConstantTime

// Scalar multiplication: a constant-time fixed-window ladder for secret scalars (signing,
// and deriving a public key), and a variable-time double-scalar multiplication for
// verification, whose inputs are all public.

/// One step of a secret scalar multiplication, as seen by a `ScalarMultiplicationObserver`.
enum ScalarMultiplicationStep: Equatable, Sendable {
    /// A point doubling.
    case double
    /// A point addition.
    case add
    /// A read of table entry `n` during a masked lookup (every entry is read on every lookup).
    case tableRead(Int)
}

/// Receives the sequence of operations of a secret scalar multiplication.
///
/// Signing uses `UnobservedScalarMultiplication`, which the compiler removes entirely; the constant-time test records
/// the steps and compares them for different scalars.
protocol ScalarMultiplicationObserver {
    mutating func record(_ step: ScalarMultiplicationStep)
}

/// The observer that records nothing.
struct UnobservedScalarMultiplication: ScalarMultiplicationObserver {
    init() {}
    @inline(__always)
    mutating func record(_ step: ScalarMultiplicationStep) {}
}

extension ProjectivePoint {
    /// Width of the fixed window of `secretMultiple`, in bits.
    static var windowBits: Int { 4 }

    /// The number of windows covering a scalar of the group order's bit length.
    static var windowCount: Int { (C.Scalar.bitCount + windowBits - 1) / windowBits }

    /// `scalar`·`self`, in time independent of the scalar's value.
    ///
    /// Fixed 4-bit windows from the top: every window doubles four times (except the first),
    /// reads all 16 entries of the table of 0·P … 15·P with a mask that keeps the one it
    /// needs, and adds it, even when the digit is zero (adding the identity is well defined
    /// with complete formulas). No branch and no memory address depends on the scalar.
    ///
    /// - Parameters:
    ///   - scalar: A canonical value below 2^(windows·4), little-endian limbs.
    ///   - observer: receives every doubling, addition and table read.
    /// - Returns: The point `scalar`·`self`.
    func secretMultiple<Observer: ScalarMultiplicationObserver>(
        _ scalar: C.Field.Storage, observer: inout Observer
    ) -> Self {
        withUnsafeTemporaryAllocation(of: Self.self, capacity: 16) { table in
            table.initialize(repeating: .identity)
            table[1] = self
            for index in 2..<16 {
                table[index] = table[index - 1] + self
                observer.record(.add)
            }
            var result = Self.identity
            var window = Self.windowCount - 1
            while window >= 0 {
                if window != Self.windowCount - 1 {
                    for _ in 0..<Self.windowBits {
                        result = result.doubled
                        observer.record(.double)
                    }
                }
                let digit = Self.digit(of: scalar, window: window)
                var selected = Self.identity
                for index in 0..<16 {
                    let mask = maskIfEqual(UInt64(index), digit)
                    selected = Self.select(mask, table[index], selected)
                    observer.record(.tableRead(index))
                }
                result = result + selected
                observer.record(.add)
                window -= 1
            }
            return result
        }
    }

    /// The 4-bit digit of `scalar` at `window` (bits 4·window ..< 4·window + 4).
    ///
    /// The window position is public; the value read is not used as an index or in a branch.
    @inline(__always)
    static func digit(of scalar: C.Field.Storage, window: Int) -> UInt64 {
        let bit = window * windowBits
        return (scalar[bit / 64] >> UInt64(bit % 64)) & 0xf
    }

    /// `a`·G + `b`·`q`, in variable time (for verification, where every input is public).
    ///
    /// Interleaved sliding windows over both scalars (Shamir's trick): one shared chain of
    /// doublings, and an addition from each table of odd multiples when a window closes.
    static func publicDoubleMultiple(
        generatorScalar a: C.Field.Storage, _ b: C.Field.Storage, point q: Self
    ) -> Self {
        let width = 5
        let tableSize = 1 << (width - 2)  // 1·P, 3·P, …, 15·P
        return withUnsafeTemporaryAllocation(of: Self.self, capacity: 2 * tableSize) { tables in
            let g = Self.generator
            tables.initialize(repeating: .identity)
            tables[0] = g
            tables[tableSize] = q
            let g2 = g.doubled
            let q2 = q.doubled
            for index in 1..<tableSize {
                tables[index] = tables[index - 1] + g2
                tables[tableSize + index] = tables[tableSize + index - 1] + q2
            }
            let digitsA = WNAF<C>(a, width: width)
            let digitsB = WNAF<C>(b, width: width)
            var result = Self.identity
            var started = false
            var position = max(digitsA.length, digitsB.length) - 1
            while position >= 0 {
                if started { result = result.doubled }
                let da = digitsA[position]
                if da != 0 {
                    let entry = tables[Int(da.magnitude >> 1)]
                    result = result + (da > 0 ? entry : entry.negated)
                    started = true
                }
                let db = digitsB[position]
                if db != 0 {
                    let entry = tables[tableSize + Int(db.magnitude >> 1)]
                    result = result + (db > 0 ? entry : entry.negated)
                    started = true
                }
                position -= 1
            }
            return result
        }
    }
}

/// The width-w non-adjacent form of a public scalar: digits in {0, ±1, ±3, …, ±(2^(w−1) − 1)},
/// least significant first, with at least w − 1 zeros after every non-zero digit.
struct WNAF<C: WeierstrassCurve> {
    /// Up to 8·64 + 1 signed digits, packed in a fixed inline buffer (no heap allocation).
    private var digits: (Limbs9, Limbs9, Limbs9, Limbs9, Limbs9, Limbs9, Limbs9, Limbs9, Limbs9, Limbs9)
    /// One past the most significant non-zero digit.
    private(set) var length: Int

    init(_ scalar: C.Field.Storage, width: Int) {
        digits = (Limbs9(), Limbs9(), Limbs9(), Limbs9(), Limbs9(), Limbs9(), Limbs9(), Limbs9(), Limbs9(), Limbs9())
        length = 0
        // Work on a copy with one spare limb, so that the carry of a negative digit fits.
        var value = Limbs9()
        for i in 0..<C.Field.Storage.count { value[i] = scalar[i] }
        let windowMask = UInt64((1 << width) - 1)
        var position = 0
        while !Self.isZero(value) {
            var digit: Int64 = 0
            if value[0] & 1 == 1 {
                var remainder = Int64(value[0] & windowMask)
                if remainder >= Int64(1 << (width - 1)) { remainder -= Int64(1 << width) }
                digit = remainder
                if remainder > 0 {
                    value[0] -= UInt64(remainder)  // clears the low bits, no borrow
                } else {
                    Self.add(&value, UInt64(-remainder))
                }
            }
            setDigit(position, Int8(digit))
            if digit != 0 { length = position + 1 }
            Self.shiftRightOne(&value)
            position += 1
        }
    }

    /// The digit at `position` (zero beyond the length).
    subscript(position: Int) -> Int8 {
        guard position < length else { return 0 }
        return withUnsafeBytes(of: digits) { Int8(bitPattern: $0[position]) }
    }

    private mutating func setDigit(_ position: Int, _ digit: Int8) {
        withUnsafeMutableBytes(of: &digits) { $0[position] = UInt8(bitPattern: digit) }
    }

    private static func isZero(_ value: Limbs9) -> Bool {
        var accumulated: UInt64 = 0
        for i in 0..<9 { accumulated |= value[i] }
        return accumulated == 0
    }

    private static func add(_ value: inout Limbs9, _ small: UInt64) {
        var carry = small
        for i in 0..<9 where carry != 0 {
            let (sum, overflow) = value[i].addingReportingOverflow(carry)
            value[i] = sum
            carry = overflow ? 1 : 0
        }
    }

    private static func shiftRightOne(_ value: inout Limbs9) {
        for i in 0..<8 { value[i] = (value[i] >> 1) | (value[i + 1] << 63) }
        value[8] >>= 1
    }
}
