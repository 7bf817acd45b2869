import Foundation
import SigilEd25519
import SigilTestSupport
import Testing

@Suite("Ed25519 keys: raw, SubjectPublicKeyInfo and PKCS#8 (RFC 8410)")
struct KeyFormatTests {
    /// RFC 8410 §10.1.
    static let rfcPublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=
        -----END PUBLIC KEY-----

        """
    /// RFC 8410 §10.3, the version 0 structure.
    static let rfcPrivateKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
        -----END PRIVATE KEY-----

        """
    /// RFC 8410 §10.3, the version 1 structure with an attribute and the public key.
    static let rfcPrivateKeyWithPublicKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MHICAQEwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
        oB8wHQYKKoZIhvcNAQkJFDEPDA1DdXJkbGUgQ2hhaXJzgSEAGb9ECWmEzf6FQbrB
        Z9w7lshQhqowtrbLDFw4rXAxZuE=
        -----END PRIVATE KEY-----
        """

    @Test("RFC 8410 §10 examples: the private key derives the public key; both forms round-trip")
    func rfcExamples() throws {
        let publicKey = try Curve25519.Signing.PublicKey(pemRepresentation: Self.rfcPublicKeyPEM)
        #expect(
            publicKey.rawRepresentation.hexString == "19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1")
        #expect(publicKey.pemRepresentation == Self.rfcPublicKeyPEM)
        #expect(try Curve25519.Signing.PublicKey(derRepresentation: publicKey.derRepresentation) == publicKey)

        let privateKey = try Curve25519.Signing.PrivateKey(pemRepresentation: Self.rfcPrivateKeyPEM)
        #expect(privateKey.publicKey == publicKey)
        #expect(privateKey.pemRepresentation == Self.rfcPrivateKeyPEM)
        let again = try Curve25519.Signing.PrivateKey(derRepresentation: privateKey.derRepresentation)
        #expect(again.rawRepresentation == privateKey.rawRepresentation)

        let withPublicKey = try Curve25519.Signing.PrivateKey(pemRepresentation: Self.rfcPrivateKeyWithPublicKeyPEM)
        #expect(withPublicKey.rawRepresentation == privateKey.rawRepresentation)
    }

    @Test("Wycheproof groups: the DER and PEM forms give the raw key")
    func wycheproofForms() throws {
        let document = try Vectors.jsonObject("wycheproof/ed25519_test.json")
        let groups = try document.objects("testGroups")
        #expect(groups.count == 78)
        for group in groups {
            let raw = try group.object("publicKey").hexBytes("pk")
            let der = try group.hexBytes("publicKeyDer")
            let fromDER = try Curve25519.Signing.PublicKey(derRepresentation: der)
            #expect(fromDER.rawRepresentation == raw)
            #expect(fromDER.derRepresentation == der)
            #expect(try Curve25519.Signing.PublicKey(pemRepresentation: try group.string("publicKeyPem")) == fromDER)
            #expect(try group.object("publicKeyJwk").base64URLBytes("x") == raw)
        }
    }

    @Test("a private key's description shows the public key only")
    func description() throws {
        let secret = [UInt8](hex: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")!
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: secret)
        #expect(!key.description.contains(secret.hexString))
        #expect(key.description.contains(key.publicKey.rawRepresentation.hexString))
        let generated = Curve25519.Signing.PrivateKey()
        #expect(generated.rawRepresentation != secret)
        let message = Array("generated".utf8)
        #expect(generated.publicKey.isValidSignature(generated.signature(for: message), for: message))
    }
}

/// Hostile or malformed keys: each is rejected with its typed error, never a trap.
@Suite("Ed25519 keys: hostile input")
struct HostileKeyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var hex: String
        var code: Ed25519Error.Code
        var testDescription: String { name }
    }

    static let publicRawCases: [Case] = [
        Case(name: "empty", hex: "", code: .invalidKeyLength),
        Case(name: "31 bytes", hex: String(repeating: "00", count: 31), code: .invalidKeyLength),
        Case(name: "33 bytes", hex: "01" + String(repeating: "00", count: 32), code: .invalidKeyLength),
        Case(name: "y = p", hex: "ed" + String(repeating: "ff", count: 30) + "7f", code: .invalidPublicKey),
        Case(name: "y = p + 1", hex: "ee" + String(repeating: "ff", count: 30) + "7f", code: .invalidPublicKey),
        Case(name: "y = 2²⁵⁵ − 1", hex: String(repeating: "ff", count: 31) + "7f", code: .invalidPublicKey),
        Case(
            name: "y = 1 (x = 0), sign bit set", hex: "01" + String(repeating: "00", count: 30) + "80",
            code: .invalidPublicKey),
        Case(
            name: "y = −1 (x = 0), sign bit set", hex: "ec" + String(repeating: "ff", count: 30) + "ff",
            code: .invalidPublicKey),
        Case(name: "y = 2, not on the curve", hex: "02" + String(repeating: "00", count: 31), code: .invalidPublicKey),
    ]

    @Test("raw public keys", arguments: publicRawCases)
    func publicRaw(_ testCase: Case) throws {
        let bytes = try #require([UInt8](hex: testCase.hex))
        let error = #expect(throws: Ed25519Error.self) { try Curve25519.Signing.PublicKey(rawRepresentation: bytes) }
        #expect(error?.code == testCase.code)
    }

    @Test("the small-order point y = 1, x = 0, sign clear, is a valid encoding")
    func identityIsAccepted() throws {
        let identity = [1] + [UInt8](repeating: 0, count: 31)
        let key = try Curve25519.Signing.PublicKey(rawRepresentation: identity)
        #expect(key.rawRepresentation == identity)
    }

    static let publicDERCases: [Case] = [
        Case(name: "empty", hex: "", code: .invalidDER),
        Case(
            name: "truncated", hex: "302a300506032b6570032100" + String(repeating: "11", count: 31), code: .invalidDER),
        Case(
            name: "trailing byte", hex: "302a300506032b6570032100" + String(repeating: "11", count: 32) + "00",
            code: .invalidDER),
        Case(
            name: "X25519 OID", hex: "302a300506032b656e032100" + String(repeating: "11", count: 32),
            code: .unsupportedKeyType),
        Case(
            name: "parameters present", hex: "302c300706032b65700500032100" + String(repeating: "11", count: 32),
            code: .unsupportedKeyType),
        Case(
            name: "unused bits", hex: "302a300506032b6570032101" + String(repeating: "11", count: 32), code: .invalidDER
        ),
        Case(
            name: "31-byte key", hex: "3029300506032b6570032000" + String(repeating: "11", count: 31),
            code: .invalidKeyLength),
        Case(
            name: "y = p", hex: "302a300506032b6570032100ed" + String(repeating: "ff", count: 30) + "7f",
            code: .invalidPublicKey),
        Case(
            name: "long-form length", hex: "30812a300506032b6570032100" + String(repeating: "11", count: 32),
            code: .invalidDER),
    ]

    @Test("DER public keys", arguments: publicDERCases)
    func publicDER(_ testCase: Case) throws {
        let bytes = try #require([UInt8](hex: testCase.hex))
        let error = #expect(throws: Ed25519Error.self) { try Curve25519.Signing.PublicKey(derRepresentation: bytes) }
        #expect(error?.code == testCase.code)
    }

    static let privateDERCases: [Case] = [
        Case(name: "empty", hex: "", code: .invalidDER),
        Case(
            name: "version 2", hex: "302e020102300506032b657004220420" + String(repeating: "11", count: 32),
            code: .unsupportedKeyType),
        Case(
            name: "X448 OID", hex: "302e020100300506032b657104220420" + String(repeating: "11", count: 32),
            code: .unsupportedKeyType),
        Case(
            name: "31-byte secret", hex: "302d020100300506032b65700421041f" + String(repeating: "11", count: 31),
            code: .invalidKeyLength),
        Case(
            name: "secret not wrapped in an OCTET STRING",
            hex: "302c020100300506032b65700420" + String(repeating: "11", count: 32), code: .invalidDER),
        Case(
            name: "trailing byte", hex: "302f020100300506032b657004220420" + String(repeating: "11", count: 32) + "00",
            code: .invalidDER),
        Case(
            name: "version 0 with a public key",
            hex: "3051020100300506032b657004220420" + String(repeating: "11", count: 32) + "812100"
                + String(repeating: "22", count: 32),
            code: .invalidDER),
        // RFC 8410 §10.3's version 1 key with the last byte of its public key changed.
        Case(
            name: "mismatched public key",
            hex: "3051020101300506032b657004220420d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842"
                + "81210019bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e2",
            code: .invalidPrivateKey),
    ]

    @Test("DER private keys", arguments: privateDERCases)
    func privateDER(_ testCase: Case) throws {
        let bytes = try #require([UInt8](hex: testCase.hex))
        let error = #expect(throws: Ed25519Error.self) { try Curve25519.Signing.PrivateKey(derRepresentation: bytes) }
        #expect(error?.code == testCase.code)
    }

    @Test("PEM with the wrong label or a broken body")
    func pem() {
        let wrongLabel = KeyFormatTests.rfcPublicKeyPEM.replacingOccurrences(of: "PUBLIC KEY", with: "PRIVATE KEY")
        let error = #expect(throws: Ed25519Error.self) {
            try Curve25519.Signing.PublicKey(pemRepresentation: wrongLabel)
        }
        #expect(error?.code == .invalidPEM)
        let broken = KeyFormatTests.rfcPublicKeyPEM.replacingOccurrences(of: "MCow", with: "M*ow")
        let brokenError = #expect(throws: Ed25519Error.self) {
            try Curve25519.Signing.PublicKey(pemRepresentation: broken)
        }
        #expect(brokenError?.code == .invalidPEM)
        let privateError = #expect(throws: Ed25519Error.self) {
            try Curve25519.Signing.PrivateKey(pemRepresentation: KeyFormatTests.rfcPublicKeyPEM)
        }
        #expect(privateError?.code == .invalidPEM)
        let lengthError = #expect(throws: Ed25519Error.self) {
            try Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 1, count: 33))
        }
        #expect(lengthError?.code == .invalidKeyLength)
    }
}
