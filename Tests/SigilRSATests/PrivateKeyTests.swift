import SigilBase64
import SigilRSA
import SigilSHA2
import SigilTestSupport
import Testing

/// RSA.PrivateKey: validation of the components, hostile encodings, round trips, and
/// descriptions that never show secrets.
@Suite("RSA.PrivateKey")
struct PrivateKeyTests {
    /// The eight JWK members of the SHA-256 group's key, decoded.
    struct Components {
        var n, e, d, p, q, dp, dq, qi: [UInt8]

        func makeKey() throws(RSAError) -> RSA.PrivateKey {
            try RSA.PrivateKey(
                modulus: n, publicExponent: e, privateExponent: d, prime1: p, prime2: q, exponent1: dp, exponent2: dq,
                coefficient: qi)
        }
    }

    static func group() throws -> [String: Any] {
        let document = try Vectors.jsonObject("wycheproof/rsa_pkcs1_2048_sig_gen_test.json")
        let group = try document.objects("testGroups")[2]
        #expect(try group.string("sha") == "SHA-256")
        return group
    }

    static func components() throws -> Components {
        let jwk = try group().object("privateKeyJwk")
        return Components(
            n: try jwk.base64URLBytes("n"), e: try jwk.base64URLBytes("e"), d: try jwk.base64URLBytes("d"),
            p: try jwk.base64URLBytes("p"), q: try jwk.base64URLBytes("q"), dp: try jwk.base64URLBytes("dp"),
            dq: try jwk.base64URLBytes("dq"), qi: try jwk.base64URLBytes("qi"))
    }

    /// A throwaway 1024-bit key, made for this test with Python `cryptography`.
    static let shortKeyPEM = """
        -----BEGIN RSA PRIVATE KEY-----
        MIICXQIBAAKBgQDDWTR0xLVHP+4+UFAWoU4GgZ5QQb9XOIourZbM0GTlwKLwOnyY
        Psbqb337hso++8u2O+5QRxhJmJDnDD5WLJrHD+vlGNwBYPUE8Vp2j/VzGPI7Vb+z
        lqO/zehI2XYA4XuRAmc0YPqtBG8LysFiHVpPi/4uCKeTuf774qAvnAUI0QIDAQAB
        AoGAHPLrQyKjepuOws1EERZ2aaBrxZj4sgQ+9gvjfRak3Sde/hqsvCMRd0xubwfa
        kNrfpXHcLylaAA4L6zF1S2/wv6zB5zvvb35oFqBYFmBE1GD/piy1Wt7LB+lyQCSG
        HnB/LIfVOc+MFvGNKnsSZNaP5f/0Iwt3l9BH2Ti5XxY03MECQQDuZa6JP0OYfrvy
        W1sRg9oZtO7Ur0gsw0vqbRDR7RQG6egGFgdx0luA5mA2bC7W3dqYUYHdZh4IgHcq
        Ft+ycuazAkEA0cXKpqHsO2YgSUH86G2t7kNvmuiTXsF9DItqCeZ5iuv9/mEol0db
        RrGvKHK5k4p3EIH/Q2/D7jwNxfbCo3T0awJAeky1xnkrH09c8g9F3+1pdSiqIXgu
        qbAjAQekyl06mfVjb8PbW9wTz0Pgder3+Ijl/KBL5B3gKHJnL7N+XRivGwJBALAl
        3t296piWUVYyyySBtSP2DKmP0vAmmdMG3qwhlL5LHKWXAHbHvKXIXsUgUSTLiN+b
        ybXfDC/ozcgGRbrsYrECQQCE+nX2jkDdBGFM/WUTwK5glOFma6+hhKk4tD/MxNO5
        /I2h2IwTkgCKIL4hiILAt3VTqmTvJOA6AcyB15vYrzMa
        -----END RSA PRIVATE KEY-----
        """

    /// Big-endian a + small (for nudging a component).
    static func adding(_ small: UInt8, to value: [UInt8]) -> [UInt8] {
        var result = value
        var carry = Int(small)
        var index = result.count - 1
        while carry > 0, index >= 0 {
            let total = Int(result[index]) + carry
            result[index] = UInt8(total & 0xff)
            carry = total >> 8
            index -= 1
        }
        return carry > 0 ? [UInt8(carry)] + result : result
    }

    static func lowercaseHex(_ bytes: [UInt8]) -> String { bytes.hexString }

    /// Runs `body`, requires an error with `code`, and checks that its description shows no
    /// secret component.
    static func expectError(
        _ code: RSAError.Code, secrets: Components?, _ body: () throws(RSAError) -> RSA.PrivateKey
    ) {
        do {
            let key = try body()
            Issue.record("expected \(code), got \(key)")
        } catch {
            #expect(error.code == code, "\(error)")
            if let secrets {
                let text = "\(error) \(error.reason)"
                for secret in [secrets.d, secrets.p, secrets.q, secrets.dp, secrets.dq, secrets.qi] {
                    #expect(!text.contains(lowercaseHex(Array(secret.prefix(8)))))
                    #expect(!text.contains(Base64URL.encode(secret.prefix(8))))
                }
            }
        }
    }

    @Test("the eight components are cross-checked; every inconsistency is rejected")
    func inconsistentComponents() throws {
        let good = try Self.components()
        let key = try good.makeKey()
        #expect(key.description == "RSA.PrivateKey(2048 bits)")
        #expect(!key.description.contains(Self.lowercaseHex(Array(good.p.prefix(4)))))

        var mutations: [(String, Components)] = []
        var c = good
        c.p = Self.adding(2, to: good.p)
        mutations.append(("p + 2", c))
        c = good
        c.q = Self.adding(2, to: good.q)
        mutations.append(("q + 2", c))
        c = good
        (c.p, c.q, c.dp, c.dq) = (good.q, good.p, good.dq, good.dp)
        mutations.append(("p and q swapped", c))
        c = good
        c.dp = Self.adding(2, to: good.dp)
        mutations.append(("dp + 2", c))
        c = good
        c.dq = Self.adding(2, to: good.dq)
        mutations.append(("dq + 2", c))
        c = good
        c.qi = Self.adding(1, to: good.qi)
        mutations.append(("qi + 1", c))
        c = good
        c.qi = [0]
        mutations.append(("qi = 0", c))
        c = good
        c.qi = Self.adding(0, to: good.p)
        mutations.append(("qi = p", c))
        c = good
        c.d = Self.adding(2, to: good.d)
        mutations.append(("d + 2", c))
        c = good
        c.d = [0]
        mutations.append(("d = 0", c))
        c = good
        c.d = good.n
        mutations.append(("d = n", c))
        c = good
        c.e = [3]
        mutations.append(("e = 3 with the e = 65537 key", c))
        c = good
        c.p = Self.adding(1, to: good.p)
        mutations.append(("p even", c))
        c = good
        c.p = [1]
        mutations.append(("p = 1", c))
        c = good
        c.q = []
        mutations.append(("q empty", c))
        c = good
        c.p = [1] + good.n
        mutations.append(("p longer than n", c))
        c = good
        c.p = good.n
        c.q = [1]
        mutations.append(("p = n, q = 1", c))
        c = good
        c.dp = [UInt8](repeating: 0xff, count: 10_000)
        mutations.append(("huge dp", c))
        for (name, mutated) in mutations {
            Self.expectError(.invalidPrivateKey, secrets: good) { () throws(RSAError) in
                _ = name
                return try mutated.makeKey()
            }
        }
        #expect(mutations.count == 18)

        c = good
        c.n = Self.adding(2, to: good.n)
        Self.expectError(.invalidPrivateKey, secrets: good) { () throws(RSAError) in try c.makeKey() }
        c = good
        c.e = [1]
        Self.expectError(.invalidPublicExponent, secrets: good) { () throws(RSAError) in try c.makeKey() }
        c = good
        c.n = [UInt8](repeating: 0xff, count: 12_500)
        Self.expectError(.modulusTooLong, secrets: good) { () throws(RSAError) in try c.makeKey() }
        // Leading zero bytes in the components are accepted.
        c = good
        c.p = [0, 0] + good.p
        c.qi = [0] + good.qi
        #expect(try c.makeKey().publicKey == key.publicKey)
    }

    @Test("a 1024-bit private key is rejected")
    func shortKey() {
        Self.expectError(.modulusTooShort, secrets: nil) { () throws(RSAError) in
            try RSA.PrivateKey(pemRepresentation: Self.shortKeyPEM)
        }
    }

    @Test("PEM labels and DER structures: wrong ones are rejected")
    func encodings() throws {
        let group = try Self.group()
        let pkcs1PEM = try group.string("privateKeyPem")
        let pkcs8 = try group.hexBytes("privateKeyPkcs8")
        let key = try RSA.PrivateKey(pemRepresentation: pkcs1PEM)
        // PKCS#8 in PEM, and both DER forms.
        let pkcs8PEM =
            "-----BEGIN PRIVATE KEY-----\n" + Base64.encode(pkcs8) + "\n-----END PRIVATE KEY-----\n"
        #expect(try RSA.PrivateKey(pemRepresentation: pkcs8PEM).publicKey == key.publicKey)
        let pkcs1DER = try Base64.decode(
            String(pkcs1PEM.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()))
        #expect(try RSA.PrivateKey(derRepresentation: pkcs1DER).publicKey == key.publicKey)
        #expect(try RSA.PrivateKey(derRepresentation: pkcs8).publicKey == key.publicKey)

        let secrets = try Self.components()
        // Wrong labels.
        let publicPEM = try group.string("keyPem")
        Self.expectError(.invalidPEM, secrets: secrets) { () throws(RSAError) in
            try RSA.PrivateKey(pemRepresentation: publicPEM)
        }
        let mislabelled = "-----BEGIN PRIVATE KEY-----\n" + Base64.encode(pkcs1DER) + "\n-----END PRIVATE KEY-----\n"
        Self.expectError(.invalidDER, secrets: secrets) { () throws(RSAError) in
            try RSA.PrivateKey(pemRepresentation: mislabelled)
        }
        let mislabelled8 =
            "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.encode(pkcs8) + "\n-----END RSA PRIVATE KEY-----\n"
        Self.expectError(.invalidDER, secrets: secrets) { () throws(RSAError) in
            try RSA.PrivateKey(pemRepresentation: mislabelled8)
        }
        // Every truncation, and trailing bytes.
        for length in 0..<pkcs8.count {
            Self.expectError(.invalidDER, secrets: secrets) { () throws(RSAError) in
                try RSA.PrivateKey(derRepresentation: pkcs8[0..<length])
            }
        }
        Self.expectError(.invalidDER, secrets: secrets) { () throws(RSAError) in
            try RSA.PrivateKey(derRepresentation: pkcs8 + [0])
        }
        // PKCS#8 with another algorithm: 1.2.840.10045.2.1 (id-ecPublicKey) in place of rsaEncryption.
        var otherAlgorithm = pkcs8
        let oidStart = 11  // 30 82 04 bd | 02 01 00 | 30 0d | 06 09 <oid>
        #expect(Array(otherAlgorithm[(oidStart - 2)..<oidStart]) == [0x06, 0x09])
        otherAlgorithm[oidStart + 8] = 0x02
        Self.expectError(.unsupportedKeyType, secrets: secrets) { () throws(RSAError) in
            try RSA.PrivateKey(derRepresentation: otherAlgorithm)
        }
        // PKCS#8 version 1 and a multi-prime (version 1) RSAPrivateKey.
        var version1 = pkcs8
        #expect(Array(version1[4..<7]) == [0x02, 0x01, 0x00])
        version1[6] = 1
        Self.expectError(.unsupportedKeyType, secrets: secrets) { () throws(RSAError) in
            try RSA.PrivateKey(derRepresentation: version1)
        }
        var multiPrime = pkcs1DER
        #expect(Array(multiPrime[4..<7]) == [0x02, 0x01, 0x00])
        multiPrime[6] = 1
        Self.expectError(.unsupportedKeyType, secrets: secrets) { () throws(RSAError) in
            try RSA.PrivateKey(derRepresentation: multiPrime)
        }
    }

    @Test("round trips: sign, verify, and reject tampering", arguments: VectorHash.allCases)
    func roundTrip(_ hash: VectorHash) throws {
        let key = try RSA.PrivateKey(pemRepresentation: try Self.group().string("privateKeyPem"))
        let messages: [[UInt8]] = [[], [0x61], [UInt8](repeating: 0x5a, count: 1000)]
        for message in messages {
            let signature = try hash.signature(key, for: message)
            #expect(signature.count == 256)
            #expect(hash.isValid(key.publicKey, signature, for: message))
            // Deterministic, whatever the blinding value.
            #expect(try hash.signature(key, for: message) == signature)
            var tampered = signature
            tampered[100] ^= 0x01
            #expect(!hash.isValid(key.publicKey, tampered, for: message))
            #expect(!hash.isValid(key.publicKey, signature, for: message + [0]))
            for otherHash in VectorHash.allCases where otherHash != hash {
                #expect(!otherHash.isValid(key.publicKey, signature, for: message))
            }
        }
    }

    /// The DigestInfo names the hash by its object identifier, which SigilRSA knows for SHA-256, SHA-384 and SHA-512
    /// only.
    ///
    /// Another hash function is refused by its type, even one whose digests have SHA-256's length and bytes.
    @Test("a hash function without a known DigestInfo is refused: a typed error when signing, false when verifying")
    func unsupportedHashFunction() throws {
        let key = try RSA.PrivateKey(pemRepresentation: try Self.group().string("privateKeyPem"))
        let message = Array("a message".utf8)
        let lookalikeDigest = SHA256Lookalike.hash(data: message)
        #expect(Array(lookalikeDigest) == Array(SHA256.hash(data: message)))
        Self.expectUnsupportedHash { () throws(RSAError) in
            _ = try key.signature(for: message, using: SHA256Lookalike.self)
        }
        Self.expectUnsupportedHash { () throws(RSAError) in _ = try key.signature(for: lookalikeDigest) }
        // A valid SHA-256 signature of the message does not verify through the lookalike.
        let signature = try key.signature(for: message, using: SHA256.self)
        #expect(key.publicKey.isValidSignature(signature, for: message, using: SHA256.self))
        #expect(!key.publicKey.isValidSignature(signature, for: message, using: SHA256Lookalike.self))
        #expect(!key.publicKey.isValidSignature(signature, for: lookalikeDigest))
    }

    /// Expects `body` to throw `.unsupportedHashAlgorithm`.
    static func expectUnsupportedHash(_ body: () throws(RSAError) -> Void) {
        do {
            try body()
            Issue.record("a SHA256Lookalike digest was signed")
        } catch {
            #expect(error.code == .unsupportedHashAlgorithm)
            #expect(
                error.description
                    == "RSAError.unsupportedHashAlgorithm: only SHA-256, SHA-384 and SHA-512 digests are supported")
        }
    }
}
