import SigilEC
import SigilTestSupport
import Testing

/// Keys in every supported form: OpenSSL-made PEM (via Python `cryptography` 48.0.0 for the
/// RFC 6979 keys), round trips, and the checks made on load.
@Suite("EC key encodings")
struct KeyEncodingTests {
    /// RFC 6979 A.2.5's P-256 key as SEC 1 `EC PRIVATE KEY`.
    static let p256SEC1 = """
        -----BEGIN EC PRIVATE KEY-----
        MHcCAQEEIMmvqdhFunUWa1whV2ex1pNOUMPbNuibEnuKYisSD2choAoGCCqGSM49
        AwEHoUQDQgAEYP7UuiVanTHJYet0xjVtaMBJuJI7Yfps5mliLmDyn7Z5A/4QCLi8
        maQa6elWKLxk8vGyDC1+n1F3o8KU1EYimQ==
        -----END EC PRIVATE KEY-----
        """
    /// The same key as PKCS#8.
    static let p256PKCS8 = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgya+p2EW6dRZrXCFX
        Z7HWk05Qw9s26JsSe4piKxIPZyGhRANCAARg/tS6JVqdMclh63TGNW1owEm4kjth
        +mzmaWIuYPKftnkD/hAIuLyZpBrp6VYovGTy8bIMLX6fUXejwpTURiKZ
        -----END PRIVATE KEY-----
        """
    /// Its public key as SubjectPublicKeyInfo.
    static let p256SPKI = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEYP7UuiVanTHJYet0xjVtaMBJuJI7
        Yfps5mliLmDyn7Z5A/4QCLi8maQa6elWKLxk8vGyDC1+n1F3o8KU1EYimQ==
        -----END PUBLIC KEY-----
        """
    /// RFC 6979 A.2.6's P-384 key as PKCS#8.
    static let p384PKCS8 = """
        -----BEGIN PRIVATE KEY-----
        MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDBrnT2tLhuMHAWxmHW2
        ZZ9N4jw7Znvyl7qapHdAeHE32JbVck5McKgl+HLJ6mDS7fWhZANiAATsOk5BW04Z
        pFaGGAKfQn+l2pqLxK6S4C4GquUoazAMZN748OqQVYZgZKJUUVSAvBOAFdm3LX1X
        JE6o75rAxiGJZwilk2f537n1TKhLPxydsSiLIxw64NT+c0T9JTMmRyA=
        -----END PRIVATE KEY-----
        """
    /// RFC 6979 A.2.7's P-521 key as SEC 1.
    static let p521SEC1 = """
        -----BEGIN EC PRIVATE KEY-----
        MIHcAgEBBEIA+tBtqmK6OyXS+0ATPadXIF3mf1uwAY/ujIbhtox+dcqolusy8fR8
        cIVYNqbRb8wUZvbY++xn24nsDAiw6Za4NTigBwYFK4EEACOhgYkDgYYABAGJRVDQ
        eFky4A6qI7aU8hP4wxIfhtyXoE5acWfbTlvNNxEj1G5F22tdU3Cn8g+2MxVdOP+h
        bSvXYdysR0uaL1AjpABJMQHJYs1NL933giheZFhBOcL5G0f4f/gjVNZjD3RqKKDb
        JXQbWzSoKACLIqzCP5JPqvvU0z+B6maVbf6qK/389Q==
        -----END EC PRIVATE KEY-----
        """
    /// A P-256 public key with explicit curve parameters (OpenSSL `-param_enc explicit`).
    static let p256ExplicitParameters = """
        -----BEGIN PUBLIC KEY-----
        MIIBSzCCAQMGByqGSM49AgEwgfcCAQEwLAYHKoZIzj0BAQIhAP////8AAAABAAAA
        AAAAAAAAAAAA////////////////MFsEIP////8AAAABAAAAAAAAAAAAAAAA////
        ///////////8BCBaxjXYqjqT57PrvVV2mIa8ZR0GsMxTsPY7zjw+J9JgSwMVAMSd
        NgiG5wSTamZ44ROdJreBn36QBEEEaxfR8uEsQkf4vOblY6RA8ncDfYEt6zOg9KE5
        RdiYwpZP40Li/hp/m47n60p8D54WK84zV2sxXs7LtkBoN79R9QIhAP////8AAAAA
        //////////+85vqtpxeehPO5ysL8YyVRAgEBA0IABJvRI+zkSJ6Cnlktf7nxbkv+
        pMxDxjN3QpkQZXqLMarrYwz16MJFSXXb9f9Vr5QurDM3DSnZhbhJHnTIYBLglw4=
        -----END PUBLIC KEY-----
        """

    static let p256D = [UInt8](hex: "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721")!

    @Test("OpenSSL's SEC 1, PKCS#8 and SPKI forms of one P-256 key agree, and Sigil writes them back")
    func p256Forms() throws {
        let sec1 = try P256.Signing.PrivateKey(pemRepresentation: Self.p256SEC1)
        let pkcs8 = try P256.Signing.PrivateKey(pemRepresentation: Self.p256PKCS8)
        let spki = try P256.Signing.PublicKey(pemRepresentation: Self.p256SPKI)
        #expect(sec1.rawRepresentation == Self.p256D)
        #expect(pkcs8.rawRepresentation == Self.p256D)
        #expect(sec1.publicKey == spki)
        #expect(pkcs8.publicKey == spki)
        // Sigil's encodings are OpenSSL's, byte for byte.
        #expect(sec1.sec1PEMRepresentation == Self.p256SEC1 + "\n")
        #expect(sec1.pemRepresentation == Self.p256PKCS8 + "\n")
        #expect(spki.pemRepresentation == Self.p256SPKI + "\n")
        // DER through the generic initialiser, both private forms.
        #expect(
            try P256.Signing.PrivateKey(derRepresentation: sec1.sec1DERRepresentation).rawRepresentation == Self.p256D)
        #expect(try P256.Signing.PrivateKey(derRepresentation: sec1.derRepresentation).rawRepresentation == Self.p256D)
        #expect(try P256.Signing.PublicKey(derRepresentation: spki.derRepresentation) == spki)
    }

    @Test("P-384 PKCS#8 and P-521 SEC 1 keys load, and round-trip")
    func otherCurves() throws {
        let p384 = try P384.Signing.PrivateKey(pemRepresentation: Self.p384PKCS8)
        #expect(p384.pemRepresentation == Self.p384PKCS8 + "\n")
        #expect(
            try P384.Signing.PrivateKey(pemRepresentation: p384.sec1PEMRepresentation).rawRepresentation
                == p384.rawRepresentation)
        let p521 = try P521.Signing.PrivateKey(pemRepresentation: Self.p521SEC1)
        #expect(p521.sec1PEMRepresentation == Self.p521SEC1 + "\n")
        #expect(
            try P521.Signing.PrivateKey(pemRepresentation: p521.pemRepresentation).rawRepresentation
                == p521.rawRepresentation)
        #expect(p521.rawRepresentation.count == 66)
    }

    @Test("a key of one curve is refused by another curve's type")
    func curveMismatch() throws {
        #expect { try P384.Signing.PrivateKey(pemRepresentation: Self.p256PKCS8) } throws: {
            ($0 as? ECError)?.code == .unsupportedKeyType
        }
        #expect { try P384.Signing.PrivateKey(pemRepresentation: Self.p256SEC1) } throws: {
            ($0 as? ECError)?.code == .unsupportedKeyType
        }
        #expect { try P521.Signing.PublicKey(pemRepresentation: Self.p256SPKI) } throws: {
            ($0 as? ECError)?.code == .unsupportedKeyType
        }
        #expect { try P256.Signing.PrivateKey(pemRepresentation: Self.p521SEC1) } throws: {
            ($0 as? ECError)?.code == .unsupportedKeyType
        }
    }

    @Test("explicit curve parameters are refused")
    func explicitParameters() throws {
        #expect { try P256.Signing.PublicKey(pemRepresentation: Self.p256ExplicitParameters) } throws: {
            ($0 as? ECError)?.code == .unsupportedKeyType
        }
    }

    @Test("a stored public key that does not match the private key is refused")
    func mismatchedPublicKey() throws {
        var der = try P256.Signing.PrivateKey(pemRepresentation: Self.p256SEC1).sec1DERRepresentation
        // Replace the stored point with another key's (same length, valid point).
        let other = P256.Signing.PrivateKey().publicKey.x963Representation
        der.replaceSubrange((der.count - 65)..<der.count, with: other)
        #expect { try P256.Signing.PrivateKey(derRepresentation: der) } throws: {
            ($0 as? ECError)?.code == .invalidPrivateKey
        }
    }

    @Test("private scalars outside [1, n − 1] are refused")
    func scalarRange() throws {
        let n = [UInt8](hex: "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551")!
        var nMinusOne = n
        nMinusOne[31] -= 1
        for bad in [[UInt8](repeating: 0, count: 32), n, [UInt8](repeating: 0xff, count: 32), [1], Self.p256D + [0]] {
            #expect { try P256.Signing.PrivateKey(rawRepresentation: bad) } throws: {
                ($0 as? ECError)?.code == .invalidPrivateKey
            }
        }
        let top = try P256.Signing.PrivateKey(rawRepresentation: nMinusOne)
        // (n − 1)·G = −G: same x as G.
        #expect(
            Array(top.publicKey.rawRepresentation.prefix(32))
                == [UInt8](hex: "6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296")!)
    }

    @Test("the private key never appears in its description")
    func redacted() throws {
        let key = try P256.Signing.PrivateKey(rawRepresentation: Self.p256D)
        #expect("\(key)" == "P256.Signing.PrivateKey(<redacted>)")
        #expect(!"\(key)".lowercased().contains("c9afa9"))
    }

    @Test("generated keys sign and verify; hedged signatures differ and verify", arguments: [0, 1, 2])
    func generatedKeys(_ curve: Int) throws {
        switch curve {
        case 0: try Self.roundTrip(P256UnderTest.self)
        case 1: try Self.roundTrip(P384UnderTest.self)
        default: try Self.roundTrip(P521UnderTest.self)
        }
    }

    static func roundTrip<Curve: CurveUnderTest>(_: Curve.Type) throws {
        let key = Curve.newPrivateKey()
        let publicKey = Curve.publicKey(of: key)
        let message = Array("a message for \(Curve.name)".utf8)
        let (raw, der) = try Curve.sign(key, message: message)
        #expect(raw.count == 2 * Curve.byteCount)
        #expect(try Curve.sign(key, message: message).raw == raw)  // deterministic
        #expect(try Curve.verify(publicKey, rawSignature: raw, message: message))
        #expect(try Curve.verify(publicKey, derSignature: der, message: message))
        #expect(try !Curve.verify(publicKey, rawSignature: raw, message: message + [0]))
        let hedged1 = try Curve.signHedged(key, message: message)
        let hedged2 = try Curve.signHedged(key, message: message)
        #expect(hedged1 != hedged2)
        #expect(hedged1 != raw)
        #expect(try Curve.verify(publicKey, rawSignature: hedged1, message: message))
        #expect(try Curve.verify(publicKey, rawSignature: hedged2, message: message))
        // Every encoding round-trips.
        #expect(
            try Curve.rawRepresentation(Curve.privateKey(raw: Curve.rawRepresentation(key)))
                == Curve.rawRepresentation(key))
        #expect(try Curve.rawRepresentation(Curve.privateKey(der: Curve.pkcs8DER(key))) == Curve.rawRepresentation(key))
        #expect(try Curve.rawRepresentation(Curve.privateKey(der: Curve.sec1DER(key))) == Curve.rawRepresentation(key))
        #expect(try Curve.rawRepresentation(Curve.privateKey(pem: Curve.pkcs8PEM(key))) == Curve.rawRepresentation(key))
        #expect(try Curve.rawRepresentation(Curve.privateKey(pem: Curve.sec1PEM(key))) == Curve.rawRepresentation(key))
        #expect(try Curve.publicKey(der: Curve.derRepresentation(publicKey)) == publicKey)
        #expect(try Curve.publicKey(pem: Curve.pemRepresentation(publicKey)) == publicKey)
        #expect(try Curve.publicKey(x963: Curve.x963Representation(publicKey)) == publicKey)
        #expect(try Curve.publicKey(raw: Curve.rawRepresentation(publicKey)) == publicKey)
        #expect(Curve.description(key).contains("redacted"))
    }
}
