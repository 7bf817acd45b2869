// sigil-interop: tokens signed by Sigil verify with jwt-kit 5.8.0, and jwt-kit's verify with
// Sigil, for RS256/384/512, PS256/384/512, ES256/384/512 and EdDSA. Exits 1 on any
// disagreement.
//
//     swift run -c release --package-path Benchmarks sigil-interop
//
// RS256/384/512, for 2048- and 3072-bit keys made here by swift-crypto (BoringSSL), in PKCS#1
// and PKCS#8 PEM, and each algorithm:
// 1. Sigil signs (JWTProvider.createToken with an access token's claims, and JWTSigner with a
//    Codable-free claims set); jwt-kit verifies with the public PEM and with Sigil's
//    published JWK Set (`add(jwksJSON:)`), and reads the same claims.
// 2. Sigil's signature is byte-identical to BoringSSL's over the same signing input
//    (RSASSA-PKCS1-v1_5 is deterministic).
// 3. jwt-kit signs with the private PEM; Sigil verifies with the public PEM and the JWK Set.
// 4. Each side rejects a tampered token and a token under another key.
//
// PS256/384/512 (RSA-2048), ES256/384/512 and EdDSA (Ed25519), with fresh keys read by both
// sides from PEM: the same checks but 2 (PSS and ECDSA signatures are randomised), see
// SignatureFamilies.swift.

import Crypto
import Foundation
import JWTKit
import SigilBase64
import SigilJSON
import SigilJWT
import _CryptoExtras

/// A typical access token's payload as a jwt-kit user declares it.
struct AccessClaims: JWTKit.JWTPayload, Equatable {
    var sub: SubjectClaim
    var username: String
    var roles: [String]
    var permissions: [String]
    var exp: ExpirationClaim

    func verify(using algorithm: some JWTKit.JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}

struct InteropFailure: Error, CustomStringConvertible {
    let description: String
}

var checks = 0
var failures: [String] = []

@MainActor
func check(_ condition: Bool, _ what: @autoclosure () -> String) {
    checks += 1
    if !condition {
        failures.append(what())
        FileHandle.standardError.write(Data("FAIL: \(what())\n".utf8))
    }
}

/// Runs `body`, recording an error as a failure.
@MainActor
func attempt(_ what: String, _ body: () async throws -> Void) async {
    do {
        try await body()
    } catch {
        check(false, "\(what): \(error)")
    }
}

/// Whether `body` throws (a rejection).
@MainActor
func rejects(_ body: () async throws -> Void) async -> Bool {
    do {
        try await body()
        return false
    } catch {
        return true
    }
}

/// The signature segment's bytes, and the signing input (`header.payload`).
func split(_ token: String) throws -> (signingInput: [UInt8], signature: [UInt8]) {
    guard let dot = token.lastIndex(of: ".") else { throw InteropFailure(description: "no dot in the token") }
    return (Array(token[..<dot].utf8), try Base64URL.decode(String(token[token.index(after: dot)...])))
}

/// BoringSSL's RSASSA-PKCS1-v1_5 signature of `input` with the algorithm's hash.
func boringSSLSignature(
    _ input: [UInt8], key: _RSA.Signing.PrivateKey, algorithm: SigilJWT.JWTAlgorithm
) throws
    -> [UInt8]
{
    let signature: _RSA.Signing.RSASignature
    switch algorithm {
    case .rs384: signature = try key.signature(for: SHA384.hash(data: input), padding: .insecurePKCS1v1_5)
    case .rs512: signature = try key.signature(for: SHA512.hash(data: input), padding: .insecurePKCS1v1_5)
    default: signature = try key.signature(for: SHA256.hash(data: input), padding: .insecurePKCS1v1_5)
    }
    return Array(signature.rawRepresentation)
}

/// A token with one signature character changed: the tenth from the end, whose six bits all
/// count (the last one may carry only padding bits, which lenient decoders ignore).
func tampered(_ token: String) -> String {
    var characters = Array(token)
    let index = characters.count - 10
    characters[index] = characters[index] == "A" ? "B" : "A"
    return String(characters)
}

let algorithms: [(SigilJWT.JWTAlgorithm, JWTKit.DigestAlgorithm)] = [
    (.rs256, .sha256), (.rs384, .sha384), (.rs512, .sha512),
]
let permissions = ["read:*", "write:*", "delete:*"]
let other = try _RSA.Signing.PrivateKey(keySize: .bits2048)
let otherPublicPEM = other.publicKey.pemRepresentation
var sigilTokens = 0
var jwtKitTokens = 0

for keySize in [_RSA.Signing.KeySize.bits2048, .bits3072] {
    let peer = try _RSA.Signing.PrivateKey(keySize: keySize)
    let publicPEM = peer.publicKey.pemRepresentation
    for privatePEM in [peer.pemRepresentation, peer.pkcs8PEMRepresentation] {
        for (algorithm, digest) in algorithms {
            let what =
                "\(algorithm), \(keySize.bitCount) bits, \(privatePEM.contains("RSA PRIVATE") ? "PKCS#1" : "PKCS#8")"
            await attempt(what) {
                // Sigil's keys: the private key named by its RFC 7638 thumbprint, as sigil-server does.
                let unnamed = try JWTKey.rsa(pem: privatePEM, algorithm: algorithm)
                guard let kid = unnamed.jwkThumbprint else { throw InteropFailure(description: "no thumbprint") }
                let signing = unnamed.withKeyID(kid)
                let provider = JWTProvider(signingKey: signing, verificationKeys: JWTKeySet(signing))
                let jwks = JSONValue.object(JWTKeySet(signing).publicJWKS).serialized()

                // jwt-kit's keys: the public PEM, Sigil's JWK Set, the private PEM; and another key.
                let peerByPEM = await JWTKeyCollection().add(
                    rsa: try Insecure.RSA.PublicKey(pem: publicPEM), digestAlgorithm: digest,
                    kid: JWKIdentifier(string: kid))
                let peerByJWKS = try await JWTKeyCollection().add(jwksJSON: jwks)
                let peerSigner = await JWTKeyCollection().add(
                    rsa: try Insecure.RSA.PrivateKey(pem: privatePEM), digestAlgorithm: digest,
                    kid: JWKIdentifier(string: kid))
                let peerOther = await JWTKeyCollection().add(
                    rsa: try Insecure.RSA.PublicKey(pem: otherPublicPEM), digestAlgorithm: digest,
                    kid: JWKIdentifier(string: kid))

                // 1. Sigil signs; jwt-kit verifies and reads the claims.
                let providerToken = try provider.createToken(
                    userID: "user_admin", roles: ["admin"], permissions: permissions, username: "admin")
                var claims = JWTClaims()
                claims.subject = "user_alice"
                claims.expiration = Int64(Date().timeIntervalSince1970) + 600
                claims["username"] = "alice"
                claims["roles"] = ["user"]
                claims["permissions"] = ["read:posts"]
                let signerToken = try JWTSigner(key: signing).sign(claims)
                for (token, user, roles) in [(providerToken, "admin", ["admin"]), (signerToken, "alice", ["user"])] {
                    for (name, keys) in [("public PEM", peerByPEM), ("Sigil's JWKS", peerByJWKS)] {
                        let payload = try await keys.verify(token, as: AccessClaims.self)
                        check(payload.sub.value == "user_\(user)", "\(what): jwt-kit (\(name)) reads sub")
                        check(payload.username == user && payload.roles == roles, "\(what): jwt-kit (\(name)) claims")
                    }
                    let header = try await peerByPEM.unverified(token, as: AccessClaims.self)
                    check(header.username == user, "\(what): unverified read")
                    // 2. Byte-identical to BoringSSL.
                    let (input, signature) = try split(token)
                    check(
                        signature == (try boringSSLSignature(input, key: peer, algorithm: algorithm)),
                        "\(what): Sigil's signature differs from BoringSSL's")
                    // 4. jwt-kit rejects a tampered token and another key.
                    check(
                        await rejects { _ = try await peerByPEM.verify(tampered(token), as: AccessClaims.self) },
                        "\(what): jwt-kit accepted a tampered Sigil token")
                    check(
                        await rejects { _ = try await peerOther.verify(token, as: AccessClaims.self) },
                        "\(what): jwt-kit accepted a Sigil token under another key")
                    sigilTokens += 1
                }

                // 3. jwt-kit signs; Sigil verifies with the public PEM and with its JWK Set.
                let peerPayload = AccessClaims(
                    sub: "user_bob", username: "bob", roles: ["viewer"], permissions: ["read:posts"],
                    exp: ExpirationClaim(value: Date().addingTimeInterval(600)))
                let peerToken = try await peerSigner.sign(peerPayload, kid: JWKIdentifier(string: kid))
                let sigilByPEM = JWTVerifier(key: try JWTKey.rsa(pem: publicPEM, algorithm: algorithm, keyID: kid))
                let sigilByJWKS = JWTVerifier(keys: try JWTKeySet(jwks: jwks))
                for verifier in [sigilByPEM, sigilByJWKS, provider.verifier] {
                    let verified = try verifier.verify(peerToken)
                    check(verified.algorithm == algorithm && verified.keyID == kid, "\(what): Sigil reads alg and kid")
                    check(verified.claims.subject == "user_bob", "\(what): Sigil reads jwt-kit's sub")
                    check(verified.claims["roles"] == ["viewer"], "\(what): Sigil reads jwt-kit's roles")
                }
                let identity = try provider.authenticate(token: peerToken)
                check(identity.username == "bob" && identity.permissions == ["read:posts"], "\(what): identity")
                // BoringSSL's signature, made through jwt-kit, is the one Sigil makes.
                let (peerInput, peerSignature) = try split(peerToken)
                check(
                    peerSignature == (try boringSSLSignature(peerInput, key: peer, algorithm: algorithm)),
                    "\(what): jwt-kit's signature is not BoringSSL's")
                let otherVerifier = JWTVerifier(
                    key: try JWTKey.rsa(pem: otherPublicPEM, algorithm: algorithm, keyID: kid))
                check(
                    await rejects { _ = try sigilByPEM.verify(tampered(peerToken)) },
                    "\(what): Sigil accepted a tampered jwt-kit token")
                check(
                    await rejects { _ = try otherVerifier.verify(peerToken) },
                    "\(what): Sigil accepted a jwt-kit token under another key")
                jwtKitTokens += 1
            }
        }
    }
}

let families = await checkSignatureFamilies()

if failures.isEmpty {
    print(
        "sigil-interop: ok: \(sigilTokens) Sigil RS256/384/512 tokens verified by jwt-kit 5.8.0 (public PEM and "
            + "Sigil's JWK Set) and byte-identical to BoringSSL; \(jwtKitTokens) jwt-kit tokens verified by Sigil; "
            + "PS256/384/512, ES256/384/512 and EdDSA: \(families.sigil) Sigil tokens verified by jwt-kit, "
            + "\(families.jwtKit) jwt-kit tokens verified by Sigil, tampered and foreign-key tokens refused "
            + "both ways; \(checks) checks")
    exit(0)
} else {
    print("sigil-interop: \(failures.count) failure(s) in \(checks) checks")
    exit(1)
}
