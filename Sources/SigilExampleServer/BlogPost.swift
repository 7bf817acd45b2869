import SigilJSON

/// A blog post.
struct BlogPost: Sendable, Hashable {
    var id: Int64
    var title: String
    var content: String
    /// The author's username, as shown.
    var author: String
    /// The author's user id (a token's `sub`): ownership is decided on it.
    var authorID: String
    var createdAt: Int64
    var updatedAt: Int64?

    /// The post as tools show it.
    var json: JSONObject {
        var object: JSONObject = [
            "id": .number(JSONNumber(id)),
            "title": .string(title),
            "content": .string(content),
            "author": .string(author),
            "author_id": .string(authorID),
            "created_at": .string(SystemClock.iso8601(createdAt)),
        ]
        if let updatedAt { object["updated_at"] = .string(SystemClock.iso8601(updatedAt)) }
        return object
    }

    /// The post as stored in the data file.
    var stored: JSONValue {
        var object: JSONObject = [
            "id": .number(JSONNumber(id)),
            "title": .string(title),
            "content": .string(content),
            "author": .string(author),
            "author_id": .string(authorID),
            "created_at": .number(JSONNumber(createdAt)),
        ]
        if let updatedAt { object["updated_at"] = .number(JSONNumber(updatedAt)) }
        return .object(object)
    }

    /// The three posts a new blog starts with.
    static func samplePosts(at time: Int64) -> [BlogPost] {
        [
            BlogPost(
                id: 1, title: "JWT Authentication in MCP",
                content: "How tool servers verify bearer tokens before running a tool.", author: "admin",
                authorID: "user_admin", createdAt: time),
            BlogPost(
                id: 2, title: "Role-Based Access Control",
                content: "Roles map to permissions; tools require roles or permissions.", author: "alice",
                authorID: "user_alice", createdAt: time),
            BlogPost(
                id: 3, title: "Secure API Design", content: "Deny by default, validate everything, log denials.",
                author: "bob", authorID: "user_bob", createdAt: time),
        ]
    }
}

extension BlogPost {
    /// Reads a post in its stored form, strictly.
    init(stored value: JSONValue?, field: String, reader: StoredDocument) throws(DataFileError) {
        let object = try reader.object(value, field)
        self.init(
            id: try reader.integer(object["id"], "\(field).id"),
            title: try reader.string(object["title"], "\(field).title"),
            content: try reader.string(object["content"], "\(field).content"),
            author: try reader.string(object["author"], "\(field).author"),
            authorID: try reader.string(object["author_id"], "\(field).author_id"),
            createdAt: try reader.integer(object["created_at"], "\(field).created_at"),
            updatedAt: try reader.optionalInteger(object["updated_at"], "\(field).updated_at"))
    }
}
