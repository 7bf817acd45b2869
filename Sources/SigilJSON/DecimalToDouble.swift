/// Correctly rounded decimal-to-binary conversion for the literals that Clinger's fast
/// path in ``JSONNumber/doubleValue`` cannot handle exactly.
///
/// On platforms with a C library the standard library's `Double(_: String)` (strtod,
/// correctly rounded) is used. In Embedded Swift that initializer needs a runtime hook
/// that bare-metal images do not have, so ``convertExactly(_:)``, an exact big-integer
/// method written here, is used instead. Tests check the two agree.
enum DecimalToDouble {
    /// The nearest double (ties to even) to a validated JSON number literal; may be
    /// infinite when the value is out of range.
    static func convert(_ literal: String) -> Double? {
        #if hasFeature(Embedded)
        return convertExactly(literal)
        #else
        return Double(literal)
        #endif
    }

    /// Digits kept before the rest is folded into one sticky digit.
    ///
    /// Deciding a tie between two doubles needs at most 767 significant digits, so 780 is
    /// exact.
    static let maximumDigits = 780

    /// The nearest double (ties to even) to a validated JSON number literal, computed with
    /// exact integer arithmetic: value = digits × 10^exponent is turned into a quotient of
    /// big integers scaled so that the quotient has 56 to 58 bits, which is then rounded
    /// once, with the remainder as the sticky bit.
    ///
    /// Returns ±infinity on overflow.
    static func convertExactly(_ literal: String) -> Double? {
        let parsed =
            // In bounds: `digitsAndExponent` reads only indices below the buffer's count.
            literal.utf8.withContiguousStorageIfAvailable { digitsAndExponent(UnsafeRawBufferPointer($0)) }
            ?? Array(literal.utf8).withUnsafeBytes { digitsAndExponent($0) }
        let (negative, digits, exponent) = parsed
        guard !digits.isEmpty else { return negative ? -0.0 : 0.0 }
        // Far outside the double range: decide without big numbers.
        if digits.count + exponent > 310 { return negative ? -.infinity : .infinity }
        if digits.count + exponent < -324 { return negative ? -0.0 : 0.0 }

        var numerator = BigUInt(decimalDigits: digits)
        var denominator = BigUInt(1)
        if exponent >= 0 {
            numerator.multiply(byPowerOfTen: exponent)
        } else {
            denominator.multiply(byPowerOfTen: -exponent)
        }
        // Scale by 2^shift so that the quotient has 56...58 bits.
        let shift = denominator.bitWidth - numerator.bitWidth + 56
        if shift >= 0 {
            numerator.shiftLeft(by: shift)
        } else {
            denominator.shiftLeft(by: -shift)
        }
        let (quotient, remainderIsZero) = numerator.divide(by: denominator)
        // value = quotient × 2^-shift. Drop bits down to the unit in the last place: 53
        // significant bits for normal results, fewer below 2^-1022.
        let quotientBits = UInt64.bitWidth - quotient.leadingZeroBitCount
        let drop = max(quotientBits - 53, shift - 1074)
        var kept: UInt64
        if drop >= 64 {
            kept = 0
            // Everything is below half an ulp except when exactly at the top bit; the
            // quotient is below 2^58, so with drop >= 64 it is below half the smallest step.
        } else {
            kept = quotient >> UInt64(drop)
            let half = (quotient >> UInt64(drop - 1)) & 1 == 1
            let sticky = quotient & ((1 << UInt64(drop - 1)) &- 1) != 0 || !remainderIsZero
            if half && (sticky || kept & 1 == 1) { kept += 1 }
        }
        let magnitude = Double(sign: .plus, exponent: drop - shift, significand: Double(kept))
        return negative ? -magnitude : magnitude
    }

    /// The sign, the significant decimal digits (no leading zeros; at most ``maximumDigits``
    /// plus one sticky digit) and the power of ten that applies to them.
    static func digitsAndExponent(_ bytes: UnsafeRawBufferPointer) -> (Bool, [UInt8], Int) {
        var index = 0
        let end = bytes.count
        var negative = false
        // In bounds: every read below is guarded by `index < end`, and `end == bytes.count`.
        if index < end && bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var droppedDigits = 0
        var droppedNonZero = false
        var inFraction = false
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                inFraction = true
                index += 1
                continue
            }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { break }
            index += 1
            if inFraction { fractionDigits += 1 }
            let digit = byte - UInt8(ascii: "0")
            if digits.isEmpty && digit == 0 { continue }
            if digits.count < maximumDigits {
                digits.append(digit)
            } else {
                droppedDigits += 1
                if digit != 0 { droppedNonZero = true }
            }
        }
        var exponent = JSONNumber.readExponent(bytes, at: &index)
        exponent = exponent - fractionDigits + droppedDigits
        if droppedNonZero {
            // A nonzero tail only matters as "slightly above": one more digit 1 says that.
            digits.append(1)
            exponent -= 1
        }
        // Trailing zeros carry no information; dropping them keeps the big numbers small.
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        return (negative, digits, exponent)
    }
}
