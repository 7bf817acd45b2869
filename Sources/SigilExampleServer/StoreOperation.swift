import SigilJSON

/// One change to the blog's state, as the journal records it.
///
/// A tool's change is a short list of operations, written to the journal as one record
/// (all or nothing) and then applied to the state in memory by ``BlogState/apply(_:)``.
/// Replaying the journal after a restart applies the very same operations, in order.
enum StoreOperation: Sendable, Hashable {
    /// Adds a post, or replaces the post with the same id.
    case putPost(BlogPost)
    /// Removes a post (nothing when it is gone already).
    case deletePost(id: Int64)
    /// Sets the next post id.
    case setNextPostID(Int64)
    /// Revokes an access token by its `jti` until the given time.
    case revokeToken(tokenID: String, until: Int64)
    /// Revokes a session (token family) until the given time.
    case revokeSession(sessionID: String, until: Int64)
    /// Adds or replaces a refresh token's record, keyed by the token's SHA-256 (hex).
    case putRefreshToken(fingerprint: String, RefreshRecord)
    /// Counts an issued access token.
    case countIssuedToken
    /// Counts a revocation.
    case countRevocation

    /// The operation as stored in a journal record.
    var stored: JSONValue {
        switch self {
        case .putPost(let post):
            return ["op": "put_post", "post": post.stored]
        case .deletePost(let id):
            return ["op": "delete_post", "id": .number(JSONNumber(id))]
        case .setNextPostID(let value):
            return ["op": "next_post_id", "value": .number(JSONNumber(value))]
        case .revokeToken(let tokenID, let until):
            return ["op": "revoke_token", "jti": .string(tokenID), "until": .number(JSONNumber(until))]
        case .revokeSession(let sessionID, let until):
            return ["op": "revoke_session", "session_id": .string(sessionID), "until": .number(JSONNumber(until))]
        case .putRefreshToken(let fingerprint, let record):
            return ["op": "put_refresh_token", "sha256": .string(fingerprint), "record": record.stored]
        case .countIssuedToken:
            return ["op": "count_issued_token"]
        case .countRevocation:
            return ["op": "count_revocation"]
        }
    }

    /// Reads a stored operation, strictly.
    static func decode(
        _ value: JSONValue, field: String, reader: StoredDocument
    ) throws(DataFileError) -> StoreOperation {
        let object = try reader.object(value, field)
        switch try reader.string(object["op"], "\(field).op") {
        case "put_post":
            return .putPost(try BlogPost(stored: object["post"], field: "\(field).post", reader: reader))
        case "delete_post":
            return .deletePost(id: try reader.integer(object["id"], "\(field).id"))
        case "next_post_id":
            return .setNextPostID(try reader.integer(object["value"], "\(field).value"))
        case "revoke_token":
            return .revokeToken(
                tokenID: try reader.string(object["jti"], "\(field).jti"),
                until: try reader.integer(object["until"], "\(field).until"))
        case "revoke_session":
            return .revokeSession(
                sessionID: try reader.string(object["session_id"], "\(field).session_id"),
                until: try reader.integer(object["until"], "\(field).until"))
        case "put_refresh_token":
            return .putRefreshToken(
                fingerprint: try reader.string(object["sha256"], "\(field).sha256"),
                try RefreshRecord(stored: object["record"], field: "\(field).record", reader: reader))
        case "count_issued_token":
            return .countIssuedToken
        case "count_revocation":
            return .countRevocation
        case let other:
            throw DataFileError(reader.path, "\(field).op: unknown operation \"\(other)\"")
        }
    }
}

extension RefreshRecord {
    /// The record as stored (without the token's fingerprint, which keys it).
    var stored: JSONValue {
        [
            "session_id": .string(sessionID), "username": .string(username),
            "expires_at": .number(JSONNumber(expiresAt)), "used": .bool(used),
        ]
    }

    init(stored value: JSONValue?, field: String, reader: StoredDocument) throws(DataFileError) {
        let object = try reader.object(value, field)
        self.init(
            sessionID: try reader.string(object["session_id"], "\(field).session_id"),
            username: try reader.string(object["username"], "\(field).username"),
            expiresAt: try reader.integer(object["expires_at"], "\(field).expires_at"),
            used: try reader.bool(object["used"], "\(field).used"))
    }
}
