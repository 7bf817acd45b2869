import SigilJSON
import SigilJWT
import SigilMCP
import SigilRBAC
import Testing

@testable import SigilExampleServer

/// Revocations must outlive the window in which the verifier still accepts the token:
/// until `exp` plus the leeway, not only until `exp` (pruning runs at every compaction).
@Suite("sigil-server: revocations last as long as the verifier accepts the token")
struct RevocationWindowTests {
    static func service(accessTokenLifetime: Int64, refreshTokenLifetime: Int64) throws -> BlogService {
        BlogService(
            provider: try ServerHarness.provider(), policy: BlogRoles.policy, users: try UserDirectory.demo(),
            store: BlogStore(state: BlogState.initial(now: ServerHarness.now())),
            tokenRules: TokenRules(acceptLegacyTokens: true), accessTokenLifetime: accessTokenLifetime,
            refreshTokenLifetime: refreshTokenLifetime)
    }

    /// The last whole second at which the server's verifier still accepts a token with this
    /// `exp` (it accepts while now < exp + leeway).
    static func lastAcceptedSecond(expiration: Int64, provider: JWTProvider) throws -> Int64 {
        let last = expiration + provider.verifier.options.leeway - 1
        var options = provider.verifier.options
        options.clock = .fixed(last)
        let token = try provider.createToken(userID: "probe", expiresIn: expiration - ServerHarness.now())
        let accepted = JWTVerifier(keys: provider.verifier.keys, options: options)
        // A token with this exp is still accepted at `last`, so a revocation must be too.
        #expect((try? accepted.verify(token)) != nil)
        return last
    }

    @Test("a logged-out token stays revoked through the leeway after its exp")
    func logoutCoversLeeway() throws {
        let service = try Self.service(accessTokenLifetime: 3600, refreshTokenLifetime: 3600)
        let token = try service.provider.createToken(
            userID: "user_alice", roles: ["user"], username: "alice", expiresIn: 100, claims: ["sid": "s-1"])
        let identity = try service.provider.authenticate(token: token)
        let caller = MCPCaller(identity: identity, tokenSource: .arguments, policy: service.policy)
        _ = try service.logout(caller)
        let expiration = try #require(identity.expiresAt)
        let last = try Self.lastAcceptedSecond(expiration: expiration, provider: service.provider)

        var pruned = service.state
        pruned.prune(now: last)
        #expect(pruned.revokedTokens[try #require(identity.tokenID)] != nil)
        #expect(pruned.revokedSessions["s-1"] != nil)
    }

    @Test("a session revoked for refresh-token reuse outlives its access tokens, even when they outlive refresh tokens")
    func sessionRevocationCoversAccessTokens() throws {
        let service = try Self.service(accessTokenLifetime: 7200, refreshTokenLifetime: 60)
        let login = try service.login(username: "alice", password: "alice-demo")
        let access = try #require(login["token"]?.stringValue)
        let refresh = try #require(login["refresh_token"]?.stringValue)
        _ = try service.refresh(refreshToken: refresh)
        #expect(throws: MCPToolError.self) { try service.refresh(refreshToken: refresh) }

        let identity = try service.provider.authenticate(token: access)
        let session = try #require(identity.claims["sid"]?.stringValue)
        let expiration = try #require(identity.expiresAt)
        let last = try Self.lastAcceptedSecond(expiration: expiration, provider: service.provider)

        var pruned = service.state
        pruned.prune(now: last)
        #expect(pruned.revokedSessions[session] != nil)
    }
}
