import SigilJSON

/// A refresh token's record.
///
/// The token itself is never stored, only its SHA-256.
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
/// A change is a list of ``StoreOperation``s applied with ``apply(_:)``; ``BlogStore``
/// journals the list before applying it. The state also keeps an upper bound of the size
/// of its snapshot (``storedByteEstimate``), so that a write that would make the data file
/// too large to load is refused before anything is written.
struct BlogState: Sendable, Hashable {
    static let format = "sigil-server-data"
    static let version: Int64 = 1
    /// The largest post id handed out (post ids are tool arguments of at most this).
    static let maximumPostID = Int64(Int32.max)
    /// What the snapshot holds besides its entries: the document's keys and counters.
    static let fixedOverheadBytes = 512

    /// The posts, in increasing id order (ids are handed out in increasing order).
    private(set) var posts: [BlogPost]
    var nextPostID: Int64
    /// Revoked access tokens: `jti` to the time its token expires (then it is forgotten).
    private(set) var revokedTokens: [String: Int64] = [:]
    /// Revoked sessions (token families): session id to the time it can be forgotten.
    private(set) var revokedSessions: [String: Int64] = [:]
    /// Refresh tokens by the hex SHA-256 of the token.
    private(set) var refreshTokens: [String: RefreshRecord] = [:]
    private(set) var tokensIssued: Int64 = 0
    private(set) var tokensRevoked: Int64 = 0
    /// An upper bound of the size in bytes of ``encoded(journalSequence:)``.
    private(set) var storedByteEstimate = 0

    init(posts: [BlogPost], nextPostID: Int64) {
        self.posts = posts.sorted { $0.id < $1.id }
        self.nextPostID = nextPostID
        storedByteEstimate = recomputedEstimate()
    }

    /// The three sample posts (those of the NextMCP example) and nothing else.
    static func initial(now: Int64) -> BlogState {
        BlogState(posts: BlogPost.samplePosts(at: now), nextPostID: 4)
    }

    // MARK: - Reading

    /// The position of the post with `id`, by binary search.
    func index(ofPost id: Int64) -> Int? {
        let position = firstIndex(after: id - 1)
        return position < posts.count && posts[position].id == id ? position : nil
    }

    /// The position of the first post whose id is larger than `id` (`posts.count` if none).
    func firstIndex(after id: Int64) -> Int {
        var low = 0
        var high = posts.count
        while low < high {
            let middle = low + (high - low) / 2
            if posts[middle].id <= id { low = middle + 1 } else { high = middle }
        }
        return low
    }

    // MARK: - Changing

    /// Applies one operation.
    mutating func apply(_ operation: StoreOperation) {
        storedByteEstimate += storedByteDelta(of: operation)
        switch operation {
        case .putPost(let post):
            if let position = index(ofPost: post.id) {
                posts[position] = post
            } else {
                posts.insert(post, at: firstIndex(after: post.id))
            }
        case .deletePost(let id):
            if let position = index(ofPost: id) { posts.remove(at: position) }
        case .setNextPostID(let value):
            nextPostID = value
        case .revokeToken(let tokenID, let until):
            revokedTokens[tokenID] = until
        case .revokeSession(let sessionID, let until):
            revokedSessions[sessionID] = until
        case .putRefreshToken(let fingerprint, let record):
            refreshTokens[fingerprint] = record
        case .countIssuedToken:
            Self.increment(&tokensIssued)
        case .countRevocation:
            Self.increment(&tokensRevoked)
        }
    }

    /// Applies operations in order.
    mutating func apply(_ operations: [StoreOperation]) {
        for operation in operations { apply(operation) }
    }

    /// How much ``storedByteEstimate`` grows (or shrinks) when `operations` are applied;
    /// exact for operations that touch different entries, as a tool's change does.
    func storedByteDelta(of operations: [StoreOperation]) -> Int {
        operations.reduce(0) { $0 + storedByteDelta(of: $1) }
    }

    private func storedByteDelta(of operation: StoreOperation) -> Int {
        switch operation {
        case .putPost(let post):
            let previous = index(ofPost: post.id).map { Self.entrySize(posts[$0]) } ?? 0
            return Self.entrySize(post) - previous
        case .deletePost(let id):
            return -(index(ofPost: id).map { Self.entrySize(posts[$0]) } ?? 0)
        case .revokeToken(let tokenID, _):
            return revokedTokens[tokenID] == nil ? Self.revocationSize(tokenID) : 0
        case .revokeSession(let sessionID, _):
            return revokedSessions[sessionID] == nil ? Self.revocationSize(sessionID) : 0
        case .putRefreshToken(let fingerprint, let record):
            let previous = refreshTokens[fingerprint].map { Self.refreshSize(fingerprint, $0) } ?? 0
            return Self.refreshSize(fingerprint, record) - previous
        case .setNextPostID, .countIssuedToken, .countRevocation:
            return 0
        }
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
        storedByteEstimate = recomputedEstimate()
    }

    // MARK: - Sizes

    /// The bytes a string takes in the stored form (JSON, quotes and escapes included): a
    /// control character counts 6 (`\u0001`), not 1.
    static func storedLength(_ text: String) -> Int {
        JSONValue.string(text).serializedBytes().count
    }

    static func entrySize(_ post: BlogPost) -> Int { post.stored.serializedBytes().count + 1 }

    /// `{"jti":…,"expires_at":…}` or `{"session_id":…,"until":…}`, with the longest number.
    static func revocationSize(_ key: String) -> Int { storedLength(key) + 48 }

    static func refreshSize(_ fingerprint: String, _ record: RefreshRecord) -> Int {
        storedLength(fingerprint) + storedLength(record.sessionID) + storedLength(record.username) + 96
    }

    private func recomputedEstimate() -> Int {
        var total = Self.fixedOverheadBytes
        for post in posts { total += Self.entrySize(post) }
        for key in revokedTokens.keys { total += Self.revocationSize(key) }
        for key in revokedSessions.keys { total += Self.revocationSize(key) }
        for (key, record) in refreshTokens { total += Self.refreshSize(key, record) }
        return total
    }

    // MARK: - Snapshot

    /// The snapshot: one JSON document, keys in a stable order.
    ///
    /// `journal_sequence` is the last journal record it includes.
    func encoded(journalSequence: Int64) -> [UInt8] {
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
            "journal_sequence": .number(JSONNumber(journalSequence)),
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

    /// Reads a snapshot, strictly: anything unexpected is an error naming the field, never
    /// a silent default.
    ///
    /// A snapshot without `journal_sequence` (written before the journal existed) includes no
    /// journal record.
    ///
    /// - Returns: The state and the last journal record the snapshot includes.
    static func decode(
        _ bytes: [UInt8], path: String
    ) throws(DataFileError) -> (state: BlogState, journalSequence: Int64) {
        let reader = StoredDocument(path: path)
        let root = try reader.object(reader.parse(bytes), "the document")
        guard root["format"] == .string(format) else {
            throw DataFileError(path, "not a sigil-server data file (format must be \"\(format)\")")
        }
        let version = try reader.integer(root["version"], "version")
        guard version == Self.version else { throw DataFileError(path, "unsupported version \(version)") }
        let journalSequence = try reader.optionalInteger(root["journal_sequence"], "journal_sequence") ?? 0
        guard journalSequence >= 0 else { throw DataFileError(path, "journal_sequence must not be negative") }
        var posts: [BlogPost] = []
        var seenIDs = Set<Int64>()
        for (index, value) in try reader.array(root["posts"], "posts").enumerated() {
            let field = "posts[\(index)]"
            let post = try BlogPost(stored: value, field: field, reader: reader)
            guard seenIDs.insert(post.id).inserted else { throw DataFileError(path, "\(field).id \(post.id) repeats") }
            posts.append(post)
        }
        let nextPostID = try reader.integer(root["next_post_id"], "next_post_id")
        guard nextPostID >= 1, nextPostID <= maximumPostID + 1 else {
            throw DataFileError(path, "next_post_id must be from 1 to \(maximumPostID + 1)")
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
            let record = try RefreshRecord(stored: value, field: field, reader: reader)
            state.refreshTokens[try reader.string(object["sha256"], "\(field).sha256")] = record
        }
        let counters = try reader.object(root["counters"], "counters")
        state.tokensIssued = try reader.integer(counters["tokens_issued"], "counters.tokens_issued")
        state.tokensRevoked = try reader.integer(counters["tokens_revoked"], "counters.tokens_revoked")
        guard state.tokensIssued >= 0, state.tokensRevoked >= 0 else {
            throw DataFileError(path, "counters must not be negative")
        }
        state.storedByteEstimate = state.recomputedEstimate()
        return (state, journalSequence)
    }
}
