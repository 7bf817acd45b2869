import Foundation
import SigilRSA
import SigilSHA2
import SigilTestSupport
import Testing

/// Malformed and hostile public keys and signatures: each gives a typed error or `false`,
/// never a trap, a hang or unbounded memory.
@Suite("RSA.PublicKey: hostile input")
struct PublicKeyHostileInputTests {
    /// The RFC 7515 A.2 key (2048 bits, e = 65537) as SubjectPublicKeyInfo DER.
    static func validDER() throws -> [UInt8] {
        let document = try Vectors.jsonObject("wycheproof/rsa_signature_2048_sha256_test.json")
        return try document.objects("testGroups")[0].hexBytes("publicKeyDer")
    }

    static func validModulus() throws -> [UInt8] {
        let document = try Vectors.jsonObject("wycheproof/rsa_signature_2048_sha256_test.json")
        return try document.objects("testGroups")[0].object("publicKey").hexBytes("modulus")
    }

    /// DER tag-length-value with a minimal length.
    static func tlv(_ tag: UInt8, _ contents: [UInt8]) -> [UInt8] {
        var length: [UInt8] = []
        if contents.count < 0x80 {
            length = [UInt8(contents.count)]
        } else {
            var remaining = contents.count
            while remaining > 0 {
                length.insert(UInt8(remaining & 0xff), at: 0)
                remaining >>= 8
            }
            length.insert(0x80 | UInt8(length.count), at: 0)
        }
        return [tag] + length + contents
    }

    static func integer(_ magnitude: [UInt8]) -> [UInt8] {
        var contents = Array(magnitude.drop { $0 == 0 })
        if contents.isEmpty || contents[0] & 0x80 != 0 { contents.insert(0, at: 0) }
        return tlv(0x02, contents)
    }

    static let rsaAlgorithm: [UInt8] = [
        0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
    ]

    static func spki(algorithm: [UInt8] = rsaAlgorithm, modulus: [UInt8], exponent: [UInt8]) -> [UInt8] {
        let key = tlv(0x30, integer(modulus) + integer(exponent))
        return tlv(0x30, algorithm + tlv(0x03, [0] + key))
    }

    static func expectError(_ code: RSAError.Code, _ body: () throws(RSAError) -> RSA.PublicKey) {
        do {
            let key = try body()
            Issue.record("expected \(code), got a key \(key)")
        } catch {
            #expect(error.code == code, "\(error)")
        }
    }

    // MARK: - DER

    @Test("every truncation of a valid DER key is rejected")
    func truncatedDER() throws {
        let der = try Self.validDER()
        for length in 0..<der.count {
            Self.expectError(.invalidDER) { () throws(RSAError) in try RSA.PublicKey(derRepresentation: der[0..<length])
            }
        }
    }

    @Test("trailing bytes after a valid DER key are rejected")
    func oversizedDER() throws {
        let der = try Self.validDER()
        Self.expectError(.invalidDER) { () throws(RSAError) in try RSA.PublicKey(derRepresentation: der + [0]) }
        Self.expectError(.invalidDER) { () throws(RSAError) in
            try RSA.PublicKey(derRepresentation: der + [UInt8](repeating: 0x30, count: 100_000))
        }
        // Trailing bytes inside the SEQUENCE: lengths rewritten to cover one more byte.
        var inside = der
        inside[3] += 1  // 30 82 01 22 -> 30 82 01 23
        inside.append(0)
        Self.expectError(.invalidDER) { () throws(RSAError) in try RSA.PublicKey(derRepresentation: inside) }
    }

    @Test("huge, indefinite and non-minimal lengths are rejected")
    func lengthFields() throws {
        let cases: [[UInt8]] = [
            [0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0x01],  // 4 GiB claimed
            [0x30, 0x88, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02],  // 8 length bytes
            [0x30, 0xff] + [UInt8](repeating: 0xff, count: 200),  // 127 length bytes
            [0x30, 0x80, 0x02, 0x01, 0x01, 0x00, 0x00],  // indefinite length (BER only)
            [0x30, 0x81, 0x06, 0x02, 0x01, 0x03, 0x02, 0x01, 0x03],  // long form for a short length
            [0x30, 0x82, 0x00, 0x06, 0x02, 0x01, 0x03, 0x02, 0x01, 0x03],  // leading zero length byte
            [0x30, 0x06, 0x02, 0x01, 0x03, 0x02, 0x01],  // inner element runs past the end
            [0x30],  // no length at all
            [],
            [0x1f, 0x01, 0x00],  // high tag number form
        ]
        for der in cases {
            Self.expectError(.invalidDER) { () throws(RSAError) in try RSA.PublicKey(derRepresentation: der) }
        }
    }

    @Test("non-minimal, negative and empty INTEGERs are rejected")
    func integers() throws {
        let modulus = try Self.validModulus().drop { $0 == 0 }
        let goodModulus = Self.integer(Array(modulus))
        let cases: [[UInt8]] = [
            Self.tlv(0x30, [0x02, 0x00] + Self.tlv(0x02, [0x03])),  // empty modulus INTEGER
            Self.tlv(0x30, Self.tlv(0x02, [0x00, 0x00] + modulus) + Self.tlv(0x02, [0x03])),  // extra zero
            Self.tlv(0x30, Self.tlv(0x02, Array(modulus)) + Self.tlv(0x02, [0x03])),  // negative (top bit set)
            Self.tlv(0x30, goodModulus + Self.tlv(0x02, [0x00, 0x03])),  // non-minimal exponent
            Self.tlv(0x30, goodModulus + Self.tlv(0x02, [0xff, 0xfd])),  // negative exponent (-3)
            Self.tlv(0x30, goodModulus),  // exponent missing
            Self.tlv(0x30, goodModulus + Self.integer([3]) + Self.integer([3])),  // extra field
        ]
        for der in cases {
            Self.expectError(.invalidDER) { () throws(RSAError) in try RSA.PublicKey(derRepresentation: der) }
        }
    }

    @Test("AlgorithmIdentifier: other algorithms, missing NULL and unused bits are rejected")
    func algorithmIdentifier() throws {
        let modulus = try Self.validModulus()
        let ecPublicKey: [UInt8] = [
            0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d,
            0x03, 0x01, 0x07,
        ]
        Self.expectError(.unsupportedKeyType) { () throws(RSAError) in
            try RSA.PublicKey(
                derRepresentation: Self.spki(algorithm: ecPublicKey, modulus: modulus, exponent: [1, 0, 1]))
        }
        let missingNull = Self.tlv(0x30, Array(Self.rsaAlgorithm[2..<13]))
        Self.expectError(.invalidDER) { () throws(RSAError) in
            try RSA.PublicKey(
                derRepresentation: Self.spki(algorithm: missingNull, modulus: modulus, exponent: [1, 0, 1]))
        }
        var unusedBits = Self.spki(modulus: modulus, exponent: [1, 0, 1])
        let bitStringStart = 4 + Self.rsaAlgorithm.count
        #expect(unusedBits[bitStringStart] == 0x03)
        unusedBits[bitStringStart + 4] = 1  // 03 82 01 0f [unused-bits byte]
        Self.expectError(.invalidDER) { () throws(RSAError) in try RSA.PublicKey(derRepresentation: unusedBits) }
        // The well-formed construction is accepted (the harness builds valid keys).
        #expect(throws: Never.self) { try RSA.PublicKey(derRepresentation: Self.spki(modulus: modulus, exponent: [3])) }
    }

    @Test("deeply nested SEQUENCEs are rejected without recursion")
    func deepNesting() {
        var der: [UInt8] = [0x05, 0x00]
        for _ in 0..<2000 { der = Self.tlv(0x30, der) }
        Self.expectError(.invalidDER) { () throws(RSAError) in try RSA.PublicKey(derRepresentation: der) }
    }

    @Test("every single-byte change in the key's header parses or throws, never traps")
    func headerMutations() throws {
        let der = try Self.validDER()
        for position in 0..<40 {
            for bit in 0..<8 {
                var mutated = der
                mutated[position] ^= 1 << UInt8(bit)
                _ = try? RSA.PublicKey(derRepresentation: mutated)
            }
        }
    }

    // MARK: - Key values

    @Test("a modulus of zero, one or an even number is rejected")
    func badModulus() throws {
        var even = try Self.validModulus()
        even[even.count - 1] &= 0xfe
        for modulus in [[0], [1], [0, 0, 0, 1], [], even] as [[UInt8]] {
            Self.expectError(.invalidModulus) { () throws(RSAError) in
                try RSA.PublicKey(modulus: modulus, publicExponent: [1, 0, 1])
            }
            Self.expectError(.invalidModulus) { () throws(RSAError) in
                try RSA.PublicKey(unsafeDERRepresentation: Self.spki(modulus: modulus, exponent: [1, 0, 1]))
            }
        }
    }

    @Test("modulus size limits: 2048 by default, 1024 when unsafe, at most 16384")
    func modulusSizes() throws {
        let short1024 = [0xc0] + [UInt8](repeating: 0x5b, count: 126) + [0x01]
        let short1023 = [0x40] + [UInt8](repeating: 0x5b, count: 126) + [0x01]
        let bits2047 = [0x40] + [UInt8](repeating: 0x5b, count: 254) + [0x01]
        let bits16385 = [0x01] + [UInt8](repeating: 0x5b, count: 2047) + [0x01]
        let bits100000 = [0x80] + [UInt8](repeating: 0x5b, count: 12_498) + [0x01]
        Self.expectError(.modulusTooShort) { () throws(RSAError) in
            try RSA.PublicKey(modulus: short1024, publicExponent: [1, 0, 1])
        }
        Self.expectError(.modulusTooShort) { () throws(RSAError) in
            try RSA.PublicKey(modulus: bits2047, publicExponent: [1, 0, 1])
        }
        let unsafeKey = try RSA.PublicKey(unsafeModulus: short1024, publicExponent: [1, 0, 1])
        #expect(unsafeKey.keySizeInBits == 1024)
        #expect(try RSA.PublicKey(unsafeDERRepresentation: unsafeKey.derRepresentation) == unsafeKey)
        #expect(try RSA.PublicKey(unsafePEMRepresentation: unsafeKey.pemRepresentation) == unsafeKey)
        Self.expectError(.modulusTooShort) { () throws(RSAError) in
            try RSA.PublicKey(derRepresentation: unsafeKey.derRepresentation)
        }
        Self.expectError(.modulusTooShort) { () throws(RSAError) in
            try RSA.PublicKey(pemRepresentation: unsafeKey.pemRepresentation)
        }
        Self.expectError(.modulusTooShort) { () throws(RSAError) in
            try RSA.PublicKey(unsafeModulus: short1023, publicExponent: [1, 0, 1])
        }
        Self.expectError(.modulusTooLong) { () throws(RSAError) in
            try RSA.PublicKey(modulus: bits16385, publicExponent: [1, 0, 1])
        }
        Self.expectError(.modulusTooLong) { () throws(RSAError) in
            try RSA.PublicKey(modulus: bits100000, publicExponent: [1, 0, 1])
        }
        Self.expectError(.modulusTooLong) { () throws(RSAError) in
            try RSA.PublicKey(derRepresentation: Self.spki(modulus: bits100000, exponent: [1, 0, 1]))
        }
        Self.expectError(.modulusTooLong) { () throws(RSAError) in
            try RSA.PublicKey(unsafeModulus: bits100000, publicExponent: [1, 0, 1])
        }
        // Leading zero bytes do not count.
        let padded = try RSA.PublicKey(modulus: [0, 0, 0] + (try Self.validModulus()), publicExponent: [0, 1, 0, 1])
        #expect(padded.keySizeInBits == 2048)
        #expect(padded.publicExponent == [1, 0, 1])
    }

    @Test("4096- and 16384-bit moduli are accepted")
    func largeModuli() throws {
        let bits4096 = [0xc3] + [UInt8](repeating: 0x5b, count: 510) + [0x01]
        #expect(try RSA.PublicKey(modulus: bits4096, publicExponent: [3]).keySizeInBits == 4096)
        let bits16384 = [0x83] + [UInt8](repeating: 0x5b, count: 2046) + [0x01]
        #expect(try RSA.PublicKey(modulus: bits16384, publicExponent: [3]).keySizeInBits == 16384)
    }

    @Test("public exponents 0, 1, even, ≥ 2^32 are rejected")
    func badExponent() throws {
        let modulus = try Self.validModulus()
        let cases: [[UInt8]] = [
            [], [0], [1], [2], [1, 0, 0], [1, 0, 0, 0, 1], [0xff, 0xff, 0xff, 0xff, 0xff],
            [1, 0, 0, 0, 0, 0, 0, 0, 1],
        ]
        for exponent in cases {
            Self.expectError(.invalidPublicExponent) { () throws(RSAError) in
                try RSA.PublicKey(modulus: modulus, publicExponent: exponent)
            }
        }
        #expect(
            try RSA.PublicKey(modulus: modulus, publicExponent: [0xff, 0xff, 0xff, 0xff]).publicExponent.count == 4)
    }

    // MARK: - PEM

    @Test("PEM: labels, framing and bodies")
    func pem() throws {
        let key = try RSA.PublicKey(derRepresentation: try Self.validDER())
        let pem = key.pemRepresentation
        #expect(try RSA.PublicKey(pemRepresentation: pem) == key)
        #expect(try RSA.PublicKey(pemRepresentation: key.pkcs1PEMRepresentation) == key)
        #expect(key.pkcs1PEMRepresentation.hasPrefix("-----BEGIN RSA PUBLIC KEY-----\n"))
        let crlf = String(pem.split(separator: "\n").joined(separator: "\r\n") + "\r\n")
        #expect(try RSA.PublicKey(pemRepresentation: "\n  " + crlf + "\n\n") == key)
        let lines = pem.split(separator: "\n")
        let oneLine = "\(lines[0])\n\(lines[1..<(lines.count - 1)].joined())\n\(lines[lines.count - 1])"
        #expect(try RSA.PublicKey(pemRepresentation: oneLine) == key)

        let invalid = [
            "",
            "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA",
            pem.replacingOccurrences(of: "PUBLIC KEY", with: "PRIVATE KEY"),
            pem.replacingOccurrences(of: "-----END PUBLIC KEY-----", with: "-----END RSA PUBLIC KEY-----"),
            pem.replacingOccurrences(of: "-----END PUBLIC KEY-----\n", with: ""),
            pem + "trailing text",
            "text before\n" + pem,
            pem.replacingOccurrences(of: "A", with: "*"),
            pem.replacingOccurrences(of: "-----BEGIN PUBLIC KEY-----\n", with: "-----BEGIN PUBLIC KEY-----"),
            "-----BEGIN -----\n-----END -----\n",
        ]
        for text in invalid {
            Self.expectError(.invalidPEM) { () throws(RSAError) in try RSA.PublicKey(pemRepresentation: text) }
        }
        // A PKCS#1 body under the SubjectPublicKeyInfo label (and the reverse) is not accepted.
        let mislabelled = pem.replacingOccurrences(of: "PUBLIC KEY", with: "RSA PUBLIC KEY")
        Self.expectError(.invalidDER) { () throws(RSAError) in try RSA.PublicKey(pemRepresentation: mislabelled) }
        let mislabelledPKCS1 = key.pkcs1PEMRepresentation.replacingOccurrences(of: "RSA PUBLIC KEY", with: "PUBLIC KEY")
        Self.expectError(.invalidDER) { () throws(RSAError) in
            try RSA.PublicKey(pemRepresentation: mislabelledPKCS1)
        }
    }

    // MARK: - Signatures

    @Test("signatures that are empty, of the wrong length, or ≥ n are rejected")
    func hostileSignatures() throws {
        let document = try Vectors.jsonObject("wycheproof/rsa_signature_2048_sha256_test.json")
        let group = try document.objects("testGroups")[0]
        let key = try RSA.PublicKey(derRepresentation: try group.hexBytes("publicKeyDer"))
        let valid = try group.objects("tests")[0]
        let message = try valid.hexBytes("msg")
        let signature = try valid.hexBytes("sig")
        #expect(key.isValidSignature(signature, for: message, using: SHA256.self))
        // The same bytes through a non-contiguous sequence.
        #expect(key.isValidSignature(signature.lazy.map { $0 }, for: message.lazy.map { $0 }, using: SHA256.self))

        let modulus = key.modulus
        let modulusPlusOne = Array((modulus.dropLast() + [modulus[modulus.count - 1] + 1]))
        let sPlusN = try Self.add(signature, modulus)
        let cases: [[UInt8]] = [
            [],
            [0],
            Array(signature.dropFirst()),
            [0] + signature,
            signature + [0],
            modulus,  // s = n
            modulusPlusOne,  // s = n + 1, which is ≡ 1 and would "verify" nothing useful
            [UInt8](repeating: 0xff, count: 256),  // s > n
            [UInt8](repeating: 0, count: 256),  // s = 0
            [0] + [UInt8](repeating: 0, count: 254) + [1],  // s = 1
            sPlusN,  // s + n: congruent to a valid signature, but ≥ n (and longer)
            [UInt8](repeating: 0x5a, count: 1_000_000),
        ]
        for bad in cases {
            #expect(!key.isValidSignature(bad, for: message, using: SHA256.self))
            #expect(!key.isValidSignature(bad.lazy.map { $0 }, for: message, using: SHA256.self))
            #expect(!key.isValidSignature(bad, for: SHA256.hash(data: message)))
        }
    }

    /// a + b for big-endian byte strings.
    static func add(_ a: [UInt8], _ b: [UInt8]) throws -> [UInt8] {
        let width = max(a.count, b.count) + 1
        let x = [UInt8](repeating: 0, count: width - a.count) + a
        let y = [UInt8](repeating: 0, count: width - b.count) + b
        var sum = [UInt8](repeating: 0, count: width)
        var carry = 0
        for index in stride(from: width - 1, through: 0, by: -1) {
            let total = Int(x[index]) + Int(y[index]) + carry
            sum[index] = UInt8(total & 0xff)
            carry = total >> 8
        }
        return sum
    }
}
