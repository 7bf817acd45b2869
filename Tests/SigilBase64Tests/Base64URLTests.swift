import SigilBase64
import Testing

@Suite("base64url")
struct Base64URLTests {
    /// Deterministic pseudo-random bytes, so failures reproduce.
    static func bytes(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    @Test("round-trips every length from 0 to 300")
    func roundTrips() throws {
        for length in 0...300 {
            let input = Self.bytes(count: length, seed: UInt64(length))
            let encoded = Base64URL.encode(input)
            #expect(encoded.utf8.count == (length * 4 + 2) / 3)
            #expect(!encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"))
            #expect(try Base64URL.decode(encoded) == input, "length \(length)")

            var appended: [UInt8] = [0xAA]
            input.withUnsafeBytes { Base64URL.encode($0, into: &appended) }
            #expect(appended == [0xAA] + Array(encoded.utf8))
            var decoded: [UInt8] = [0x55]
            try Array(encoded.utf8).withUnsafeBytes { try Base64URL.decode($0, into: &decoded) }
            #expect(decoded == [0x55] + input)
        }
    }

    @Test("rejects every non-canonical variant of the encoding of each length from 0 to 300")
    func rejectsNonCanonicalVariants() throws {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        for length in 0...300 {
            let input = Self.bytes(count: length, seed: UInt64(length) &* 31)
            let encoded = Array(Base64URL.encode(input).utf8)

            // Padding, in any amount.
            for pads in 1...3 {
                expectRejected(encoded + Array(repeating: UInt8(ascii: "="), count: pads), .invalidPadding)
            }
            // Whitespace and line breaks, at the start, the middle and the end.
            for insertAt in Set([0, encoded.count / 2, encoded.count]) {
                for junk in [" ", "\n", "\r\n", "\t"] {
                    var variant = encoded
                    variant.insert(contentsOf: Array(junk.utf8), at: insertAt)
                    expectRejected(variant, nil)
                }
            }
            // The other alphabet's symbols in place of '-' and '_'.
            for (index, symbol) in encoded.enumerated() where symbol == UInt8(ascii: "-") || symbol == UInt8(ascii: "_")
            {
                var variant = encoded
                variant[index] = symbol == UInt8(ascii: "-") ? UInt8(ascii: "+") : UInt8(ascii: "/")
                expectRejected(variant, .invalidCharacter)
            }
            // Non-zero trailing bits: every other last symbol that decodes to the same bytes.
            let unusedBits: Int
            switch length % 3 {
            case 1: unusedBits = 4
            case 2: unusedBits = 2
            default: unusedBits = 0
            }
            if unusedBits > 0, let last = encoded.last, let value = alphabet.firstIndex(of: last) {
                for low in 1..<(1 << unusedBits) {
                    var variant = encoded
                    variant[variant.count - 1] = alphabet[value | low]
                    expectRejected(variant, .nonCanonicalTrailingBits)
                }
            }
            // One extra symbol makes an impossible length when the encoding is a multiple of four.
            if encoded.count % 4 == 0 {
                expectRejected(encoded + [UInt8(ascii: "A")], .invalidLength)
            }
        }
    }

    func expectRejected(_ input: [UInt8], _ code: Base64Error.Code?, sourceLocation: SourceLocation = #_sourceLocation)
    {
        do {
            let decoded = try Base64URL.decode(input)
            Issue.record(
                "accepted \(String(decoding: input, as: UTF8.self)) as \(decoded)", sourceLocation: sourceLocation)
        } catch {
            if let code { #expect(error.code == code, sourceLocation: sourceLocation) }
            #expect(error.offset >= 0 && error.offset <= input.count, sourceLocation: sourceLocation)
        }
    }

    @Test(
        "error codes and offsets",
        arguments: [
            ("Zm9v+", Base64Error.Code.invalidCharacter, 4),
            ("Zm9v\n", .unexpectedLineBreak, 4),
            ("Z", .invalidLength, 1),
            ("Zh", .nonCanonicalTrailingBits, 1),
            ("Zm9=", .invalidPadding, 3),
            ("=Zm9", .invalidPadding, 0),
            ("Zm\u{00e9}v", .invalidCharacter, 2),
        ])
    func errorCodes(input: String, code: Base64Error.Code, offset: Int) {
        #expect {
            try Base64URL.decode(input)
        } throws: { error in
            guard let error = error as? Base64Error else { return false }
            return error.code == code && error.offset == offset
        }
    }

    @Test("errors do not echo their input")
    func errorsDoNotEchoInput() {
        let secretish = "c2VjcmV0LXRva2Vu+"
        do {
            _ = try Base64URL.decode(secretish)
            Issue.record("accepted invalid input")
        } catch {
            #expect(!String(describing: error).contains("c2VjcmV0"))
        }
    }

    @Test("decoding into a buffer leaves it unchanged on error")
    func appendLeavesBufferOnError() {
        var output: [UInt8] = [1, 2, 3]
        #expect(throws: Base64Error.self) {
            try Array("Zm9v*".utf8).withUnsafeBytes { try Base64URL.decode($0, into: &output) }
        }
        #expect(output == [1, 2, 3])
    }

    @Test("non-contiguous input gives the same result as contiguous input")
    func nonContiguousInput() throws {
        let input = Self.bytes(count: 100, seed: 7)
        let lazyBytes = input.lazy.map { $0 }
        #expect(Base64URL.encode(lazyBytes) == Base64URL.encode(input))
        let encoded = Base64URL.encode(input)
        #expect(try Base64URL.decode(encoded.utf8.lazy.map { $0 }) == input)
    }
}
