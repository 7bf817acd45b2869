import SigilJSON

/// A refresh token's record. The token itself is never stored, only its SHA-256.
struct RefreshRecord: Sendable, Hashable {
    /// The login session (token family) it belongs to.
    var sessionID: String
    var username: String
    var expiresAt: Int64
    /// Whether it was already exchanged; presenting it again revokes the session.
    var used: Bool
}

/// Everything the server persists: posts, revocations, refresh tokens and counters.
///
/// It is a value: a tool changes a copy, the copy is written to the data file, and only
/// then does it replace the server's state, so a failed write changes nothing.
struct BlogState: Sendable, Hashable {
    static let format = "sigil-server-data"
    static let version: Int64 = 1
    /// The largest post id handed out (post ids are tool arguments of at most this).
    static let maxPostID = Int64(Int32.max)

    var posts: [BlogPost]
    var nextPostID: Int64
    /// Revoked access tokens: `jti` to the time its token expires (then it is forgotten).
    var revokedTokens: [String: Int64] = [:]
    /// Revoked sessions (token families): session id to the time it can be forgotten.
    var revokedSessions: [String: Int64] = [:]
    /// Refresh tokens by the hex SHA-256 of the token.
    var refreshTokens: [String: RefreshRecord] = [:]
    var tokensIssued: Int64 = 0
    var tokensRevoked: Int64 = 0

    /// The seed's three posts and nothing else.
    static func initial(now: Int64) -> BlogState {
        BlogState(posts: BlogPost.seedPosts(at: now), nextPostID: 4)
    }

    /// Adds one to a counter, stopping at the largest value instead of overflowing.
    static func increment(_ counter: inout Int64) {
        if counter < Int64.max { counter += 1 }
    }

    /// Drops revocations and refresh tokens that can no longer matter.
    mutating func prune(now: Int64) {
        revokedTokens = revokedTokens.filter { $0.value > now }
        revokedSessions = revokedSessions.filter { $0.value > now }
        refreshTokens = refreshTokens.filter { $0.value.expiresAt > now }
    }

    /// The data file's content: one JSON document, keys in a stable order.
    func encoded() -> [UInt8] {
        let revoked = revokedTokens.sorted { $0.key < $1.key }.map { entry -> JSONValue in
            ["jti": .string(entry.key), "expires_at": .number(JSONNumber(entry.value))]
        }
        let sessions = revokedSessions.sorted { $0.key < $1.key }.map { entry -> JSONValue in
            ["session_id": .string(entry.key), "until": .number(JSONNumber(entry.value))]
        }
        let refresh = refreshTokens.sorted { $0.key < $1.key }.map { entry -> JSONValue in
            [
                "sha256": .string(entry.key), "session_id": .string(entry.value.sessionID),
                "username": .string(entry.value.username), "expires_at": .number(JSONNumber(entry.value.expiresAt)),
                "used": .bool(entry.value.used),
            ]
        }
        let document: JSONValue = [
            "format": .string(Self.format),
            "version": .number(JSONNumber(Self.version)),
            "next_post_id": .number(JSONNumber(nextPostID)),
            "posts": .array(posts.map(\.stored)),
            "revoked_tokens": .array(revoked),
            "revoked_sessions": .array(sessions),
            "refresh_tokens": .array(refresh),
            "counters": [
                "tokens_issued": .number(JSONNumber(tokensIssued)),
                "tokens_revoked": .number(JSONNumber(tokensRevoked)),
            ],
        ]
        var bytes = document.serializedBytes()
        bytes.append(0x0A)
        return bytes
    }

    /// Reads a data file's content, strictly: anything unexpected is an error naming the
    /// field, never a silent default.
    static func decode(_ bytes: [UInt8], path: String) throws(DataFileError) -> BlogState {
        let reader = StoredDocument(path: path)
        let root = try reader.object(reader.parse(bytes), "the document")
        guard root["format"] == .string(format) else {
            throw DataFileError(path, "not a sigil-server data file (format must be \"\(format)\")")
        }
        let version = try reader.integer(root["version"], "version")
        guard version == Self.version else { throw DataFileError(path, "unsupported version \(version)") }
        var posts: [BlogPost] = []
        var seenIDs = Set<Int64>()
        for (index, value) in try reader.array(root["posts"], "posts").enumerated() {
            let field = "posts[\(index)]"
            let object = try reader.object(value, field)
            let post = BlogPost(
                id: try reader.integer(object["id"], "\(field).id"),
                title: try reader.string(object["title"], "\(field).title"),
                content: try reader.string(object["content"], "\(field).content"),
                author: try reader.string(object["author"], "\(field).author"),
                authorID: try reader.string(object["author_id"], "\(field).author_id"),
                createdAt: try reader.integer(object["created_at"], "\(field).created_at"),
                updatedAt: try reader.optionalInteger(object["updated_at"], "\(field).updated_at"))
            guard seenIDs.insert(post.id).inserted else { throw DataFileError(path, "\(field).id \(post.id) repeats") }
            posts.append(post)
        }
        let nextPostID = try reader.integer(root["next_post_id"], "next_post_id")
        guard nextPostID >= 1, nextPostID <= maxPostID + 1 else {
            throw DataFileError(path, "next_post_id must be from 1 to \(maxPostID + 1)")
        }
        guard posts.allSatisfy({ $0.id < nextPostID }) else {
            throw DataFileError(path, "next_post_id must be larger than every post id")
        }
        var state = BlogState(posts: posts, nextPostID: nextPostID)
        for (index, value) in try reader.array(root["revoked_tokens"], "revoked_tokens").enumerated() {
            let object = try reader.object(value, "revoked_tokens[\(index)]")
            state.revokedTokens[try reader.string(object["jti"], "revoked_tokens[\(index)].jti")] =
                try reader.integer(object["expires_at"], "revoked_tokens[\(index)].expires_at")
        }
        for (index, value) in try reader.array(root["revoked_sessions"], "revoked_sessions").enumerated() {
            let object = try reader.object(value, "revoked_sessions[\(index)]")
            state.revokedSessions[try reader.string(object["session_id"], "revoked_sessions[\(index)].session_id")] =
                try reader.integer(object["until"], "revoked_sessions[\(index)].until")
        }
        for (index, value) in try reader.array(root["refresh_tokens"], "refresh_tokens").enumerated() {
            let field = "refresh_tokens[\(index)]"
            let object = try reader.object(value, field)
            let record = RefreshRecord(
                sessionID: try reader.string(object["session_id"], "\(field).session_id"),
                username: try reader.string(object["username"], "\(field).username"),
                expiresAt: try reader.integer(object["expires_at"], "\(field).expires_at"),
                used: try reader.bool(object["used"], "\(field).used"))
            state.refreshTokens[try reader.string(object["sha256"], "\(field).sha256")] = record
        }
        let counters = try reader.object(root["counters"], "counters")
        state.tokensIssued = try reader.integer(counters["tokens_issued"], "counters.tokens_issued")
        state.tokensRevoked = try reader.integer(counters["tokens_revoked"], "counters.tokens_revoked")
        guard state.tokensIssued >= 0, state.tokensRevoked >= 0 else {
            throw DataFileError(path, "counters must not be negative")
        }
        return state
    }
}
