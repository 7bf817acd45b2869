import SigilBase64
import SigilHMAC
import SigilJSON
import SigilJWT
import SigilMCP
import SigilRBAC
import SigilSHA2

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the server asks of the tokens it accepts, and writes into those it issues.
struct TokenRules: Sendable, Hashable {
    /// `iss` of issued tokens; presented tokens must carry it.
    var issuer = "sigil-server"
    /// `aud` of issued tokens; presented tokens must name it.
    var audience = "sigil-blog"
    /// Accept tokens without `iss`, `aud` or `jti` (other issuers' tokens of the NextMCP
    /// example's shape).
    ///
    /// A token that carries `iss` or `aud` must still match.
    var acceptLegacyTokens = false
    /// Check the caller's roles against the users file at every call.
    var liveRoles = false
}

/// Bounds on what a user may store and what one call returns.
enum BlogLimits {
    /// The most posts.
    static let maximumPosts = 5_000
    /// A title: at most 200 characters, and at most this many bytes stored (JSON-escaped:
    /// a control character takes 6).
    static let maximumTitleCharacters = 200
    static let maximumTitleStoredBytes = 1_024
    /// A post's text: at most 4,000 characters, and at most this many bytes stored.
    static let maximumContentCharacters = 4_000
    static let maximumContentStoredBytes = 16_384
    /// A name taken from a token and stored (author, author id, `jti`, session id).
    static let maximumIdentifierStoredBytes = 256
    /// The most posts one `list_posts` page returns; a larger `limit` is clamped to it.
    static let maximumPageSize = 100
    /// A page stops early once its posts take this many bytes (the next page goes on).
    static let maximumPageBytes = 256 * 1024
}

/// The example blog: users, posts, tokens, revocations, and the persistence of all that.
///
/// Each tool that changes something builds a list of ``StoreOperation``s and hands it to
/// the ``BlogStore``, which journals it durably before applying it, so an answered change
/// survives a crash and a failed write changes nothing.
final class BlogService {
    static let maximumPosts = BlogLimits.maximumPosts

    let provider: JWTProvider
    /// The public signing key as a JWK Set, or `nil` when tokens are signed with a secret.
    let publishedKeys: JSONObject?
    let policy: Policy
    private(set) var users: UserDirectory
    /// The users file, when there is one.
    let usersPath: String?
    /// Whether a login may rewrite the users file to rehash a password.
    let rehashPasswords: Bool
    let store: BlogStore
    let tokenRules: TokenRules
    let accessTokenLifetime: Int64
    let refreshTokenLifetime: Int64
    let startedAt: Int64
    var budget = PasswordCheckBudget()
    /// The MCP server's counters, as its statistics observer last reported them (the
    /// admin dashboard shows them).
    var serverStatistics = MCPServerStatistics()
    /// Runs one password verification (injectable to count the work).
    var verifyPassword: PasswordVerifier = { $0.verify(password: $1) }
    /// The session password checks are budgeted under: a stdio server serves one.
    var sessionKey = "stdio"
    private var usersFileStamp: (Int64, Int64)?

    var state: BlogState { store.state }
    var dataPath: String? { store.path }

    init(
        provider: JWTProvider, publishedKeys: JSONObject? = nil, policy: Policy, users: UserDirectory,
        usersPath: String? = nil, rehashPasswords: Bool = false, store: BlogStore,
        tokenRules: TokenRules = TokenRules(),
        accessTokenLifetime: Int64, refreshTokenLifetime: Int64
    ) {
        self.provider = provider
        self.publishedKeys = publishedKeys
        self.policy = policy
        self.users = users
        self.usersPath = usersPath
        self.rehashPasswords = rehashPasswords
        self.store = store
        self.tokenRules = tokenRules
        self.accessTokenLifetime = accessTokenLifetime
        self.refreshTokenLifetime = refreshTokenLifetime
        self.startedAt = SystemClock.monotonicSeconds()
        usersFileStamp = usersPath.flatMap { Self.stamp(of: $0) }
    }

    // MARK: - State

    /// Makes a change durable (when a data file is configured), then applies it.
    func commit(_ operations: [StoreOperation]) throws(MCPToolError) {
        try store.commit(operations)
    }

    /// Refuses access tokens that were logged out or whose session was revoked, tokens
    /// without the server's `iss`, `aud` and a `jti` (unless legacy tokens are accepted),
    /// and, with live roles, tokens that claim more than the users file now grants.
    func revocationFailure(_ identity: AuthenticatedIdentity) -> MCPToolError? {
        if let tokenID = identity.tokenID, state.revokedTokens[tokenID] != nil {
            return MCPToolError(.tokenRevoked, "Token revoked")
        }
        if let session = identity.claims["sid"]?.stringValue, state.revokedSessions[session] != nil {
            return MCPToolError(.tokenRevoked, "Token revoked")
        }
        if let failure = claimFailure(identity) { return failure }
        if tokenRules.liveRoles { return roleFailure(identity) }
        return nil
    }

    /// `iss`, `aud` and `jti`, as ``tokenRules`` require them.
    private func claimFailure(_ identity: AuthenticatedIdentity) -> MCPToolError? {
        let legacy = tokenRules.acceptLegacyTokens
        let hint =
            legacy ? "" : " (a server started with --accept-legacy-tokens accepts tokens without iss, aud and jti)"
        switch identity.claims["iss"] {
        case nil where legacy: break
        case .string(let issuer)? where issuer == tokenRules.issuer: break
        default: return MCPToolError(.invalidToken, "Invalid token: iss must be \"\(tokenRules.issuer)\"" + hint)
        }
        var audienceMatches = false
        switch identity.claims["aud"] {
        case nil: audienceMatches = legacy
        case .string(let audience)?: audienceMatches = audience == tokenRules.audience
        case .array(let audiences)?: audienceMatches = audiences.contains(.string(tokenRules.audience))
        default: break
        }
        guard audienceMatches else {
            return MCPToolError(.invalidToken, "Invalid token: aud must name \"\(tokenRules.audience)\"" + hint)
        }
        guard identity.tokenID != nil || legacy else {
            return MCPToolError(.invalidToken, "Invalid token: it has no jti, so it could not be revoked" + hint)
        }
        if let tokenID = identity.tokenID, BlogState.storedLength(tokenID) > BlogLimits.maximumIdentifierStoredBytes {
            return MCPToolError(.invalidToken, "Invalid token: jti is too long")
        }
        return nil
    }

    /// With live roles: the account must still exist and hold every role (and permission)
    /// the token claims; the users file is read again when it changed.
    private func roleFailure(_ identity: AuthenticatedIdentity) -> MCPToolError? {
        reloadUsersIfChanged()
        let name = identity.username ?? (identity.userID.hasPrefix("user_") ? String(identity.userID.dropFirst(5)) : "")
        guard let account = users.accounts[name], account.userID == identity.userID else {
            return MCPToolError(.tokenRevoked, "Token revoked: the account no longer exists")
        }
        let current = Set(account.roles)
        let granted = Set(
            policy.effectivePermissions(of: Subject(userID: account.userID, roles: account.roles)).map(\.rawValue))
        guard identity.roles.allSatisfy(current.contains), identity.permissions.allSatisfy(granted.contains) else {
            return MCPToolError(
                .tokenRevoked, "Token revoked: the account's roles changed; log in again",
                details: ["roles": .array(account.roles.map { .string($0) })])
        }
        return nil
    }

    /// Reads the users file again when its modification time or size changed; a file that
    /// no longer loads is reported and the accounts already read stay in force.
    private func reloadUsersIfChanged() {
        guard let usersPath, let stamp = Self.stamp(of: usersPath) else { return }
        if let usersFileStamp, usersFileStamp == stamp { return }
        do {
            users = try UserDirectory.load(path: usersPath, policy: policy)
            usersFileStamp = stamp
        } catch {
            MCPLog.write(
                "sigil-server: the users file changed but cannot be used; keeping the accounts read before: \(error)")
            usersFileStamp = stamp
        }
    }

    /// A file's modification time (nanoseconds) and size.
    private static func stamp(of path: String) -> (Int64, Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec), Int64(info.st_size))
    }

    // MARK: - Tools

    func publicInfo() -> JSONObject {
        var info: JSONObject = [
            "server": "Sigil JWT Auth Demo",
            "name": .string(SigilServerCommand.name),
            "version": .string(SigilServerCommand.version),
            "auth": .string("JWT (\(provider.signer.key.algorithm)) bearer tokens"),
            "how_to_get_a_token":
                "Call login(username, password), or make one with `sigil-token generate` and --claim iss=… --claim aud=… (see iss and aud here). Pass it as auth={\"token\": \"...\"}, in _meta.auth.token, or for the whole session in SIGIL_TOKEN.",
            "token_lifetime_seconds": .number(JSONNumber(accessTokenLifetime)),
            "iss": .string(tokenRules.issuer),
            "aud": .string(tokenRules.audience),
            "legacy_tokens_accepted": .bool(tokenRules.acceptLegacyTokens),
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
        if let wait = budget.spend(session: sessionKey) {
            let seconds = Int64(wait.rounded(.up))
            throw MCPToolError(
                .init("rate_limited"),
                "Too many password checks; try again in \(seconds) s",
                details: ["retry_after_seconds": .number(JSONNumber(seconds))])
        }
        guard let account = users.authenticate(username: username, password: password, verify: verifyPassword) else {
            throw MCPToolError(.invalidCredentials, "Invalid username or password")
        }
        if rehashPasswords, let rehashed = users.rehashing(account.username, password: password) {
            saveRehashed(rehashed, username: account.username)
        }
        let session = Self.randomToken(byteCount: 16)
        let tokens = try issueTokens(for: account, session: session)
        try commit(tokens.operations)
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

    /// Adopts a rehashed password: in the users file first (when there is one; the demo
    /// accounts are only rehashed in memory), so that memory never holds what the file
    /// does not.
    ///
    /// A failed write keeps the old hash and is logged.
    private func saveRehashed(_ rehashed: UserDirectory, username: String) {
        if let usersPath {
            do {
                try POSIXFile.replaceAtomically(usersPath, with: rehashed.encodedFile())
                usersFileStamp = Self.stamp(of: usersPath)
            } catch {
                MCPLog.write("sigil-server: could not rehash the password of \(username): \(error)")
                return
            }
        }
        users = rehashed
        MCPLog.write(
            "sigil-server: rehashed the password of \(username) to \(UserDirectory.currentAlgorithm) "
                + "i=\(UserDirectory.currentIterations)")
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
            try commit([
                .revokeSession(sessionID: record.sessionID, until: sessionRevocationEnd(now: now)), .countRevocation,
            ])
            MCPLog.write("sigil-server: refresh token reuse for \(record.username); session revoked")
            throw MCPToolError(
                .tokenRevoked, "Refresh token reuse detected; the whole session is revoked",
                details: ["session_revoked": true])
        }
        guard record.expiresAt > now else { throw MCPToolError(.tokenExpired, "Refresh token expired") }
        guard let account = users.accounts[record.username] else {
            throw MCPToolError(.invalidToken, "Invalid refresh token")
        }
        var spent = record
        spent.used = true
        let tokens = try issueTokens(for: account, session: record.sessionID)
        try commit([.putRefreshToken(fingerprint: key, spent)] + tokens.operations)
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
                    + "Start it with --signing-key PEM (an RSA, EC or Ed25519 private key) to sign tokens with "
                    + "a private key and publish a JWK Set.")
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
        let until = caller.identity.expiresAt ?? SystemClock.seconds(accessTokenLifetime, after: now)
        // Kept until the verifier stops accepting the token (exp plus its leeway), not only
        // until exp: pruned earlier, a logged-out token would be accepted again in the leeway.
        var operations: [StoreOperation] = [
            .revokeToken(tokenID: tokenID, until: max(until, now) + verifierLeeway + 1), .countRevocation,
        ]
        var sessionRevoked = false
        if let session = caller.identity.claims["sid"]?.stringValue {
            guard BlogState.storedLength(session) <= BlogLimits.maximumIdentifierStoredBytes else {
                throw MCPToolError(.invalidToken, "Invalid token: sid is too long")
            }
            operations.append(.revokeSession(sessionID: session, until: sessionRevocationEnd(now: now)))
            sessionRevoked = true
        }
        try commit(operations)
        return [
            "status": "logged_out",
            "message": .string("Token revoked for \(caller.displayName)"),
            "revoked_token_id": .string(tokenID),
            "revoked_until": .string(SystemClock.iso8601(until)),
            "session_revoked": .bool(sessionRevoked),
        ]
    }

    /// A page of posts in id order, after the post `cursor` names.
    ///
    /// A `limit` above ``BlogLimits/maximumPageSize`` is clamped to it (and the result says so);
    /// a page also ends early once its posts take ``BlogLimits/maximumPageBytes``. `next_cursor`
    /// continues the listing; it is `null` on the last page.
    func listPosts(_ caller: MCPCaller, limit: Int64, cursor: String?) throws(MCPToolError) -> JSONObject {
        var after: Int64 = 0
        if let cursor {
            guard let id = Self.postID(fromCursor: cursor) else {
                throw MCPToolError(
                    .argumentOutOfRange, "Argument 'cursor' is not a cursor from list_posts",
                    details: ["argument": "cursor"])
            }
            after = id
        }
        let pageSize = Int(min(limit, Int64(BlogLimits.maximumPageSize)))
        var page: [JSONValue] = []
        var bytes = 0
        var position = state.firstIndex(after: after)
        while position < state.posts.count, page.count < pageSize {
            let post = state.posts[position]
            let size = BlogState.entrySize(post)
            if !page.isEmpty && bytes + size > BlogLimits.maximumPageBytes { break }
            page.append(.object(post.json))
            bytes += size
            position += 1
        }
        let more = position < state.posts.count
        var result: JSONObject = [
            "posts": .array(page),
            "total": .number(JSONNumber(state.posts.count)),
            "limit": .number(JSONNumber(pageSize)),
            "next_cursor": more ? .string(Self.cursor(afterPost: state.posts[position - 1].id)) : .null,
            "requested_by": .string(caller.displayName),
        ]
        if limit > Int64(BlogLimits.maximumPageSize) {
            result["limit_clamped"] = true
            result["note"] = .string(
                "limit \(limit) is above the largest page, \(BlogLimits.maximumPageSize); pass next_cursor as cursor "
                    + "for the next page")
        }
        return result
    }

    /// `p<id>`: the listing continues after post `id`.
    static func cursor(afterPost id: Int64) -> String { "p\(id)" }

    static func postID(fromCursor cursor: String) -> Int64? {
        guard cursor.hasPrefix("p"), cursor.utf8.count <= 12, let id = Int64(cursor.dropFirst()), id >= 0 else {
            return nil
        }
        return id
    }

    /// Refuses a title or text whose stored form is too large, and an author name from a
    /// token too long to store.
    private func checkStoredSizes(_ caller: MCPCaller, title: String, content: String) throws(MCPToolError) {
        func tooLong(_ name: String, _ size: Int, _ limit: Int) -> MCPToolError {
            MCPToolError(
                .argumentTooLong,
                "Argument '\(name)' takes \(size) bytes when stored (JSON-escaped); the limit is \(limit)",
                details: [
                    "argument": .string(name), "stored_bytes": .number(JSONNumber(size)),
                    "limit_bytes": .number(JSONNumber(limit)),
                ])
        }
        let titleBytes = BlogState.storedLength(title)
        guard titleBytes <= BlogLimits.maximumTitleStoredBytes else {
            throw tooLong("title", titleBytes, BlogLimits.maximumTitleStoredBytes)
        }
        let contentBytes = BlogState.storedLength(content)
        guard contentBytes <= BlogLimits.maximumContentStoredBytes else {
            throw tooLong("content", contentBytes, BlogLimits.maximumContentStoredBytes)
        }
        guard BlogState.storedLength(caller.displayName) <= BlogLimits.maximumIdentifierStoredBytes,
            BlogState.storedLength(caller.userID) <= BlogLimits.maximumIdentifierStoredBytes
        else {
            throw MCPToolError(.invalidToken, "Invalid token: the user name or id is too long to store")
        }
    }

    func createPost(_ caller: MCPCaller, title: String, content: String) throws(MCPToolError) -> JSONObject {
        guard state.posts.count < Self.maximumPosts, state.nextPostID <= BlogState.maximumPostID else {
            throw MCPToolError(.init("limit_reached"), "The blog cannot take more posts")
        }
        try checkStoredSizes(caller, title: title, content: content)
        let post = BlogPost(
            id: state.nextPostID, title: title, content: content, author: caller.displayName, authorID: caller.userID,
            createdAt: SystemClock.epochSeconds())
        try commit([.putPost(post), .setNextPostID(post.id + 1)])
        return [
            "status": "created", "post": .object(post.json),
            "message": .string("Post created by \(caller.displayName)"),
        ]
    }

    func updatePost(_ caller: MCPCaller, id: Int64, title: String, content: String) throws(MCPToolError) -> JSONObject {
        guard let index = state.index(ofPost: id) else { throw Self.notFound(id) }
        try caller.require(Permissions.writePosts, owner: state.posts[index].authorID)
        try checkStoredSizes(caller, title: title, content: content)
        var post = state.posts[index]
        post.title = title
        post.content = content
        post.updatedAt = SystemClock.epochSeconds()
        try commit([.putPost(post)])
        return [
            "status": "updated",
            "post_id": .number(JSONNumber(id)),
            "post": .object(post.json),
            "updated_by": .string(caller.displayName),
            "message": .string("Post \(id) updated"),
        ]
    }

    func deletePost(_ caller: MCPCaller, id: Int64) throws(MCPToolError) -> JSONObject {
        guard let index = state.index(ofPost: id) else { throw Self.notFound(id) }
        let removed = state.posts[index]
        try commit([.deletePost(id: id)])
        return [
            "status": "deleted",
            "post_id": .number(JSONNumber(id)),
            "title": .string(removed.title),
            "deleted_by": .string(caller.displayName),
            "message": .string("Post \(id) deleted by \(caller.displayName)"),
        ]
    }

    func adminDashboard(_ caller: MCPCaller, toolNames: [String]) -> JSONObject {
        let statistics = serverStatistics
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
                "stored_bytes_estimate": .number(JSONNumber(state.storedByteEstimate)),
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
        SystemClock.seconds(max(refreshTokenLifetime, accessTokenLifetime) + verifierLeeway + 1, after: now)
    }

    /// Signs an access token and makes a refresh token for `account` in `session`.
    ///
    /// - Returns: Both tokens, and the operations that record the refresh token.
    private func issueTokens(
        for account: UserAccount, session: String
    ) throws(MCPToolError) -> (access: String, refresh: String, operations: [StoreOperation]) {
        let permissions = policy.effectivePermissions(of: Subject(userID: account.userID, roles: account.roles))
        let access: String
        do {
            access = try provider.createToken(
                userID: account.userID, roles: account.roles, permissions: permissions.map(\.rawValue),
                username: account.username, expiresIn: accessTokenLifetime,
                claims: [
                    "iss": .string(tokenRules.issuer), "aud": .string(tokenRules.audience), "sid": .string(session),
                ])
        } catch {
            throw MCPToolError(.internalError, "Could not sign a token")
        }
        let refresh = "rt_" + Self.randomToken(byteCount: 32)
        let record = RefreshRecord(
            sessionID: session, username: account.username,
            expiresAt: SystemClock.seconds(refreshTokenLifetime, after: SystemClock.epochSeconds()), used: false)
        return (access, refresh, [.putRefreshToken(fingerprint: Self.fingerprint(refresh), record), .countIssuedToken])
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
