/// A validated number literal split into sign, significant digits and decimal exponent:
/// value = (all significant digits as an integer) × 10^exponent.
struct DecimalParts {
    var negative = false
    /// The first (up to) 19 significant digits as an integer.
    var mantissa: UInt64 = 0
    /// The count of significant digits: leading and trailing zeros removed.
    var significantDigits = 0
    /// The power of ten applying to all the significant digits.
    var exponent = 0
    /// Whether every digit is zero.
    var isZero = true
}
