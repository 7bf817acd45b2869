import SigilBase64
import SigilJWT
import Testing

/// Splitting and strict base64url: every malformed shape is `.malformed`, and a token over
/// the size limit is `.tokenTooLarge` before anything else is looked at.
@Suite("Compact serialization")
struct CompactSerializationTests {
    static let payload = #"{"sub":"alice","exp":1700003600}"#

    @Test("a well-formed token verifies (the baseline for the negative cases)")
    func baseline() throws {
        let token = try TokenForge.token(payload: Self.payload)
        #expect(try TokenForge.verifier().verify(token).claims.subject == "alice")
    }

    @Test(
        "wrong segment counts are malformed",
        arguments: ["", ".", "a", "a.b", "a.b.c.d", "a.b.c.d.e", "..", "...", "....", "eyJ.eyJ"])
    func segmentCounts(token: String) throws {
        let verifier = try TokenForge.verifier()
        let error = TokenForge.error { () throws(JWTError) in try verifier.verify(token) }
        #expect(error?.code == .malformed, "\(token)")
    }

    @Test("dots are found at every position, whatever the length")
    func dotPositions() throws {
        let verifier = try TokenForge.verifier()
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for length in 0...40 {
            for _ in 0..<20 {
                var bytes = (0..<length).map { _ in UInt8(ascii: "A") }
                let dots = Int.random(in: 0...min(4, length), using: &generator)
                for _ in 0..<dots { bytes[Int.random(in: 0..<length, using: &generator)] = UInt8(ascii: ".") }
                let text = String(decoding: bytes, as: UTF8.self)
                let count = bytes.filter { $0 == UInt8(ascii: ".") }.count
                let error = try #require(TokenForge.error { () throws(JWTError) in try verifier.verify(text) })
                #expect(error.code == .malformed)
                #expect(error.reason.contains("three segments") == (count != 2), "\(text)")
                checked += 1
            }
        }
        #expect(checked == 41 * 20)
    }

    @Test("2 and 4 segments made from a valid token are malformed")
    func twoAndFourSegments() throws {
        let token = try TokenForge.token(payload: Self.payload)
        let parts = token.split(separator: ".").map(String.init)
        let two = parts[0] + "." + parts[1]
        let four = token + "." + parts[2]
        let verifier = try TokenForge.verifier()
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(two) }?.code == .malformed)
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(four) }?.code == .malformed)
    }

    /// Each variant re-encodes one segment non-canonically; the bytes it stands for are
    /// unchanged, so only strict decoding can catch it.
    @Test("padded, standard-alphabet and non-canonical base64url are malformed", arguments: [0, 1, 2])
    func nonCanonicalSegments(segment: Int) throws {
        let token = try TokenForge.token(payload: Self.payload)
        let parts = token.split(separator: ".").map(String.init)
        let verifier = try TokenForge.verifier()

        var variants: [String] = []
        // Padding.
        let padded = parts[segment] + String(repeating: "=", count: (4 - parts[segment].count % 4) % 4)
        if padded != parts[segment] { variants.append(padded) }
        variants.append(parts[segment] + "==")
        // Whitespace and a standard-alphabet character.
        variants.append(" " + parts[segment])
        variants.append(parts[segment] + "\n")
        variants.append("+" + parts[segment].dropFirst())
        // Non-zero trailing bits: bump the last symbol within its unused low bits.
        let bytes = try Base64URL.decode(parts[segment])
        if bytes.count % 3 != 0 {
            var last = Array(parts[segment].utf8)
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
            let value = try #require(alphabet.firstIndex(of: last[last.count - 1]))
            last[last.count - 1] = alphabet[value | 1]
            variants.append(String(decoding: last, as: UTF8.self))
        }
        #expect(variants.count >= (bytes.count % 3 == 0 ? 4 : 6))
        let key = try TokenForge.hs256Key()
        for variant in variants {
            var forgedParts = parts
            forgedParts[segment] = variant
            if segment < 2 {
                // Re-sign, so that the encoding is the only thing wrong.
                let input = forgedParts[0] + "." + forgedParts[1]
                forgedParts[2] = Base64URL.encode(try key.signature(for: Array(input.utf8)))
            }
            let forged = forgedParts.joined(separator: ".")
            let error = TokenForge.error { () throws(JWTError) in try verifier.verify(forged) }
            #expect(error?.code == .malformed, "segment \(segment): \(variant)")
        }
    }

    @Test("a token over the limit is tokenTooLarge, even if it is otherwise garbage")
    func oversize() throws {
        let verifier = try TokenForge.verifier { $0.maximumTokenBytes = 100 }
        let garbage = String(repeating: "A", count: 101)
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(garbage) }?.code == .tokenTooLarge)
        // The default limit is 16 KiB.
        #expect(JWTValidationOptions().maximumTokenBytes == 16_384)
        let big = try TokenForge.token(
            payload: #"{"exp":1700003600,"pad":""# + String(repeating: "x", count: 16_384) + "\"}")
        let defaultVerifier = try TokenForge.verifier()
        #expect(TokenForge.error { () throws(JWTError) in try defaultVerifier.verify(big) }?.code == .tokenTooLarge)
        // Exactly at the limit is still read.
        let token = try TokenForge.token(payload: Self.payload)
        let exact = try TokenForge.verifier { $0.maximumTokenBytes = token.utf8.count }
        #expect(try exact.verify(token).claims.subject == "alice")
    }

    @Test("a 10 MB token of dots is rejected unread")
    func manyDots() throws {
        let dots = String(repeating: ".", count: 10_000_000)
        let verifier = try TokenForge.verifier()
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(dots) }?.code == .tokenTooLarge)
        let small = String(repeating: ".", count: 1000)
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(small) }?.code == .malformed)
    }
}
