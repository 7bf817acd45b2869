import SigilJSON
import Testing

@Suite("JSONNumber: exact literals and checked conversions")
struct JSONNumberTests {
    static let exactLiterals = [
        "9007199254740993", "18446744073709551616", "1.0e+2", "1E400", "-0", "-0.0", "0.000", "1e-400",
        "123456789012345678901234567890", "3.141592653589793238462643383279", "-9223372036854775809", "10.0",
        "1E+2", "2e-0",
    ]

    @Test("literals round-trip unchanged through parse and serialize", arguments: exactLiterals)
    func roundTrip(_ literal: String) throws {
        let value = try JSONValue.parse(literal)
        #expect(value.numberValue?.literal == literal)
        #expect(value.serialized() == literal)
        #expect(try JSONValue.parse("[\(literal)]").serialized() == "[\(literal)]")
        #expect(JSONNumber(literal: literal)?.literal == literal)
    }

    @Test("init(literal:) validates the grammar")
    func literalValidation() {
        for bad in [
            "", "-", "+1", "01", "1.", ".1", "1e", "1e+", " 1", "1 ", "NaN", "Infinity", "-Infinity", "0x10", "1_000",
        ] {
            #expect(JSONNumber(literal: bad) == nil, "\(bad)")
        }
        #expect(JSONNumber(literal: "-0.5E-7")?.description == "-0.5E-7")
    }

    @Test("int64Value: exact integers in range only")
    func int64Conversions() {
        let cases: [(String, Int64?)] = [
            ("0", 0), ("-0", 0), ("1", 1), ("-1", -1), ("1700000000", 1_700_000_000),
            ("9223372036854775807", .max), ("-9223372036854775808", .min),
            ("9223372036854775808", nil), ("-9223372036854775809", nil),
            ("1234567890123456789012345", nil), ("18446744073709551616", nil),
            ("1e3", 1000), ("10.0", 10), ("1.5e1", 15), ("1.50e1", 15), ("100e-2", 1), ("0.0", 0),
            ("0e999999999999", 0),
            ("1.5", nil), ("1e-1", nil), ("1e300", nil), ("1e400", nil), ("1e18", 1_000_000_000_000_000_000),
            ("9.223372036854775807e18", .max), ("9.223372036854775808e18", nil), ("1e19", nil),
            ("0.00000000000000000000001e23", 1), ("1e99999999999999999999999", nil), ("1e-99999999999999999999", nil),
            // Either side of the 18-digit plain-integer fast path.
            ("999999999999999999", 999_999_999_999_999_999), ("-999999999999999999", -999_999_999_999_999_999),
            ("1000000000000000000", 1_000_000_000_000_000_000), ("-1000000000000000000", -1_000_000_000_000_000_000),
            ("00", nil),
        ]
        for (literal, expected) in cases {
            let number = JSONNumber(literal: literal)
            if literal == "00" {
                // Not a JSON number (a leading zero), so never seen by int64Value.
                #expect(number == nil)
                continue
            }
            #expect(number != nil, "\(literal)")
            #expect(number?.int64Value == expected, "\(literal)")
        }
        #expect(cases.count == 34)
    }

    @Test("isInteger ignores range")
    func isInteger() {
        for literal in ["0", "-0", "1e400", "10.0", "1.5e1", "123456789012345678901234567890"] {
            #expect(JSONNumber(literal: literal)?.isInteger == true, "\(literal)")
        }
        for literal in ["1.5", "1e-1", "0.1", "1e-400", "123456789012345678901.5"] {
            #expect(JSONNumber(literal: literal)?.isInteger == false, "\(literal)")
        }
    }

    @Test("doubleValue: finite and correctly rounded, nil when not finite")
    func doubleConversions() throws {
        let cases: [(String, Double?)] = [
            ("1e300", 1e300), ("1e400", nil), ("-1e400", nil), ("1e-400", 0), ("0", 0), ("1.5", 1.5),
            ("9007199254740993", 9_007_199_254_740_992), ("1700000000", 1_700_000_000), ("0.1", 0.1),
            ("1.7976931348623157e308", .greatestFiniteMagnitude), ("1.7976931348623159e308", nil),
            ("4.9406564584124654e-324", .leastNonzeroMagnitude), ("2.2250738585072014e-308", .leastNormalMagnitude),
            ("123456789012345678901234567890", 1.2345678901234568e29), ("3.141592653589793238462643383279", .pi),
            ("2.4703282292062327e-324", 0), ("2.4703282292062328e-324", .leastNonzeroMagnitude),
        ]
        for (literal, expected) in cases {
            let number = try #require(JSONNumber(literal: literal))
            #expect(number.doubleValue == expected, "\(literal)")
        }
        let negativeZero = try #require(JSONNumber(literal: "-0")?.doubleValue)
        #expect(negativeZero == 0 && negativeZero.sign == .minus)
        #expect(JSONNumber(literal: "1e300")?.int64Value == nil)
    }

    @Test("numbers from machine values")
    func fromMachineValues() {
        #expect(JSONNumber(Int64.min).literal == "-9223372036854775808")
        #expect(JSONNumber(42).literal == "42")
        #expect(JSONNumber(1.5)?.literal == "1.5")
        #expect(JSONNumber(1.0)?.literal == "1.0")
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(Double.infinity) == nil)
        #expect(JSONNumber(-Double.infinity) == nil)
        for value in [0.1, -0.0, 1e-5, 1e16, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 123.456] {
            let number = JSONNumber(value)
            #expect(number.flatMap { JSONNumber(literal: $0.literal) } != nil, "\(value)")
            #expect(number?.doubleValue == value, "\(value)")
        }
        let float: JSONValue = 2.5
        #expect(float.serialized() == "2.5")
    }

    @Test("equality compares literals")
    func equality() {
        #expect(JSONNumber(literal: "1") == JSONNumber(1))
        #expect(JSONNumber(literal: "1.0") != JSONNumber(literal: "1"))
    }
}
