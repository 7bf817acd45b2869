import SigilBase64
import SigilJSON
import SigilJWT
import Testing

/// The NextMCP example's API: createToken writes its token structure, authenticate reads it back.
@Suite("JWTProvider")
struct JWTProviderTests {
    static let secret = "a-test-secret-of-at-least-thirty-two-bytes"

    static func provider(now: Int64 = TokenForge.now) throws -> JWTProvider {
        var options = JWTValidationOptions()
        options.clock = .fixed(now)
        return try JWTProvider(secret: Self.secret, options: options)
    }

    @Test("createToken writes sub, username, roles, permissions, iat, exp, jti in the NextMCP example's order")
    func structure() throws {
        let token = try Self.provider().createToken(
            userID: "user_admin", roles: ["admin"], permissions: ["read:*", "write:*", "delete:*"], username: "admin",
            expiresIn: 3600)
        let payload = try JSONValue.parse(Base64URL.decode(String(token.split(separator: ".")[1])))
        let object = try #require(payload.objectValue)
        #expect(object.keys == ["sub", "username", "roles", "permissions", "iat", "exp", "jti"])
        #expect(object["sub"] == "user_admin")
        #expect(object["username"] == "admin")
        #expect(object["roles"] == ["admin"])
        #expect(object["permissions"] == ["read:*", "write:*", "delete:*"])
        #expect(object["iat"]?.numberValue?.int64Value == TokenForge.now)
        #expect(object["exp"]?.numberValue?.int64Value == TokenForge.now + 3600)
        let jti = try #require(object["jti"]?.stringValue)
        #expect(try Base64URL.decode(jti).count == 16)
    }

    @Test("jti is random per token")
    func uniqueTokenIDs() throws {
        let provider = try Self.provider()
        var seen = Set<String>()
        for _ in 0..<200 {
            seen.insert(try provider.authenticate(token: provider.createToken(userID: "u")).tokenID ?? "")
        }
        #expect(seen.count == 200)
    }

    @Test("authenticate returns the identity")
    func authenticate() throws {
        let provider = try Self.provider()
        let token = try provider.createToken(
            userID: "user_alice", roles: ["user"], permissions: ["read:posts", "write:own_posts"], username: "alice",
            claims: ["tenant": "blue"])
        let identity = try provider.authenticate(token: token)
        #expect(identity.userID == "user_alice")
        #expect(identity.username == "alice")
        #expect(identity.roles == ["user"])
        #expect(identity.permissions == ["read:posts", "write:own_posts"])
        #expect(identity.expiresAt == TokenForge.now + 3600)
        #expect(identity.claims["tenant"] == "blue")
        #expect(identity.tokenID != nil)
    }

    @Test("custom claims replace built-in ones of the same name, never duplicate them")
    func customOverrides() throws {
        let provider = try Self.provider()
        let token = try provider.createToken(userID: "u", roles: ["user"], claims: ["roles": ["viewer"], "iss": "me"])
        let identity = try provider.authenticate(token: token)
        #expect(identity.roles == ["viewer"])
        #expect(identity.claims.issuer == "me")
        #expect(identity.claims.object.keys == ["sub", "permissions", "iat", "exp", "jti", "roles", "iss"])
    }

    @Test("expired tokens say \"Token expired\", anything else \"Invalid token\"")
    func clientMessages() throws {
        let token = try Self.provider().createToken(userID: "u", expiresIn: 10)
        let later = try Self.provider(now: TokenForge.now + 3600)
        let expired = TokenForge.error { () throws(JWTError) in try later.authenticate(token: token) }
        #expect(expired?.code == .expired)
        #expect(expired?.clientMessage == "Token expired")
        let invalid = TokenForge.error { () throws(JWTError) in try later.authenticate(token: token + "x") }
        #expect(invalid?.clientMessage == "Invalid token")
    }

    @Test("identity claims of the wrong type are wrongClaimType; no sub is missingClaim")
    func identityTypes() throws {
        let key = try JWTKey.hmac(Self.secret)
        let provider = try Self.provider()
        let exp = TokenForge.now + 60
        let cases: [(String, JWTError.Code)] = [
            (#"{"exp":\#(exp)}"#, .missingClaim),
            (#"{"sub":"u","roles":"admin","exp":\#(exp)}"#, .wrongClaimType),
            (#"{"sub":"u","permissions":[1],"exp":\#(exp)}"#, .wrongClaimType),
            (#"{"sub":"u","username":["a"],"exp":\#(exp)}"#, .wrongClaimType),
            (#"{"sub":"u","jti":1,"exp":\#(exp)}"#, .wrongClaimType),
        ]
        for (payload, code) in cases {
            let token = try TokenForge.token(payload: payload, key: key)
            #expect(
                TokenForge.error { () throws(JWTError) in try provider.authenticate(token: token) }?.code == code,
                "\(payload)")
        }
    }

    @Test("messages never contain the token or the secret")
    func noSecretsInErrors() throws {
        let provider = try Self.provider(now: TokenForge.now + 7200)
        let token = try Self.provider().createToken(userID: "user_admin", username: "admin")
        let parts = token.split(separator: ".").map(String.init)
        let candidates = [
            token, token + "x", parts[0] + "." + parts[1], "a.b.c", parts[1] + "." + parts[1] + "." + parts[2],
        ]
        for candidate in candidates {
            let error = try #require(
                TokenForge.error { () throws(JWTError) in try provider.authenticate(token: candidate) })
            for text in [error.description, error.reason, String(describing: error)] {
                #expect(!text.contains(parts[1]))
                #expect(!text.contains(parts[2]))
                #expect(!text.contains("user_admin"))
                #expect(!text.contains(Self.secret))
            }
        }
    }
}
