import SigilJSON
import Testing

@Suite("Depth and size limits")
struct JSONLimitsTests {
    static func nestedArrays(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    static func nestedObjects(_ depth: Int) -> String {
        String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
    }

    @Test("default depth: 64 accepted, 65 rejected at the 65th bracket")
    func defaultDepth() throws {
        #expect(JSONLimits().maximumDepth == 64)
        _ = try JSONValue.parse(Self.nestedArrays(64))
        _ = try JSONValue.parse(Self.nestedObjects(64))
        let arrays = try #require(throws: JSONError.self) { try JSONValue.parse(Self.nestedArrays(65)) }
        #expect(arrays.code == .depthLimitExceeded)
        #expect(arrays.offset == 64)
        let objects = try #require(throws: JSONError.self) { try JSONValue.parse(Self.nestedObjects(65)) }
        #expect(objects.code == .depthLimitExceeded)
        #expect(objects.offset == 64 * 5)
    }

    @Test("configured depth: exactly the limit accepted, one past rejected", arguments: [0, 1, 2, 10, 1000])
    func configuredDepth(_ limit: Int) throws {
        let limits = JSONLimits(maximumDepth: limit)
        if limit > 0 { _ = try JSONValue.parse(Self.nestedArrays(limit), limits: limits) }
        _ = try JSONValue.parse("1", limits: limits)
        let error = try #require(throws: JSONError.self) {
            try JSONValue.parse(Self.nestedArrays(limit + 1), limits: limits)
        }
        #expect(error.code == .depthLimitExceeded)
        #expect(error.offset == limit)
    }

    @Test("600-deep nesting is rejected by default")
    func sixHundredDeep() throws {
        for text in [Self.nestedArrays(600), Self.nestedObjects(600), String(repeating: "[{\"a\":", count: 300)] {
            let error = try #require(throws: JSONError.self) { try JSONValue.parse(text) }
            #expect(error.code == .depthLimitExceeded)
        }
    }

    @Test("100,000 open brackets give a typed error, even with the depth limit lifted")
    func hundredThousandDeep() throws {
        let open = String(repeating: "[", count: 100_000)
        let error = try #require(throws: JSONError.self) { try JSONValue.parse(open) }
        #expect(error.code == .depthLimitExceeded)
        #expect(error.offset == 64)
        // With no practical depth limit the iterative reader still does not overflow.
        let lifted = try #require(throws: JSONError.self) {
            try JSONValue.parse(open, limits: JSONLimits(maximumDepth: .max))
        }
        #expect(lifted.code == .unexpectedEnd)
        #expect(lifted.offset == 100_000)
    }

    @Test("defaults")
    func defaults() {
        let limits = JSONLimits()
        #expect(limits.maximumDepth == 64)
        #expect(limits.maximumBytes == 1 << 20)
        #expect(limits.maximumStringBytes == 1 << 20)
        #expect(limits.maximumNumberBytes == 256)
    }

    @Test("the default document limit: 1 MiB accepted, one byte more rejected")
    func defaultDocumentSize() throws {
        let filler = String(repeating: " ", count: (1 << 20) - 2)
        _ = try JSONValue.parse("[]" + filler)
        let error = try #require(throws: JSONError.self) { try JSONValue.parse("[] " + filler) }
        #expect(error.code == .sizeLimitExceeded)
        #expect(error.offset == 1 << 20)
    }

    @Test("document size limit")
    func documentSize() throws {
        let limits = JSONLimits(maximumBytes: 10)
        _ = try JSONValue.parse("[1,2,3,44]", limits: limits)
        let error = try #require(throws: JSONError.self) { try JSONValue.parse("[1,2,3,444]", limits: limits) }
        #expect(error.code == .sizeLimitExceeded)
        #expect(error.offset == 10)
    }

    @Test("string length limit counts the raw token between the quotes")
    func stringSize() throws {
        let limits = JSONLimits(maximumStringBytes: 4)
        _ = try JSONValue.parse(#"["abcd"]"#, limits: limits)
        _ = try JSONValue.parse(#"{"abcd":"\n\t"}"#, limits: limits)
        for text in [#"["abcde"]"#, #"["ab\n\t"]"#, #"{"abcde":1}"#] {
            let error = try #require(throws: JSONError.self) { try JSONValue.parse(text, limits: limits) }
            #expect(error.code == .sizeLimitExceeded)
            #expect(error.offset == 1)
        }
    }

    @Test("number length limit")
    func numberSize() throws {
        let limits = JSONLimits(maximumNumberBytes: 6)
        _ = try JSONValue.parse("[-1.5e3]", limits: limits)
        let error = try #require(throws: JSONError.self) { try JSONValue.parse("[-1.5e10]", limits: limits) }
        #expect(error.code == .sizeLimitExceeded)
        #expect(error.offset == 1)
        // Default: 256 digits accepted.
        _ = try JSONValue.parse(String(repeating: "9", count: 256))
    }
}
