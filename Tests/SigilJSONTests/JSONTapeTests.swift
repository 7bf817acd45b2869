import Testing

@testable import SigilJSON

/// The tape is a second output of the same strict reader: every document gives the value,
/// or the error (code and offset), that `JSONValue.parse` gives.
@Suite("JSONTape: the strict reader's flat output")
struct JSONTapeTests {
    static func tape(_ text: String, limits: JSONLimits = JSONLimits()) throws(JSONError) -> JSONTape {
        try JSONTape(parsing: Array(text.utf8), limits: limits)
    }

    @Test("every accepted conformance case reads as the same value", arguments: JSONConformanceTests.accepted)
    func accepted(_ document: ConformanceCase) throws {
        let tape = try JSONTape(parsing: document.bytes, limits: JSONLimits())
        #expect(tape.value(at: 0) == (try JSONValue.parse(document.bytes)))
        #expect(tape.after(0) == tape.entries.count)
    }

    @Test("every rejected conformance case gives the tree reader's error", arguments: JSONConformanceTests.rejected)
    func rejected(_ document: ConformanceCase) throws {
        let expected = try #require(throws: JSONError.self) { try JSONValue.parse(document.bytes) }
        let error = try #require(throws: JSONError.self) { try JSONTape(parsing: document.bytes, limits: JSONLimits()) }
        #expect(error.code == expected.code)
        #expect(error.offset == expected.offset)
    }

    @Test("every error-table document gives the same code and offset", arguments: JSONErrorTests.cases)
    func errorTable(_ document: RejectedDocument) throws {
        let error = try #require(throws: JSONError.self) { try JSONTape(parsing: document.bytes, limits: JSONLimits()) }
        #expect(error.code == document.code)
        #expect(error.offset == document.offset)
    }

    @Test("a member search from any start index stays on the tape and finds every member from a name or the end")
    func searchStart() throws {
        let tape = try Self.tape(#"{"a":1,"b":[2,3],"c":{"d":4}}"#)
        let end = tape.entries[0].end
        #expect(end == tape.entries.count)
        // From a name entry and from the object's end, every member is found.
        for start in [1, 3, 7, end, 0, end + 5, -1] {
            for (name, kind) in [("a", JSONTape.Kind.number), ("b", .array), ("c", .object)] {
                #expect(tape.member(named: name, in: 0, from: start).map { tape.entries[$0].kind } == kind)
            }
        }
        // A start inside the object that is not a name (the last member's value, an array
        // element) may miss, but it reads only within the tape.
        for start in 2..<end {
            if let found = tape.member(named: "c", in: 0, from: start) { #expect(found < end) }
        }
    }

    @Test("table sizes")
    func counts() {
        #expect(JSONConformanceTests.accepted.count == 63)
        #expect(JSONConformanceTests.rejected.count == 107)
        #expect(JSONErrorTests.cases.count == 84)
    }

    @Test("limits: depth, document, string and number bounds are enforced as by the tree reader")
    func limits() throws {
        let deep = String(repeating: "[", count: 3) + String(repeating: "]", count: 3)
        #expect(throws: Never.self) { try Self.tape(deep, limits: JSONLimits(maximumDepth: 3)) }
        let tooDeep = try #require(throws: JSONError.self) { try Self.tape(deep, limits: JSONLimits(maximumDepth: 2)) }
        #expect(tooDeep.code == .depthLimitExceeded && tooDeep.offset == 2)
        let emptyTooDeep = try #require(throws: JSONError.self) {
            try Self.tape("[{}]", limits: JSONLimits(maximumDepth: 1))
        }
        #expect(emptyTooDeep.code == .depthLimitExceeded && emptyTooDeep.offset == 1)
        let document = try #require(throws: JSONError.self) {
            try Self.tape("[1, 2]", limits: JSONLimits(maximumBytes: 5))
        }
        #expect(document.code == .sizeLimitExceeded)
        let string = try #require(throws: JSONError.self) {
            try Self.tape(#"["abcd"]"#, limits: JSONLimits(maximumStringBytes: 3))
        }
        #expect(string.code == .sizeLimitExceeded && string.offset == 1)
        let number = try #require(throws: JSONError.self) {
            try Self.tape("[12345]", limits: JSONLimits(maximumNumberBytes: 4))
        }
        #expect(number.code == .sizeLimitExceeded && number.offset == 1)
        let open = String(repeating: "[", count: 100_000)
        let unlimited = try #require(throws: JSONError.self) {
            try Self.tape(open, limits: JSONLimits(maximumDepth: .max))
        }
        #expect(unlimited.code == .unexpectedEnd)
    }

    @Test("duplicate names: bytewise for plain names, after unescaping and by string equality otherwise")
    func duplicates() throws {
        let cases: [(String, Int)] = [
            (#"{"a":1,"a":2}"#, 7),
            (#"{"a":1,"\u0061":2}"#, 7),
            (#"{"\u0061":1,"a":2}"#, 12),
            // U+00E9 and e + U+0301 are canonically equivalent, so one name to Swift.
            ("{\"\u{E9}\":1,\"e\u{301}\":2}", 8),
            (#"{"x":{"k":[1,{"k":1}],"k":2}}"#, 22),
        ]
        for (text, offset) in cases {
            let error = try #require(throws: JSONError.self) { try Self.tape(text) }
            #expect(error.code == .duplicateKey, "\(text)")
            #expect(error.offset == offset, "\(text)")
            let tree = try #require(throws: JSONError.self) { try JSONValue.parse(text) }
            #expect(tree.offset == offset, "\(text)")
        }
        // Names that share a prefix or a length are different names.
        #expect(throws: Never.self) { try Self.tape(#"{"ab":1,"ba":2,"a":3,"abc":4,"":5}"#) }
    }

    @Test("a large object indexes its names: duplicates are found past the first sixteen members")
    func largeObject() throws {
        let members = (0..<40).map { #""m\#($0)":\#($0)"# }
        let valid = "{" + members.joined(separator: ",") + "}"
        let tape = try Self.tape(valid)
        #expect(tape.entries[0].count == 40)
        #expect(tape.member(named: "m39", in: 0).map { tape.number(at: $0).literal } == "39")
        #expect(tape.value(at: 0) == (try JSONValue.parse(valid)))
        for duplicate in ["m3", "m20", "m\\u0033\\u0039"] {
            let text = "{" + members.joined(separator: ",") + #","\#(duplicate)":0}"#
            let error = try #require(throws: JSONError.self) { try Self.tape(text) }
            #expect(error.code == .duplicateKey)
        }
    }

    @Test("members are found by name: plain, escaped and non-ASCII names, and absent ones")
    func members() throws {
        let tape = try Self.tape(#"{"sub":"a","r\u00f4le":[1,{"x":2}],"caf\u00e9":true,"n":null,"t\"q":"\u0041"}"#)
        #expect(tape.entries[0].count == 5)
        #expect(tape.member(named: "sub", in: 0).map { tape.string(at: $0) } == "a")
        #expect(tape.member(named: "rôle", in: 0).map { tape.value(at: $0) } == JSONValue.array([1, ["x": 2]]))
        #expect(tape.member(named: "cafe\u{301}", in: 0).map { tape.entries[$0].kind } == .true)
        #expect(tape.member(named: "n", in: 0).map { tape.entries[$0].kind } == .null)
        #expect(tape.member(named: "t\"q", in: 0).map { tape.string(at: $0) } == "A")
        #expect(tape.member(named: "su", in: 0) == nil)
        #expect(tape.member(named: "x", in: 0) == nil)
        #expect(tape.member(named: "", in: 0) == nil)
        let nested = try #require(tape.member(named: "rôle", in: 0))
        #expect(tape.entries[nested].kind == .array && tape.entries[nested].count == 2)
        #expect(tape.member(named: "x", in: nested + 2).map { tape.number(at: $0).literal } == "2")
        #expect(tape.after(nested) == nested + 5)
    }

    @Test("plain integers are read by the parser; every other number literal is left to exact conversion")
    func plainIntegers() throws {
        let tape = try Self.tape(
            "[0,-0,1796205529,-123456789012345678,999999999999999999,"
                + "1234567890123456789,1e2,1.0,-1.5,\"7\"]")
        let values = (1...10).map { tape.plainInteger(at: $0) }
        #expect(
            values == [0, 0, 1_796_205_529, -123_456_789_012_345_678, 999_999_999_999_999_999, nil, nil, nil, nil, nil])
        #expect(tape.number(at: 6).literal == "1234567890123456789")
    }
}
