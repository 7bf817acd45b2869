import Crypto
import Foundation
import JWTKit
import SigilJSON
import SigilJWT

/// A typical access-token payload as a jwt-kit user declares it; `verify(using:)` checks `exp`.
struct JWTKitAccessClaims: JWTKit.JWTPayload {
    var sub: SubjectClaim
    var username: String
    var roles: [String]
    var permissions: [String]
    var iat: IssuedAtClaim
    var exp: ExpirationClaim

    func verify(using algorithm: some JWTKit.JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}

/// The same payload as a Sigil `Codable` payload; the verifier checks `exp` itself.
struct SigilAccessClaims: SigilJWT.JWTPayload {
    var sub: String
    var username: String
    var roles: [String]
    var permissions: [String]
    var iat: Int64
    var exp: Int64
}

/// JWT sign and verify on a typical access-token payload (the NextMCP example's claims),
/// Sigil vs jwt-kit 5.8.0:
/// `{"sub":"user_admin","username":"admin","roles":["admin"],"permissions":["read:*","write:*","delete:*"],"iat":…,"exp":…}`.
enum JWTRows {
    static let jwtKit = "jwt-kit 5.8.0"

    static func make() async throws -> [Row] {
        let secret = [UInt8](pseudoRandomCount: 32, stream: 0x4A57_54)
        let issuedAt = Int64(Date().timeIntervalSince1970)
        let permissions = ["read:*", "write:*", "delete:*"]

        // jwt-kit: a key collection (an actor) and a Codable payload, its documented usage.
        let peerKeys = await JWTKeyCollection().add(
            hmac: JWTKit.HMACKey(key: Crypto.SymmetricKey(data: secret)), digestAlgorithm: .sha256)
        let peerPayload = JWTKitAccessClaims(
            sub: "user_admin", username: "admin", roles: ["admin"], permissions: permissions,
            iat: IssuedAtClaim(value: Date(timeIntervalSince1970: TimeInterval(issuedAt))),
            exp: ExpirationClaim(value: Date(timeIntervalSince1970: TimeInterval(issuedAt + 3600))))

        // Sigil: the claims-set API (JWTProvider), and the Codable convenience on the same key.
        let provider = try JWTProvider(secret: secret)
        let sigilPayload = SigilAccessClaims(
            sub: "user_admin", username: "admin", roles: ["admin"], permissions: permissions,
            iat: issuedAt, exp: issuedAt + 3600)

        // One token, exactly that payload, verified by both; and each side must accept
        // the other's tokens.
        let token = try await peerKeys.sign(peerPayload)
        let sigilToken = try provider.createToken(
            userID: "user_admin", roles: ["admin"], permissions: permissions, username: "admin")
        _ = try await peerKeys.verify(sigilToken, as: JWTKitAccessClaims.self)
        _ = try await peerKeys.verify(try provider.signer.sign(sigilPayload), as: JWTKitAccessClaims.self)
        let identity = try provider.authenticate(token: token)
        guard identity.userID == "user_admin", identity.roles == ["admin"], identity.permissions == permissions,
            try provider.verifier.verify(token, as: SigilAccessClaims.self).exp == issuedAt + 3600
        else {
            throw Disagreement(row: "HS256", detail: "Sigil reads other claims from jwt-kit's token")
        }

        // RS256: the same payload, RSA-2048 keys from BenchmarkKeys.
        let peerRSASigning = await JWTKeyCollection().add(
            rsa: try Insecure.RSA.PrivateKey(pem: BenchmarkKeys.rsa2048PrivateKeyPEM), digestAlgorithm: .sha256)
        let peerRSAVerifying = await JWTKeyCollection().add(
            rsa: try Insecure.RSA.PublicKey(pem: BenchmarkKeys.rsa2048PublicKeyPEM), digestAlgorithm: .sha256)
        let rsaProvider = JWTProvider(
            signingKey: try JWTKey.rsa(pem: BenchmarkKeys.rsa2048PrivateKeyPEM),
            verificationKeys: JWTKeySet(try JWTKey.rsa(pem: BenchmarkKeys.rsa2048PublicKeyPEM)))
        let rsaToken = try await peerRSASigning.sign(peerPayload)
        let sigilRSAToken = try rsaProvider.createToken(
            userID: "user_admin", roles: ["admin"], permissions: permissions, username: "admin")
        _ = try await peerRSAVerifying.verify(sigilRSAToken, as: JWTKitAccessClaims.self)
        guard try rsaProvider.authenticate(token: rsaToken) == (try provider.authenticate(token: token)) else {
            throw Disagreement(row: "RS256", detail: "Sigil reads other claims from jwt-kit's RS256 token")
        }

        return [
            Row(
                "HS256 sign, access-token payload (Sigil adds a jti)", .perSecond("tokens"),
                sigil: {
                    blackHole(
                        try provider.createToken(
                            userID: "user_admin", roles: ["admin"], permissions: permissions, username: "admin"))
                },
                peers: [.peer(jwtKit) { blackHole(try await peerKeys.sign(peerPayload)) }]
            ),
            Row(
                "HS256 verify + exp, access-token payload", .perSecond("tokens"),
                sigil: { blackHole(try provider.authenticate(token: token)) },
                peers: [.peer(jwtKit) { blackHole(try await peerKeys.verify(token, as: JWTKitAccessClaims.self)) }]
            ),
            Row(
                "RS256 verify + exp, access-token payload", .perSecond("tokens"),
                sigil: { blackHole(try rsaProvider.authenticate(token: rsaToken)) },
                peers: [
                    .peer(jwtKit) {
                        blackHole(try await peerRSAVerifying.verify(rsaToken, as: JWTKitAccessClaims.self))
                    }
                ]
            ),
            Row(
                "RS256 sign, access-token payload (Sigil adds a jti)", .perSecond("tokens"),
                sigil: {
                    blackHole(
                        try rsaProvider.createToken(
                            userID: "user_admin", roles: ["admin"], permissions: permissions, username: "admin"))
                },
                peers: [.peer(jwtKit) { blackHole(try await peerRSASigning.sign(peerPayload)) }]
            ),
            Row(
                "HS256 sign, access-token payload, Codable on both sides", .perSecond("tokens"),
                sigil: { blackHole(try provider.signer.sign(sigilPayload)) },
                peers: [.peer(jwtKit) { blackHole(try await peerKeys.sign(peerPayload)) }]
            ),
            Row(
                "HS256 verify + exp, access-token payload, Codable on both sides", .perSecond("tokens"),
                sigil: { blackHole(try provider.verifier.verify(token, as: SigilAccessClaims.self)) },
                peers: [.peer(jwtKit) { blackHole(try await peerKeys.verify(token, as: JWTKitAccessClaims.self)) }]
            ),
        ]
    }
}
