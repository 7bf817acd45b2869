import SigilBase64
import Testing

@Suite("standard base64")
struct Base64Tests {
    @Test("round-trips every length from 0 to 300, padded and unpadded")
    func roundTrips() throws {
        for length in 0...300 {
            let input = Base64URLTests.bytes(count: length, seed: UInt64(length) &+ 1000)
            let padded = Base64.encode(input)
            #expect(padded.utf8.count % 4 == 0)
            #expect(try Base64.decode(padded) == input)
            let unpadded = Base64.encode(input, padding: false)
            #expect(!unpadded.contains("="))
            #expect(try Base64.decode(unpadded, padding: .forbidden) == input)
            if padded.contains("=") {
                #expect(throws: Base64Error.self) { try Base64.decode(unpadded) }
                #expect(throws: Base64Error.self) { try Base64.decode(padded, padding: .forbidden) }
            }
        }
    }

    @Test("PEM bodies: LF and CRLF line breaks only when allowed")
    func lineBreaks() throws {
        let input = Base64URLTests.bytes(count: 200, seed: 3)
        let encoded = Array(Base64.encode(input).utf8)
        var lf: [UInt8] = []
        var crlf: [UInt8] = []
        for (index, symbol) in encoded.enumerated() {
            if index > 0 && index % 64 == 0 {
                lf.append(UInt8(ascii: "\n"))
                crlf.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
            }
            lf.append(symbol)
            crlf.append(symbol)
        }
        lf.append(UInt8(ascii: "\n"))
        #expect(try Base64.decode(lf, allowLineBreaks: true) == input)
        #expect(try Base64.decode(crlf, allowLineBreaks: true) == input)
        #expect(throws: Base64Error.self) { try Base64.decode(lf) }
        // A lone carriage return, a space or a tab is never a line break.
        for junk in ["\r", " ", "\t"] {
            var variant = encoded
            variant.insert(contentsOf: Array(junk.utf8), at: 10)
            #expect(throws: Base64Error.self) { try Base64.decode(variant, allowLineBreaks: true) }
        }
    }

    @Test("padding rules", arguments: ["Zg=", "Zg===", "Zm8==", "Zg==Zg==", "=", "====", "Zm9v="])
    func badPadding(input: String) {
        #expect(throws: Base64Error.self) { try Base64.decode(input) }
    }

    @Test("base64url symbols are not base64")
    func otherAlphabet() {
        #expect(throws: Base64Error.self) { try Base64.decode("-_8=") }
        #expect(throws: Base64Error.self) { try Base64URL.decode("+/8") }
    }

    @Test("non-zero trailing bits are rejected when padded too")
    func trailingBits() {
        #expect(throws: Base64Error.self) { try Base64.decode("Zh==") }
        #expect(throws: Base64Error.self) { try Base64.decode("Zm9=") }
    }
}
