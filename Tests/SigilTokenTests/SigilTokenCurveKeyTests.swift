import Foundation
import SigilBase64
import SigilJSON
import SigilJWT
import Testing

/// `sigil-token generate` / `verify` with EC (P-256, P-384, P-521) and Ed25519 keys in every form: SEC 1 and PKCS#8
/// private PEM, SPKI public PEM, private and public JWK, JWK Set.
///
/// The keys are SigilServerTests' fixtures (made by Python `cryptography`, with the expected JWKs and RFC 7638
/// thumbprints computed there), read through `#filePath`.
@Suite("sigil-token CLI with EC and Ed25519 keys")
struct SigilTokenCurveKeyTests {
    static let fixtures =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SigilServerTests/Fixtures").path + "/"

    /// Each algorithm with its signature size (RFC 7518 §3.4: 2 × the curve's size; RFC 8032 §5.1.6: 64).
    static let algorithms: [(name: String, signatureBytes: Int)] = [
        ("ES256", 64), ("ES384", 96), ("ES512", 132), ("EdDSA", 64),
    ]

    /// The public JWK that make-curve-keys.py published for an algorithm's key (with alg and kid).
    static func publicJWK(_ algorithm: String) throws -> JSONObject {
        let text = try String(contentsOfFile: fixtures + "curve-keys.jwks.json", encoding: .utf8)
        return try #require(try JSONValue.parse(text)[algorithm]?["keys"]?[0]?.objectValue)
    }

    static func token(_ output: SigilToken.Output) -> String {
        output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The token with its signature segment replaced by base64url of `signature`.
    static func replacingSignature(of token: String, with signature: [UInt8]) -> String {
        String(token.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: "."))
            + "." + Base64URL.encode(signature)
    }

    /// The DER `ECDSA-Sig-Value` (RFC 3279 §2.2.3) of an r ‖ s signature, which JWS forbids.
    static func derSignature(_ raw: [UInt8]) -> [UInt8] {
        func integer(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            var value = Array(bytes.drop { $0 == 0 })
            if value.isEmpty || value[0] & 0x80 != 0 { value.insert(0, at: 0) }
            return [0x02] + length(value.count) + value
        }
        func length(_ count: Int) -> [UInt8] { count < 0x80 ? [UInt8(count)] : [0x81, UInt8(count)] }
        let half = raw.count / 2
        let body = integer(raw[..<half]) + integer(raw[half...])
        return [0x30] + length(body.count) + body
    }

    @Test("generate with SEC 1, PKCS#8 and JWK private keys; verify with PEM, JWK and JWK Set", arguments: algorithms)
    func roundTrip(algorithm: String, signatureBytes: Int) throws {
        let stem = Self.fixtures + algorithm.lowercased()
        let publicPEM = stem + "-public.pem"
        let jwk = try Self.publicJWK(algorithm)
        let thumbprint = try #require(jwk["kid"]?.stringValue)
        var unnamed = jwk
        unnamed["kid"] = nil
        let publicJWK = try SigilToken.temporaryFile(JSONValue.object(unnamed).serialized())
        let jwks = try SigilToken.temporaryFile(JSONValue.object(["keys": [.object(jwk)]]).serialized())
        defer { for path in [publicJWK, jwks] { try? FileManager.default.removeItem(atPath: path) } }

        var privateKeys = [stem + "-pkcs8.pem", stem + ".private.jwk.json"]
        if algorithm != "EdDSA" { privateKeys.append(stem + "-sec1.pem") }
        var verified = 0
        for path in privateKeys {
            // The key's own algorithm without --alg, and --alg in any letter case.
            for extra in [[], ["--alg", algorithm], ["--alg", algorithm.lowercased()]] {
                let generated = try SigilToken.run(
                    ["generate", "--key", path, "--user", "admin", "--role", "admin", "--quiet"] + extra, secret: nil)
                #expect(generated.status == 0, "\(path) \(extra): \(generated.stderr)")
                #expect(!generated.stderr.contains("warning"))  // no secret involved
                let token = Self.token(generated)
                let segments = token.split(separator: ".")
                #expect(try Base64URL.decode(String(segments[2])).count == signatureBytes)
                // Every verification key form for the default; the public PEM for the --alg variants.
                for key in extra.isEmpty ? [publicPEM, publicJWK, path] : [publicPEM] {
                    let result = try SigilToken.run(["verify", "--key", key, token])
                    #expect(result.status == 0, "\(path) \(extra) verified with \(key): \(result.stdout)")
                    #expect(result.json?["header"]?["alg"]?.stringValue == algorithm)
                    verified += 1
                }
            }
            // --kid-thumbprint names the key as the JWK Set (and a PEM public key) does.
            let named = Self.token(
                try SigilToken.run(
                    ["generate", "--key", path, "--user", "a", "--role", "user", "--kid-thumbprint", "--quiet"]))
            #expect(try SigilToken.run(["decode", named]).json?["header"]?["kid"] == .string(thumbprint))
            #expect(try SigilToken.run(["verify", "--key", jwks, named]).status == 0)
            #expect(try SigilToken.run(["verify", "--key", publicPEM, named]).status == 0)
        }
        #expect(verified == privateKeys.count * 5)
    }

    @Test(
        "verify refuses tampered, DER-encoded and other keys' signatures; generate refuses another algorithm",
        arguments: algorithms)
    func refusals(algorithm: String, signatureBytes: Int) throws {
        let stem = Self.fixtures + algorithm.lowercased()
        let publicPEM = stem + "-public.pem"
        let token = Self.token(
            try SigilToken.run(["generate", "--key", stem + "-pkcs8.pem", "--user", "a", "--role", "user", "--quiet"]))
        let signature = try Base64URL.decode(String(try #require(token.split(separator: ".").last)))
        #expect(signature.count == signatureBytes)

        var flipped = signature
        flipped[signatureBytes / 4] ^= 0x40
        var forged = [Self.replacingSignature(of: token, with: flipped)]
        // The two halves (r and s, or R and S) swapped.
        forged.append(
            Self.replacingSignature(
                of: token, with: Array(signature[(signatureBytes / 2)...] + signature[..<(signatureBytes / 2)])))
        if algorithm != "EdDSA" {
            // JWS ECDSA signatures are r ‖ s (RFC 7518 §3.4); the DER form is refused.
            forged.append(Self.replacingSignature(of: token, with: Self.derSignature(signature)))
        }
        for bad in forged {
            let result = try SigilToken.run(["verify", "--key", publicPEM, bad])
            #expect(result.status == 1, "\(result.stdout)")
            #expect(result.json?["valid"] == false)
        }
        // Another family's or curve's key does not verify it, even when the verifier allows
        // both algorithms.
        for other in Self.algorithms.map(\.name) where other != algorithm {
            let result = try SigilToken.run(
                [
                    "verify", "--key", Self.fixtures + other.lowercased() + "-public.pem", "--alg", algorithm, "--alg",
                    other, token,
                ])
            #expect(result.status == 1, "\(algorithm) token, \(other) key: \(result.stdout)")
        }
        // The key signs its own algorithm only; a public key cannot sign.
        let wrong = algorithm == "ES256" ? "ES384" : "ES256"
        for arguments in [
            ["generate", "--key", stem + "-pkcs8.pem", "--alg", wrong, "--user", "a", "--role", "user"],
            ["generate", "--key", stem + "-pkcs8.pem", "--alg", "RS256", "--user", "a", "--role", "user"],
            ["generate", "--key", publicPEM, "--user", "a", "--role", "user"],
        ] {
            let result = try SigilToken.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
    }
}
