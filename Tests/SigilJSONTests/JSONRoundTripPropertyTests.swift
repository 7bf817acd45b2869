import SigilJSON
import Testing

/// SplitMix64: a small deterministic generator, so failures reproduce from the seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random JSON values of every kind, with awkward strings and numbers.
struct RandomJSON {
    var generator: SplitMix64

    static let scalarPool: [Unicode.Scalar] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\u{A}", "\u{C}", "\u{D}", "\u{1F}",
        "\u{7F}", "\u{80}", "é", "\u{7FF}", "\u{800}", "€", "\u{2028}", "\u{D7FF}", "\u{E000}", "\u{FEFF}",
        "\u{FFFF}", "😀", "\u{10000}", "\u{10FFFF}", "\u{301}",
    ]

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &generator) }

    mutating func string() -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<int(0..<12) { text.append(Self.scalarPool[int(0..<Self.scalarPool.count)]) }
        return String(text)
    }

    mutating func digits(_ count: Int, leadingNonZero: Bool) -> String {
        var text = ""
        for position in 0..<count {
            let low = leadingNonZero && position == 0 ? 1 : 0
            text += String(int(low..<10))
        }
        return text
    }

    mutating func number() -> JSONNumber {
        switch int(0..<4) {
        case 0: return JSONNumber(Int64.random(in: .min ... .max, using: &generator))
        case 1:
            let bits = generator.next()
            let value = Double(bitPattern: bits)
            return JSONNumber(value) ?? JSONNumber(0)
        default:
            var literal = int(0..<2) == 0 ? "-" : ""
            literal += int(0..<4) == 0 ? "0" : digits(int(1..<30), leadingNonZero: true)
            if int(0..<2) == 0 { literal += "." + digits(int(1..<20), leadingNonZero: false) }
            if int(0..<2) == 0 {
                literal +=
                    ["e", "E"][int(0..<2)] + ["", "+", "-"][int(0..<3)] + digits(int(1..<4), leadingNonZero: false)
            }
            return JSONNumber(literal: literal) ?? JSONNumber(0)
        }
    }

    mutating func value(depth: Int) -> JSONValue {
        let kinds = depth >= 5 ? 4 : 6
        switch int(0..<kinds) {
        case 0: return int(0..<3) == 0 ? .null : .bool(int(0..<2) == 0)
        case 1, 2: return .number(number())
        case 3: return .string(string())
        case 4: return .array((0..<int(0..<5)).map { _ in value(depth: depth + 1) })
        default:
            var object = JSONObject()
            for _ in 0..<int(0..<6) { object[string()] = value(depth: depth + 1) }
            return .object(object)
        }
    }
}

@Suite("Property: random values serialize and parse back equal")
struct JSONRoundTripPropertyTests {
    @Test("2,000 random documents from fixed seeds", arguments: 0..<20)
    func roundTrip(_ seed: Int) throws {
        var random = RandomJSON(generator: SplitMix64(state: UInt64(seed) &* 0x1234_5678_9ABC_DEF1))
        var checked = 0
        for _ in 0..<100 {
            let value = random.value(depth: 0)
            let bytes = value.serializedBytes()
            let parsed = try JSONValue.parse(bytes)
            #expect(parsed == value)
            #expect(parsed.serializedBytes() == bytes)
            checked += 1
        }
        #expect(checked == 100)
    }

    @Test("mutated documents either parse and round-trip or fail with an in-range offset", arguments: 0..<10)
    func mutations(_ seed: Int) throws {
        var random = RandomJSON(generator: SplitMix64(state: UInt64(seed) &+ 0xBAD5_EED))
        let interesting: [UInt8] = [
            0x00, 0x1F, 0x20, 0x22, 0x2C, 0x2D, 0x2E, 0x30, 0x31, 0x3A, 0x45, 0x5B, 0x5C, 0x5D, 0x65, 0x75, 0x7B,
            0x7D, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xED, 0xF0, 0xF4, 0xF5, 0xFF,
        ]
        var outcomes = (accepted: 0, rejected: 0)
        for _ in 0..<200 {
            var bytes = random.value(depth: 0).serializedBytes()
            for _ in 0..<random.int(1..<4) {
                let position = random.int(0..<(bytes.count + 1))
                let byte = interesting[random.int(0..<interesting.count)]
                switch random.int(0..<3) {
                case 0 where position < bytes.count: bytes[position] = byte
                case 1 where position < bytes.count: bytes.remove(at: position)
                default: bytes.insert(byte, at: position)
                }
            }
            do {
                let value = try JSONValue.parse(bytes)
                let serialized = value.serializedBytes()
                #expect(try JSONValue.parse(serialized) == value)
                outcomes.accepted += 1
            } catch {
                #expect(error.offset >= 0 && error.offset <= bytes.count)
                outcomes.rejected += 1
            }
        }
        #expect(outcomes.accepted + outcomes.rejected == 200)
        #expect(outcomes.rejected > 0)
    }
}
