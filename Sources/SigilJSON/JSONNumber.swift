/// A JSON number that keeps its exact literal text (RFC 8259 §6).
///
/// JSON numbers have no fixed precision, so SigilJSON never converts them while parsing:
/// `9007199254740993`, `18446744073709551616` and `1.0e+2` serialize back unchanged.
/// Reading one as a machine number is an explicit, checked conversion that returns `nil`
/// instead of trapping or silently rounding: ``int64Value`` and ``doubleValue``.
///
/// Two numbers are equal when their literals are equal: `1` and `1.0` are different
/// values here, although they denote the same mathematical number.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number exactly as written, for example `1.0e+2`.
    ///
    /// Always valid RFC 8259 grammar.
    public let literal: String

    @inlinable
    init(uncheckedLiteral literal: String) {
        self.literal = literal
    }

    /// A number from its literal text, validated against the RFC 8259 §6 grammar.
    ///
    /// No whitespace, no `+` sign, no leading zeros, no `NaN` or `Infinity`.
    ///
    /// - Parameter literal: The text of the number, for example `-12.5e3`.
    public init?(literal: String) {
        let valid: Bool =
            literal.utf8.withContiguousStorageIfAvailable { buffer in
                // In bounds: `isValidLiteral` reads only indices below `buffer.count`.
                JSONNumber.isValidLiteral(UnsafeRawBufferPointer(buffer))
            } ?? Array(literal.utf8).withUnsafeBytes { JSONNumber.isValidLiteral($0) }
        guard valid else { return nil }
        self.literal = literal
    }

    /// A number with the decimal digits of an integer.
    ///
    /// - Parameter value: The integer.
    public init(_ value: Int64) {
        self.literal = String(value)
    }

    /// A number with the decimal digits of an integer.
    ///
    /// - Parameter value: The integer.
    public init(_ value: Int) {
        self.literal = String(value)
    }

    /// A number with the shortest literal that reads back as exactly `value`.
    ///
    /// - Parameter value: A finite double; `1.0` is written `1.0` and `1e-5` as `1e-05`.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        self.literal = value.description
    }

    /// The number's literal text, exactly as read or written.
    public var description: String { literal }

    /// Whether the number denotes an integer: no fractional part once the exponent is
    /// applied.
    ///
    /// `10`, `10.0`, `1e3`, `1.5e1` and `-0` are integers; `1.5` and `1e-1` are not. Says
    /// nothing about range: `1e400` is an integer too.
    public var isInteger: Bool {
        let parts = decimalParts
        return parts.isZero || parts.exponent >= 0
    }

    /// The number as an `Int64` when it is exactly an integer in range, else `nil`.
    ///
    /// Any literal that denotes an integer counts, including `10.0`, `1e3` and `-0` (which
    /// gives 0). A fraction (`1.5`), a value outside `Int64.min...Int64.max`
    /// (`9223372036854775808`, a 25-digit integer, `1e300`) gives `nil`. Never traps.
    public var int64Value: Int64? {
        if let plain = plainInt64Value { return plain }
        let parts = decimalParts
        if parts.isZero { return 0 }
        guard parts.exponent >= 0, parts.significantDigits + parts.exponent <= 19 else { return nil }
        var magnitude = parts.mantissa
        for _ in 0..<parts.exponent {
            let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            magnitude = product
        }
        if parts.negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// The nearest `Double` to the number (correctly rounded, ties to even), or `nil` when
    /// that is not finite (`1e400`).
    ///
    /// Values too small for a subnormal round to zero of the literal's sign (`1e-400` gives
    /// 0.0), as IEEE 754 prescribes. `-0` gives -0.0.
    public var doubleValue: Double? {
        let parts = decimalParts
        if parts.isZero { return parts.negative ? -0.0 : 0.0 }
        // |value| >= 10^(digits + exponent - 1): overflow beyond 1e309.
        if parts.significantDigits + parts.exponent > 310 { return nil }
        // |value| < 10^(digits + exponent) <= 1e-325, below half the smallest subnormal.
        if parts.significantDigits + parts.exponent < -324 { return parts.negative ? -0.0 : 0.0 }
        // Clinger's fast path: both operands exact, so one IEEE operation rounds correctly.
        if parts.significantDigits <= 15 && parts.exponent >= -22 && parts.exponent <= 22 {
            let mantissa = Double(parts.mantissa)
            let value =
                parts.exponent >= 0
                ? mantissa * JSONNumber.powersOfTen[parts.exponent]
                : mantissa / JSONNumber.powersOfTen[-parts.exponent]
            return parts.negative ? -value : value
        }
        let value = DecimalToDouble.convert(literal)
        guard let value, value.isFinite else { return nil }
        return value
    }

    /// The powers of ten from 1e0 to 1e22, each exactly representable as a Double.
    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
}

extension JSONNumber {
    /// The value of a literal of at most 18 digits with no fraction and no exponent, the
    /// usual form of an integer (a NumericDate, for instance), which cannot overflow; `nil`
    /// for any other literal, which ``int64Value`` then reads in full.
    @inline(__always)
    var plainInt64Value: Int64? {
        literal.utf8.withContiguousStorageIfAvailable { JSONNumber.plainInteger($0) } ?? nil
    }

    /// See ``plainInt64Value``.
    static func plainInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        // The literal is valid RFC 8259 grammar, so a minus sign can only come first.
        // In bounds: `bytes[0]` is read only when `bytes` is not empty.
        let negative = !bytes.isEmpty && bytes[0] == UInt8(ascii: "-")
        let start = negative ? 1 : 0
        guard bytes.count > start, bytes.count - start <= 18 else { return nil }
        var magnitude: Int64 = 0
        for index in start..<bytes.count {
            // In bounds: `index` ranges over `start..<bytes.count`.
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            magnitude = magnitude &* 10 &+ Int64(digit)
        }
        return negative ? 0 - magnitude : magnitude
    }

    /// The literal decomposed; exponents are saturated at ±1,000,000,000, far beyond any
    /// finite double, so no arithmetic here overflows.
    var decimalParts: DecimalParts {
        literal.utf8.withContiguousStorageIfAvailable { buffer in
            // In bounds: `decompose` reads only indices below `buffer.count`.
            JSONNumber.decompose(UnsafeRawBufferPointer(buffer))
        } ?? Array(literal.utf8).withUnsafeBytes { JSONNumber.decompose($0) }
    }

    static func decompose(_ bytes: UnsafeRawBufferPointer) -> DecimalParts {
        var parts = DecimalParts()
        var index = 0
        let end = bytes.count
        // In bounds: every read below is guarded by `index < end`, and `end == bytes.count`.
        if index < end && bytes[index] == UInt8(ascii: "-") {
            parts.negative = true
            index += 1
        }
        var fractionDigits = 0
        var pendingZeros = 0
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
            let digit = UInt64(byte &- UInt8(ascii: "0"))
            if digit == 0 {
                if !parts.isZero { pendingZeros += 1 }
                continue
            }
            while pendingZeros > 0 {
                if parts.significantDigits < 19 { parts.mantissa = parts.mantissa &* 10 }
                parts.significantDigits += 1
                pendingZeros -= 1
            }
            parts.isZero = false
            if parts.significantDigits < 19 { parts.mantissa = parts.mantissa &* 10 &+ digit }
            parts.significantDigits += 1
        }
        let exponent = JSONNumber.readExponent(bytes, at: &index)
        parts.exponent = exponent - fractionDigits + pendingZeros
        return parts
    }

    /// Reads the exponent part of a number literal (`e` or `E`, an optional sign, digits)
    /// starting at `index`, if there is one, and moves `index` past it.
    ///
    /// The magnitude is saturated at 1,000,000,000, far beyond any finite double, so no
    /// arithmetic on it overflows.
    @inline(__always)
    static func readExponent(_ bytes: UnsafeRawBufferPointer, at index: inout Int) -> Int {
        let end = bytes.count
        // In bounds: every read below is guarded by `index < end`, and `end == bytes.count`.
        guard index < end && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) else { return 0 }
        index += 1
        var negative = false
        if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var exponent = 0
        while index < end {
            let digit = Int(bytes[index] &- UInt8(ascii: "0"))
            guard digit >= 0 && digit <= 9 else { break }
            if exponent < 1_000_000_000 { exponent = exponent * 10 + digit }
            index += 1
        }
        exponent = min(exponent, 1_000_000_000)
        return negative ? -exponent : exponent
    }

    /// Whether all of `bytes` is one RFC 8259 number.
    static func isValidLiteral(_ bytes: UnsafeRawBufferPointer) -> Bool {
        switch scanNumber(bytes, from: 0) {
        case .success(let end): end == bytes.count
        case .failure: false
        }
    }

    /// Scans one number starting at `start` (RFC 8259 §6):
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    ///
    /// - Returns: The index just past the number, or the error at the offending byte. A
    ///   digit directly after a leading `0` is an error here rather than trailing data.
    static func scanNumber(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Result<Int, JSONError> {
        let end = bytes.count
        var index = start
        // In bounds: each read is guarded by `index < end` (here or in `isDigit`) and `index >= start >= 0`.
        @inline(__always) func isDigit(_ index: Int) -> Bool {
            index < end && bytes[index] &- UInt8(ascii: "0") < 10
        }
        if index < end && bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < end else { return .failure(JSONError(.unexpectedEnd, at: end)) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if isDigit(index) { return .failure(JSONError(.invalidNumber, at: index)) }
        } else if isDigit(index) {
            index += 1
            while isDigit(index) { index += 1 }
        } else {
            return .failure(JSONError(.invalidNumber, at: index))
        }
        if index < end && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < end else { return .failure(JSONError(.unexpectedEnd, at: end)) }
            guard isDigit(index) else { return .failure(JSONError(.invalidNumber, at: index)) }
            while isDigit(index) { index += 1 }
        }
        if index < end && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard index < end else { return .failure(JSONError(.unexpectedEnd, at: end)) }
            guard isDigit(index) else { return .failure(JSONError(.invalidNumber, at: index)) }
            while isDigit(index) { index += 1 }
        }
        return .success(index)
    }
}
