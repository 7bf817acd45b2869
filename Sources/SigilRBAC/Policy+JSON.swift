import SigilJSON

extension Policy {
    /// Loads a policy from its JSON form.
    ///
    /// ## Format
    ///
    /// ```json
    /// {
    ///   "roles": {
    ///     "admin":  { "permissions": ["read:*", "write:*", "delete:*"] },
    ///     "user":   { "permissions": ["read:posts", "write:own_posts"] },
    ///     "viewer": { "permissions": ["read:posts"] },
    ///     "editor": { "permissions": ["delete:own_posts"], "inherits": ["user"] }
    ///   }
    /// }
    /// ```
    ///
    /// - The document is an object with exactly one member, `roles` (required): an object
    ///   whose member names are the role names and whose values describe the roles.
    /// - A role is an object with two optional members: `permissions`, an array of permission
    ///   strings (see ``Permission`` for the grammar), and `inherits`, an array of role names
    ///   defined in the same document. Both default to `[]`.
    /// - Any other member, at either level, is an error (``PolicyError/Code/unknownField``):
    ///   a misspelt `inherit` must not silently drop an inheritance.
    /// - The JSON is read strictly (RFC 8259, SigilJSON): a role defined twice is a duplicate
    ///   member name and is rejected.
    /// - Then the same rules as ``init(roles:)`` apply (names, grammar, unknown roles,
    ///   cycles, limits), with errors naming the same field paths.
    ///
    /// - Parameters:
    ///   - text: The policy document.
    ///   - limits: The JSON reader's bounds; its defaults by default.
    /// - Throws: ``PolicyError`` whose ``PolicyError/path`` names the offending field, e.g.
    ///   `roles.admin.permissions[2]`: ``PolicyError/Code/invalidJSON`` (with the
    ///   ``PolicyError/jsonError``), ``PolicyError/Code/missingField``,
    ///   ``PolicyError/Code/unexpectedType``, ``PolicyError/Code/unknownField``, or any error
    ///   of ``init(roles:)``.
    public init(json text: String, limits: JSONLimits = JSONLimits()) throws(PolicyError) {
        let document: JSONValue
        do throws(JSONError) {
            document = try JSONValue.parse(text, limits: limits)
        } catch {
            throw PolicyError(json: error)
        }
        try self.init(json: document)
    }

    /// Loads a policy from the UTF-8 bytes of its JSON form (see the `String` overload for the format).
    ///
    /// - Parameters:
    ///   - bytes: The policy document.
    ///   - limits: The JSON reader's bounds.
    /// - Throws: ``PolicyError`` naming the offending field.
    public init(json bytes: [UInt8], limits: JSONLimits = JSONLimits()) throws(PolicyError) {
        let document: JSONValue
        do throws(JSONError) {
            document = try JSONValue.parse(bytes, limits: limits)
        } catch {
            throw PolicyError(json: error)
        }
        try self.init(json: document)
    }

    /// Builds a policy from an already parsed JSON document in the format of
    /// `init(json:limits:)` (a `String`).
    ///
    /// - Parameter document: The policy document.
    /// - Throws: ``PolicyError`` naming the offending field.
    public init(json document: JSONValue) throws(PolicyError) {
        guard case .object(let top) = document else {
            throw PolicyError(.unexpectedType, path: "", detail: "expected an object")
        }
        for (key, _) in top where key != "roles" {
            throw PolicyError(.unknownField, path: PolicyPath.member("", key), value: key)
        }
        guard let rolesValue = top["roles"] else { throw PolicyError(.missingField, path: "roles") }
        guard case .object(let members) = rolesValue else {
            throw PolicyError(.unexpectedType, path: "roles", detail: "expected an object")
        }
        if members.count > Self.maximumRoleCount {
            throw PolicyError(.limitExceeded, path: "roles", detail: "more than \(Self.maximumRoleCount) roles")
        }
        var roles: [Role] = []
        roles.reserveCapacity(members.count)
        for (name, value) in members {
            let path = PolicyPath.role(name)
            guard case .object(let fields) = value else {
                throw PolicyError(.unexpectedType, path: path, detail: "expected an object")
            }
            for (key, _) in fields where key != "permissions" && key != "inherits" {
                throw PolicyError(.unknownField, path: PolicyPath.member(path, key), value: key)
            }
            roles.append(
                Role(
                    name,
                    permissions: try Self.strings(fields["permissions"], path: path + ".permissions"),
                    inherits: try Self.strings(fields["inherits"], path: path + ".inherits")))
        }
        try self.init(roles: roles)
    }

    /// The policy in the JSON form that `init(json:limits:)` reads: the roles as
    /// defined, in order, with `inherits` only where a role inherits.
    ///
    /// - Returns: The policy document.
    public func jsonValue() -> JSONValue {
        var members: [(String, JSONValue)] = []
        for role in roles {
            var fields: [(String, JSONValue)] = [("permissions", .array(role.permissions.map { .string($0) }))]
            if !role.inherits.isEmpty { fields.append(("inherits", .array(role.inherits.map { .string($0) }))) }
            members.append((role.name, .object(JSONObject(fields))))
        }
        return .object(JSONObject([("roles", .object(JSONObject(members)))]))
    }

    /// The strings of an optional JSON array of strings (absent means empty).
    private static func strings(_ value: JSONValue?, path: String) throws(PolicyError) -> [String] {
        guard let value else { return [] }
        guard case .array(let elements) = value else {
            throw PolicyError(.unexpectedType, path: path, detail: "expected an array of strings")
        }
        if elements.count > maximumEntryCount {
            throw PolicyError(.limitExceeded, path: path, detail: "more than \(maximumEntryCount) entries in all")
        }
        var result: [String] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                throw PolicyError(.unexpectedType, path: PolicyPath.element(path, index), detail: "expected a string")
            }
            result.append(text)
        }
        return result
    }
}

extension PolicyError {
    /// A document the JSON reader rejected.
    init(json error: JSONError) {
        self.init(.invalidJSON, path: "", jsonError: error, detail: "at byte \(error.offset): \(error.reason)")
    }
}
