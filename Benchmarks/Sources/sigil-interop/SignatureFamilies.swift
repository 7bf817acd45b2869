import Crypto
import Foundation
import JWTKit
import SigilJSON
import SigilJWT
import _CryptoExtras

// PS256/384/512, ES256/384/512 and EdDSA, both ways between Sigil and jwt-kit 5.8.0. Keys are
// made by swift-crypto (BoringSSL) and read by Sigil from their PEM text, as a user would
// read keys made by another tool.

/// One key of one algorithm, as each side holds it.
struct AlgorithmCase {
    /// What the failures print, such as "ES256".
    var name: String
    var algorithm: SigilJWT.JWTAlgorithm
    /// Sigil's private key, named by its RFC 7638 thumbprint.
    var sigilSigning: JWTKey
    /// Sigil's public key from the public PEM, with the same key ID.
    var sigilVerifying: JWTKey
    /// Sigil's public key of another key pair, with the same key ID.
    var sigilOther: JWTKey
    /// jwt-kit's private key, with the same key ID.
    var peerSigning: JWTKeyCollection
    /// jwt-kit's public key from the public PEM.
    var peerVerifying: JWTKeyCollection
    /// jwt-kit's public key of the other key pair, with the same key ID.
    var peerOther: JWTKeyCollection
}

/// Runs every PS*, ES* and EdDSA case; returns how many tokens each side signed and the
/// other verified.
@MainActor
func checkSignatureFamilies() async -> (sigil: Int, jwtKit: Int) {
    var sigilTokens = 0
    var jwtKitTokens = 0
    let rsa = try? _RSA.Signing.PrivateKey(keySize: .bits2048)
    let otherRSA = try? _RSA.Signing.PrivateKey(keySize: .bits2048)
    let builders: [(String, () async throws -> AlgorithmCase)] = [
        ("PS256", { try await pssCase(.ps256, .sha256, rsa, otherRSA) }),
        ("PS384", { try await pssCase(.ps384, .sha384, rsa, otherRSA) }),
        ("PS512", { try await pssCase(.ps512, .sha512, rsa, otherRSA) }),
        (
            "ES256",
            {
                try await ecdsaCase(
                    .es256, P256.self, key: pemPair(P256.Signing.PrivateKey()),
                    other: pemPair(P256.Signing.PrivateKey()))
            }
        ),
        (
            "ES384",
            {
                try await ecdsaCase(
                    .es384, P384.self, key: pemPair(P384.Signing.PrivateKey()),
                    other: pemPair(P384.Signing.PrivateKey()))
            }
        ),
        (
            "ES512",
            {
                try await ecdsaCase(
                    .es512, P521.self, key: pemPair(P521.Signing.PrivateKey()),
                    other: pemPair(P521.Signing.PrivateKey()))
            }
        ),
        ("EdDSA", { try await edDSACase() }),
    ]
    for (name, build) in builders {
        await attempt(name) {
            let algorithmCase = try await build()
            let (fromSigil, fromJWTKit) = try await crossCheck(algorithmCase)
            sigilTokens += fromSigil
            jwtKitTokens += fromJWTKit
        }
    }
    return (sigilTokens, jwtKitTokens)
}

/// Sigil signs and jwt-kit verifies (with the public PEM and with Sigil's JWK Set); jwt-kit
/// signs and Sigil verifies (with the public PEM and with the JWK Set); each side rejects a
/// tampered token and a token under another key.
@MainActor
func crossCheck(_ algorithmCase: AlgorithmCase) async throws -> (sigil: Int, jwtKit: Int) {
    let what = algorithmCase.name
    guard let kid = algorithmCase.sigilSigning.keyID else { throw InteropFailure(description: "\(what): no kid") }
    let jwks = JSONValue.object(JWTKeySet(algorithmCase.sigilSigning).publicJWKS).serialized()
    let peerByJWKS = try await JWTKeyCollection().add(jwksJSON: jwks)

    // Sigil signs; jwt-kit verifies and reads the claims.
    var claims = JWTClaims()
    claims.subject = "user_alice"
    claims.expiration = Int64(Date().timeIntervalSince1970) + 600
    claims["username"] = "alice"
    claims["roles"] = ["user"]
    claims["permissions"] = ["read:posts"]
    let sigilToken = try JWTSigner(key: algorithmCase.sigilSigning).sign(claims)
    for (name, keys) in [("public PEM", algorithmCase.peerVerifying), ("Sigil's JWKS", peerByJWKS)] {
        let payload = try await keys.verify(sigilToken, as: AccessClaims.self)
        check(payload.sub.value == "user_alice", "\(what): jwt-kit (\(name)) reads sub")
        check(payload.username == "alice" && payload.roles == ["user"], "\(what): jwt-kit (\(name)) reads claims")
    }
    check(
        await rejects { _ = try await algorithmCase.peerVerifying.verify(tampered(sigilToken), as: AccessClaims.self) },
        "\(what): jwt-kit accepted a tampered Sigil token")
    check(
        await rejects { _ = try await algorithmCase.peerOther.verify(sigilToken, as: AccessClaims.self) },
        "\(what): jwt-kit accepted a Sigil token under another key")

    // jwt-kit signs; Sigil verifies with the public PEM, its JWK Set and the private key.
    let peerPayload = AccessClaims(
        sub: "user_bob", username: "bob", roles: ["viewer"], permissions: ["read:posts"],
        exp: ExpirationClaim(value: Date().addingTimeInterval(600)))
    let peerToken = try await algorithmCase.peerSigning.sign(peerPayload, kid: JWKIdentifier(string: kid))
    let verifiers = [
        JWTVerifier(key: algorithmCase.sigilVerifying), JWTVerifier(keys: try JWTKeySet(jwks: jwks)),
        JWTVerifier(key: algorithmCase.sigilSigning),
    ]
    for verifier in verifiers {
        let verified = try verifier.verify(peerToken)
        check(verified.algorithm == algorithmCase.algorithm && verified.keyID == kid, "\(what): Sigil reads alg, kid")
        check(verified.claims.subject == "user_bob", "\(what): Sigil reads jwt-kit's sub")
        check(verified.claims["roles"] == ["viewer"], "\(what): Sigil reads jwt-kit's roles")
    }
    let sigilVerifier = JWTVerifier(key: algorithmCase.sigilVerifying)
    check(
        await rejects { _ = try sigilVerifier.verify(tampered(peerToken)) },
        "\(what): Sigil accepted a tampered jwt-kit token")
    check(
        await rejects { _ = try JWTVerifier(key: algorithmCase.sigilOther).verify(peerToken) },
        "\(what): Sigil accepted a jwt-kit token under another key")
    return (1, 1)
}

/// PS256/384/512 on an RSA-2048 key (jwt-kit's `add(pss:)`).
@MainActor
func pssCase(
    _ algorithm: SigilJWT.JWTAlgorithm, _ digest: JWTKit.DigestAlgorithm, _ key: _RSA.Signing.PrivateKey?,
    _ other: _RSA.Signing.PrivateKey?
) async throws -> AlgorithmCase {
    guard let key, let other else { throw InteropFailure(description: "BoringSSL made no RSA key") }
    let publicPEM = key.publicKey.pemRepresentation
    let otherPEM = other.publicKey.pemRepresentation
    let signing = try thumbprinted(JWTKey(pem: key.pkcs8PEMRepresentation, algorithm: algorithm))
    let kid = JWKIdentifier(string: signing.keyID ?? "")
    return AlgorithmCase(
        name: "\(algorithm)", algorithm: algorithm, sigilSigning: signing,
        sigilVerifying: try JWTKey(pem: publicPEM, algorithm: algorithm, keyID: signing.keyID),
        sigilOther: try JWTKey(pem: otherPEM, algorithm: algorithm, keyID: signing.keyID),
        peerSigning: await JWTKeyCollection().add(
            pss: try Insecure.RSA.PrivateKey(pem: key.pemRepresentation), digestAlgorithm: digest, kid: kid),
        peerVerifying: await JWTKeyCollection().add(
            pss: try Insecure.RSA.PublicKey(pem: publicPEM), digestAlgorithm: digest, kid: kid),
        peerOther: await JWTKeyCollection().add(
            pss: try Insecure.RSA.PublicKey(pem: otherPEM), digestAlgorithm: digest, kid: kid))
}

/// ES256/384/512: the key pairs' PKCS#8 and SubjectPublicKeyInfo PEM, read by both sides.
@MainActor
func ecdsaCase<Curve: ECDSACurveType>(
    _ algorithm: SigilJWT.JWTAlgorithm, _ curve: Curve.Type, key: (private: String, public: String),
    other: (private: String, public: String)
) async throws -> AlgorithmCase {
    let signing = try thumbprinted(JWTKey(pem: key.private))
    guard signing.algorithm == algorithm else {
        throw InteropFailure(description: "Sigil reads a \(signing.algorithm) key, not \(algorithm)")
    }
    let kid = JWKIdentifier(string: signing.keyID ?? "")
    let peerKey = try ECDSA.PrivateKey<Curve>(pem: key.private)
    return AlgorithmCase(
        name: "\(algorithm)", algorithm: algorithm, sigilSigning: signing,
        sigilVerifying: try JWTKey(pem: key.public, keyID: signing.keyID),
        sigilOther: try JWTKey(pem: other.public, keyID: signing.keyID),
        peerSigning: await JWTKeyCollection().add(ecdsa: peerKey, kid: kid),
        peerVerifying: await JWTKeyCollection().add(ecdsa: try ECDSA.PublicKey<Curve>(pem: key.public), kid: kid),
        peerOther: await JWTKeyCollection().add(ecdsa: try ECDSA.PublicKey<Curve>(pem: other.public), kid: kid))
}

/// A fresh key pair's PKCS#8 and SubjectPublicKeyInfo PEM.
func pemPair(_ key: Crypto.P256.Signing.PrivateKey) -> (private: String, public: String) {
    (key.pemRepresentation, key.publicKey.pemRepresentation)
}

func pemPair(_ key: Crypto.P384.Signing.PrivateKey) -> (private: String, public: String) {
    (key.pemRepresentation, key.publicKey.pemRepresentation)
}

func pemPair(_ key: Crypto.P521.Signing.PrivateKey) -> (private: String, public: String) {
    (key.pemRepresentation, key.publicKey.pemRepresentation)
}

/// EdDSA with Ed25519 keys (RFC 8037) in PKCS#8 / SubjectPublicKeyInfo PEM (RFC 8410).
@MainActor
func edDSACase() async throws -> AlgorithmCase {
    let key = Crypto.Curve25519.Signing.PrivateKey()
    let other = Crypto.Curve25519.Signing.PrivateKey()
    let signing = try thumbprinted(JWTKey(pem: key.pemRepresentation))
    let kid = JWKIdentifier(string: signing.keyID ?? "")
    return AlgorithmCase(
        name: "EdDSA", algorithm: .edDSA, sigilSigning: signing,
        sigilVerifying: try JWTKey(pem: key.publicKey.pemRepresentation, keyID: signing.keyID),
        sigilOther: try JWTKey(pem: other.publicKey.pemRepresentation, keyID: signing.keyID),
        peerSigning: await JWTKeyCollection().add(eddsa: EdDSA.PrivateKey(backing: key), kid: kid),
        peerVerifying: await JWTKeyCollection().add(eddsa: EdDSA.PublicKey(backing: key.publicKey), kid: kid),
        peerOther: await JWTKeyCollection().add(eddsa: EdDSA.PublicKey(backing: other.publicKey), kid: kid))
}

/// The key named by its RFC 7638 thumbprint, as `sigil-server` names its signing key.
func thumbprinted(_ key: JWTKey) throws -> JWTKey {
    guard let kid = key.jwkThumbprint else { throw InteropFailure(description: "no thumbprint") }
    return key.withKeyID(kid)
}
