/// A minimal unsigned big integer (little-endian 32-bit limbs) for ``DecimalToDouble``.
struct BigUInt {
    var limbs: [UInt32]

    init(_ value: UInt32) {
        limbs = value == 0 ? [] : [value]
    }

    init(decimalDigits digits: [UInt8]) {
        limbs = []
        var chunk: UInt32 = 0
        var chunkLength = 0
        for digit in digits {
            chunk = chunk * 10 + UInt32(digit)
            chunkLength += 1
            if chunkLength == 9 {
                multiplyAdd(1_000_000_000, chunk)
                chunk = 0
                chunkLength = 0
            }
        }
        if chunkLength > 0 {
            var scale: UInt32 = 1
            for _ in 0..<chunkLength { scale *= 10 }
            multiplyAdd(scale, chunk)
        }
    }

    /// The number of significant bits.
    var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return limbs.count * 32 - top.leadingZeroBitCount
    }

    /// self = self × factor + addend.
    mutating func multiplyAdd(_ factor: UInt32, _ addend: UInt32) {
        var carry = UInt64(addend)
        for position in limbs.indices {
            let product = UInt64(limbs[position]) * UInt64(factor) + carry
            limbs[position] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(truncatingIfNeeded: carry)) }
    }

    mutating func multiply(byPowerOfTen power: Int) {
        var remaining = power
        while remaining >= 9 {
            multiplyAdd(1_000_000_000, 0)
            remaining -= 9
        }
        var scale: UInt32 = 1
        for _ in 0..<remaining { scale *= 10 }
        if scale > 1 { multiplyAdd(scale, 0) }
    }

    mutating func shiftLeft(by bits: Int) {
        guard !limbs.isEmpty, bits > 0 else { return }
        let whole = bits / 32
        let partial = UInt32(bits % 32)
        if partial > 0 {
            var carry: UInt32 = 0
            for position in limbs.indices {
                let limb = limbs[position]
                limbs[position] = limb << partial | carry
                carry = limb >> (32 - partial)
            }
            if carry != 0 { limbs.append(carry) }
        }
        if whole > 0 { limbs.insert(contentsOf: [UInt32](repeating: 0, count: whole), at: 0) }
    }

    mutating func shiftRightByOne() {
        var carry: UInt32 = 0
        for position in limbs.indices.reversed() {
            let limb = limbs[position]
            limbs[position] = limb >> 1 | carry
            carry = limb << 31
        }
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }

    static func >= (lhs: BigUInt, rhs: BigUInt) -> Bool {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count > rhs.limbs.count }
        for position in lhs.limbs.indices.reversed() where lhs.limbs[position] != rhs.limbs[position] {
            return lhs.limbs[position] > rhs.limbs[position]
        }
        return true
    }

    /// self -= other, where self >= other.
    mutating func subtract(_ other: BigUInt) {
        var borrow: UInt32 = 0
        for position in limbs.indices {
            let subtrahend = position < other.limbs.count ? other.limbs[position] : 0
            let (first, overflowFirst) = limbs[position].subtractingReportingOverflow(subtrahend)
            let (second, overflowSecond) = first.subtractingReportingOverflow(borrow)
            limbs[position] = second
            borrow = overflowFirst || overflowSecond ? 1 : 0
        }
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }

    /// The quotient (which must fit in 64 bits) and whether the remainder is zero, by
    /// binary long division.
    func divide(by divisor: BigUInt) -> (UInt64, Bool) {
        var remainder = self
        let quotientBits = max(bitWidth - divisor.bitWidth + 1, 0)
        guard quotientBits > 0 else { return (0, remainder.limbs.isEmpty) }
        var shifted = divisor
        shifted.shiftLeft(by: quotientBits - 1)
        var quotient: UInt64 = 0
        for _ in 0..<quotientBits {
            quotient <<= 1
            if remainder >= shifted {
                remainder.subtract(shifted)
                quotient |= 1
            }
            shifted.shiftRightByOne()
        }
        return (quotient, remainder.limbs.isEmpty)
    }
}
