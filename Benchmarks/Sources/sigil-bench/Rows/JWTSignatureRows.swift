import Crypto
import Foundation
import JWTKit
import SigilEC
import SigilEd25519
import SigilJWT

/// ES256 and EdDSA token verification, Sigil vs jwt-kit 5.8.0, on the payload of the HS256
/// rows (`JWTRows`) and the keys of the P-256 and Ed25519 rows.
///
/// jwt-kit signs the token; both sides verify that same token and check `exp`. Before timing,
/// jwt-kit must accept a token that Sigil signed and Sigil must read jwt-kit's claims.
enum JWTSignatureRows {
    static func make() async throws -> [Row] {
        let issuedAt = Int64(Date().timeIntervalSince1970)
        let permissions = ["read:*", "write:*", "delete:*"]
        let peerPayload = JWTKitAccessClaims(
            sub: "user_admin", username: "admin", roles: ["admin"], permissions: permissions,
            iat: IssuedAtClaim(value: Date(timeIntervalSince1970: TimeInterval(issuedAt))),
            exp: ExpirationClaim(value: Date(timeIntervalSince1970: TimeInterval(issuedAt + 3600))))

        // ES256: the P-256 key of ECDSARows.
        let p256 = ECDSARows.scalar(count: 32, stream: 0x5032_3536)
        let sigilP256 = try SigilEC.P256.Signing.PrivateKey(rawRepresentation: p256)
        let es256Provider = JWTProvider(
            signingKey: JWTKey.es256(sigilP256), verificationKeys: JWTKeySet(JWTKey.es256(sigilP256.publicKey)))
        let peerES256Private = try ES256PrivateKey(backing: Crypto.P256.Signing.PrivateKey(rawRepresentation: p256))
        let peerES256Signing = await JWTKeyCollection().add(ecdsa: peerES256Private)
        let peerES256Verifying = await JWTKeyCollection().add(ecdsa: peerES256Private.publicKey)
        let es256Token = try await peerES256Signing.sign(peerPayload)
        try await expectAgreement(
            row: "ES256", peerToken: es256Token, provider: es256Provider, peerVerifying: peerES256Verifying,
            permissions: permissions)

        // EdDSA: the Ed25519 key of Ed25519Rows.
        let ed25519 = [UInt8](pseudoRandomCount: 32, stream: 0x4544_3235_3531_39)
        let sigilEd25519 = try SigilEd25519.Curve25519.Signing.PrivateKey(rawRepresentation: ed25519)
        let edDSAProvider = JWTProvider(
            signingKey: JWTKey.ed25519(sigilEd25519),
            verificationKeys: JWTKeySet(JWTKey.ed25519(sigilEd25519.publicKey)))
        let peerEd25519 = try Crypto.Curve25519.Signing.PrivateKey(rawRepresentation: ed25519)
        let peerEdDSASigning = await JWTKeyCollection().add(eddsa: EdDSA.PrivateKey(backing: peerEd25519))
        let peerEdDSAVerifying = await JWTKeyCollection().add(eddsa: EdDSA.PublicKey(backing: peerEd25519.publicKey))
        let edDSAToken = try await peerEdDSASigning.sign(peerPayload)
        try await expectAgreement(
            row: "EdDSA", peerToken: edDSAToken, provider: edDSAProvider, peerVerifying: peerEdDSAVerifying,
            permissions: permissions)

        let jwtKit = JWTRows.jwtKit
        return [
            Row(
                "ES256 verify + exp, access-token payload", .perSecond("tokens"),
                sigil: { blackHole(try es256Provider.authenticate(token: es256Token)) },
                peers: [
                    .peer(jwtKit) {
                        blackHole(try await peerES256Verifying.verify(es256Token, as: JWTKitAccessClaims.self))
                    }
                ]
            ),
            Row(
                "EdDSA verify + exp, access-token payload", .perSecond("tokens"),
                sigil: { blackHole(try edDSAProvider.authenticate(token: edDSAToken)) },
                peers: [
                    .peer(jwtKit) {
                        blackHole(try await peerEdDSAVerifying.verify(edDSAToken, as: JWTKitAccessClaims.self))
                    }
                ]
            ),
        ]
    }

    /// Both sides accept jwt-kit's token and read its claims; jwt-kit accepts Sigil's token.
    static func expectAgreement(
        row: String, peerToken: String, provider: JWTProvider, peerVerifying: JWTKeyCollection, permissions: [String]
    ) async throws {
        let peerClaims = try await peerVerifying.verify(peerToken, as: JWTKitAccessClaims.self)
        let sigilToken = try provider.createToken(
            userID: "user_admin", roles: ["admin"], permissions: permissions, username: "admin")
        let fromSigil = try await peerVerifying.verify(sigilToken, as: JWTKitAccessClaims.self)
        let identity = try provider.authenticate(token: peerToken)
        guard identity.userID == "user_admin", identity.roles == ["admin"], identity.permissions == permissions,
            peerClaims.sub.value == "user_admin", fromSigil.permissions == permissions
        else {
            throw Disagreement(row: row, detail: "the two sides read other claims from the same tokens")
        }
    }
}
