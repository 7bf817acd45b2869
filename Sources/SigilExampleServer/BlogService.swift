import SigilBase64
import SigilJSON
import SigilJWT
import SigilMCP
import SigilRBAC
import SigilSHA2

/// The example blog: users, posts, tokens, revocations, and the persistence of all that.
///
/// Each tool that changes something builds the new ``BlogState``, writes it to the data
/// file (atomically, durably) and only then adopts it and answers, so an answered change
/// survives a crash and a failed write changes nothing.
final class BlogService {
    static let maxPosts = 5_000

    let provider: JWTProvider
    /// The public signing key as a JWK Set, or `nil` when tokens are signed with a secret.
    let publishedKeys: JSONObject?
    let policy: Policy
    let users: UserDirectory
    let dataPath: String?
    let accessTokenLifetime: Int64
    let refreshTokenLifetime: Int64
    let startedAt: Int64
    private(set) var state: BlogState

    init(
        provider: JWTProvider, publishedKeys: JSONObject? = nil, policy: Policy, users: UserDirectory,
        dataPath: String?, state: BlogState, accessTokenLifetime: Int64, refreshTokenLifetime: Int64
    ) {
        self.provider = provider
        self.publishedKeys = publishedKeys
        self.policy = policy
        self.users = users
        self.dataPath = dataPath
        self.state = state
        self.accessTokenLifetime = accessTokenLifetime
        self.refreshTokenLifetime = refreshTokenLifetime
        self.startedAt = SystemClock.monotonicSeconds()
    }

    // MARK: - State

    /// Persists `next` (when a data file is configured), then adopts it.
    func commit(_ next: BlogState) throws(MCPToolError) {
        var next = next
        next.prune(now: SystemClock.epochSeconds())
        if let dataPath {
            do {
                try POSIXFile.replaceAtomically(dataPath, with: next.encoded())
            } catch {
                MCPLog.write("sigil-server: could not save the data file: \(error)")
                throw MCPToolError(.internalError, "Could not save the change; nothing was changed")
            }
        }
        state = next
    }

    /// Refuses access tokens that were logged out, or whose session was revoked.
    func revocationFailure(_ identity: AuthenticatedIdentity) -> MCPToolError? {
        if let tokenID = identity.tokenID, state.revokedTokens[tokenID] != nil {
            return MCPToolError(.tokenRevoked, "Token revoked")
        }
        if let session = identity.claims["sid"]?.stringValue, state.revokedSessions[session] != nil {
            return MCPToolError(.tokenRevoked, "Token revoked")
        }
        return nil
    }

    // MARK: - Tools

    func publicInfo() -> JSONObject {
        var info: JSONObject = [
            "server": "Sigil JWT Auth Demo",
            "name": .string(SigilServerCommand.name),
            "version": .string(SigilServerCommand.version),
            "auth": .string("JWT (\(provider.signer.key.algorithm)) bearer tokens"),
            "how_to_get_a_token":
                "Call login(username, password), or make one with `sigil-token generate`. Pass it as auth={\"token\": \"...\"}, in _meta.auth.token, or for the whole session in SIGIL_TOKEN.",
            "token_lifetime_seconds": .number(JSONNumber(accessTokenLifetime)),
        ]
        if publishedKeys != nil {
            let algorithm = provider.signer.key.algorithm
            info["public_keys"] = "Call the jwks tool for the JWK Set that verifies this server's tokens."
            info["how_to_get_a_token"] = .string(
                "Call login(username, password), or make one with `sigil-token generate --alg \(algorithm) --key "
                    + "PRIVATE.pem` and this server's private key. Pass it as auth={\"token\": \"...\"}, in "
                    + "_meta.auth.token, or for the whole session in SIGIL_TOKEN.")
        }
        if users.isDemo {
            info["demo_accounts"] = .array(users.usernames.map { .string($0) })
            info["note"] = "Demo accounts are active; their passwords are in the README."
        }
        return info
    }

    func login(username: String, password: String) throws(MCPToolError) -> JSONObject {
        guard let account = users.authenticate(username: username, password: password) else {
            throw MCPToolError(.invalidCredentials, "Invalid username or password")
        }
        var next = state
        let session = Self.randomToken(byteCount: 16)
        let tokens = try issueTokens(for: account, session: session, into: &next)
        try commit(next)
        return [
            "status": "success",
            "message": .string("Login successful for \(account.username)"),
            "token": .string(tokens.access),
            "expires_in": .number(JSONNumber(accessTokenLifetime)),
            "token_type": "Bearer",
            "refresh_token": .string(tokens.refresh),
            "refresh_expires_in": .number(JSONNumber(refreshTokenLifetime)),
            "user": ["username": .string(account.username), "roles": .array(account.roles.map { .string($0) })],
        ]
    }

    func refresh(refreshToken: String) throws(MCPToolError) -> JSONObject {
        let now = SystemClock.epochSeconds()
        let key = Self.fingerprint(refreshToken)
        guard let record = state.refreshTokens[key] else {
            throw MCPToolError(.invalidToken, "Invalid refresh token")
        }
        if state.revokedSessions[record.sessionID] != nil {
            throw MCPToolError(.tokenRevoked, "Refresh token revoked")
        }
        if record.used {
            var next = state
            next.revokedSessions[record.sessionID] = sessionRevocationEnd(now: now)
            BlogState.increment(&next.tokensRevoked)
            try commit(next)
            MCPLog.write("sigil-server: refresh token reuse for \(record.username); session revoked")
            throw MCPToolError(
                .tokenRevoked, "Refresh token reuse detected; the whole session is revoked",
                details: ["session_revoked": true])
        }
        guard record.expiresAt > now else { throw MCPToolError(.tokenExpired, "Refresh token expired") }
        guard let account = users.accounts[record.username] else {
            throw MCPToolError(.invalidToken, "Invalid refresh token")
        }
        var next = state
        next.refreshTokens[key]?.used = true
        let tokens = try issueTokens(for: account, session: record.sessionID, into: &next)
        try commit(next)
        return [
            "status": "success",
            "message": .string("Token refreshed for \(account.username)"),
            "token": .string(tokens.access),
            "expires_in": .number(JSONNumber(accessTokenLifetime)),
            "token_type": "Bearer",
            "refresh_token": .string(tokens.refresh),
            "refresh_expires_in": .number(JSONNumber(refreshTokenLifetime)),
        ]
    }

    /// The public signing key as a JWK Set; an HS256 server has none to publish.
    func jwks() throws(MCPToolError) -> JSONObject {
        guard let publishedKeys else {
            throw MCPToolError(
                .init("no_public_key"),
                "This server signs tokens with a shared HS256 secret; it has no public key to publish. "
                    + "Start it with --signing-key PEM to issue RS256 tokens and publish a JWK Set.")
        }
        return publishedKeys
    }

    func whoami(_ caller: MCPCaller) -> JSONObject {
        let now = SystemClock.epochSeconds()
        var result: JSONObject = [
            "user_id": .string(caller.userID),
            "username": caller.identity.username.map { .string($0) } ?? .null,
            "roles": .array(caller.identity.roles.map { .string($0) }),
            "permissions": .array(caller.effectivePermissions.map { .string($0.rawValue) }),
            "token_permissions": .array(caller.identity.permissions.map { .string($0) }),
            "authenticated": true,
            "token_source": .string(caller.tokenSource.rawValue),
            "token_id": caller.identity.tokenID.map { .string($0) } ?? .null,
        ]
        if let expiresAt = caller.identity.expiresAt {
            result["expires_at"] = .string(SystemClock.iso8601(expiresAt))
            result["expires_in"] = .number(JSONNumber(max(0, expiresAt - now)))
        }
        return result
    }

    func logout(_ caller: MCPCaller) throws(MCPToolError) -> JSONObject {
        guard let tokenID = caller.identity.tokenID else {
            throw MCPToolError(
                .init("token_not_revocable"),
                "This token has no jti, so it cannot be revoked; it stays valid until it expires")
        }
        let now = SystemClock.epochSeconds()
        let until = caller.identity.expiresAt ?? (now + accessTokenLifetime)
        var next = state
        // Kept until the verifier stops accepting the token (exp plus its leeway), not only
        // until exp: pruned earlier, a logged-out token would be accepted again in the leeway.
        next.revokedTokens[tokenID] = max(until, now) + verifierLeeway + 1
        BlogState.increment(&next.tokensRevoked)
        var sessionRevoked = false
        if let session = caller.identity.claims["sid"]?.stringValue {
            next.revokedSessions[session] = sessionRevocationEnd(now: now)
            sessionRevoked = true
        }
        try commit(next)
        return [
            "status": "logged_out",
            "message": .string("Token revoked for \(caller.displayName)"),
            "revoked_token_id": .string(tokenID),
            "revoked_until": .string(SystemClock.iso8601(until)),
            "session_revoked": .bool(sessionRevoked),
        ]
    }

    func listPosts(_ caller: MCPCaller, limit: Int64) -> JSONObject {
        [
            "posts": .array(state.posts.prefix(Int(clamping: max(0, limit))).map { .object($0.json) }),
            "total": .number(JSONNumber(state.posts.count)),
            "requested_by": .string(caller.displayName),
        ]
    }

    func createPost(_ caller: MCPCaller, title: String, content: String) throws(MCPToolError) -> JSONObject {
        guard state.posts.count < Self.maxPosts, state.nextPostID <= BlogState.maxPostID else {
            throw MCPToolError(.init("limit_reached"), "The blog cannot take more posts")
        }
        var next = state
        let post = BlogPost(
            id: next.nextPostID, title: title, content: content, author: caller.displayName, authorID: caller.userID,
            createdAt: SystemClock.epochSeconds())
        next.nextPostID += 1
        next.posts.append(post)
        try commit(next)
        return [
            "status": "created", "post": .object(post.json),
            "message": .string("Post created by \(caller.displayName)"),
        ]
    }

    func updatePost(_ caller: MCPCaller, id: Int64, title: String, content: String) throws(MCPToolError) -> JSONObject {
        guard let index = state.posts.firstIndex(where: { $0.id == id }) else { throw Self.notFound(id) }
        try caller.require(Permissions.writePosts, owner: state.posts[index].authorID)
        var next = state
        next.posts[index].title = title
        next.posts[index].content = content
        next.posts[index].updatedAt = SystemClock.epochSeconds()
        try commit(next)
        return [
            "status": "updated",
            "post_id": .number(JSONNumber(id)),
            "post": .object(next.posts[index].json),
            "updated_by": .string(caller.displayName),
            "message": .string("Post \(id) updated"),
        ]
    }

    func deletePost(_ caller: MCPCaller, id: Int64) throws(MCPToolError) -> JSONObject {
        guard let index = state.posts.firstIndex(where: { $0.id == id }) else { throw Self.notFound(id) }
        var next = state
        let removed = next.posts.remove(at: index)
        try commit(next)
        return [
            "status": "deleted",
            "post_id": .number(JSONNumber(id)),
            "title": .string(removed.title),
            "deleted_by": .string(caller.displayName),
            "message": .string("Post \(id) deleted by \(caller.displayName)"),
        ]
    }

    func adminDashboard(_ caller: MCPCaller, statistics: MCPServerStatistics, toolNames: [String]) -> JSONObject {
        let now = SystemClock.epochSeconds()
        var tools = JSONObject()
        var calls = 0
        var denials = 0
        for name in toolNames {
            let counters = statistics[tool: name]
            calls += counters.calls
            denials += counters.denied
            tools[name] = [
                "calls": .number(JSONNumber(counters.calls)),
                "succeeded": .number(JSONNumber(counters.succeeded)),
                "denied": .number(JSONNumber(counters.denied)),
                "failed": .number(JSONNumber(counters.failed)),
            ]
        }
        let activeSessions = Set(
            state.refreshTokens.values.filter { !$0.used && $0.expiresAt > now }.map(\.sessionID)
        ).count
        return [
            "server_stats": [
                "total_users": .number(JSONNumber(users.accounts.count)),
                "total_posts": .number(JSONNumber(state.posts.count)),
                "tokens_issued": .number(JSONNumber(state.tokensIssued)),
                "tokens_revoked": .number(JSONNumber(state.tokensRevoked)),
                "active_sessions": .number(JSONNumber(activeSessions)),
                "uptime_seconds": .number(JSONNumber(SystemClock.monotonicSeconds() - startedAt)),
                "total_calls": .number(JSONNumber(calls)),
                "total_denials": .number(JSONNumber(denials)),
                "persistent": .bool(dataPath != nil),
            ],
            "tool_stats": .object(tools),
            "accessed_by": .string(caller.displayName),
        ]
    }

    // MARK: - Helpers

    /// The verifier's leeway in seconds, as it applies it: negative counts as zero, and
    /// clamped (as `JWTValidationOptions` clamps it) so that date arithmetic cannot overflow.
    var verifierLeeway: Int64 { max(0, min(provider.verifier.options.leeway, 1 << 30)) }

    /// How long a session revoked at `now` must stay revoked: until its last refresh token
    /// and its last access token (issued at the latest now, accepted until exp plus the
    /// leeway) are both dead, whichever lifetime is longer.
    func sessionRevocationEnd(now: Int64) -> Int64 {
        now + max(refreshTokenLifetime, accessTokenLifetime) + verifierLeeway + 1
    }

    /// Signs an access token and makes a refresh token for `account` in `session`.
    private func issueTokens(
        for account: UserAccount, session: String, into next: inout BlogState
    ) throws(MCPToolError) -> (access: String, refresh: String) {
        let permissions = policy.effectivePermissions(of: Subject(userID: account.userID, roles: account.roles))
        let access: String
        do {
            access = try provider.createToken(
                userID: account.userID, roles: account.roles, permissions: permissions.map(\.rawValue),
                username: account.username, expiresIn: accessTokenLifetime, claims: ["sid": .string(session)])
        } catch {
            throw MCPToolError(.internalError, "Could not sign a token")
        }
        let refresh = "rt_" + Self.randomToken(byteCount: 32)
        next.refreshTokens[Self.fingerprint(refresh)] = RefreshRecord(
            sessionID: session, username: account.username,
            expiresAt: SystemClock.epochSeconds() + refreshTokenLifetime, used: false)
        BlogState.increment(&next.tokensIssued)
        return (access, refresh)
    }

    static func notFound(_ id: Int64) -> MCPToolError {
        MCPToolError(.notFound, "Post \(id) not found", details: ["post_id": .number(JSONNumber(id))])
    }

    /// Random bytes from the system generator, base64url.
    static func randomToken(byteCount: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Base64URL.encode(bytes)
    }

    /// The stored form of a refresh token: its SHA-256, hex.
    static func fingerprint(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).description
    }
}

/// The permissions the blog's tools require.
enum Permissions {
    // These literals follow the Permission grammar; the initializer cannot fail on them.
    static let readPosts = parse("read:posts")
    static let writePosts = parse("write:posts")

    private static func parse(_ text: String) -> Permission {
        do {
            return try Permission(text)
        } catch {
            preconditionFailure("invalid built-in permission \(text): \(error)")
        }
    }
}
