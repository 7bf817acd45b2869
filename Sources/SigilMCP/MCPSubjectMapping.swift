import SigilJSON
import SigilJWT
import SigilRBAC

/// How a verified token's claims become the RBAC `Subject` that a `Policy` judges.
///
/// Identity providers put authorization data in different claims. Pick the mapping that
/// matches yours, or combine several; the token is never reshaped:
///
/// | mapping | reads | gives |
/// |---|---|---|
/// | ``sigilClaims`` | `roles`, `permissions` (arrays of strings) | roles, permissions |
/// | ``oauthScopes`` | `scope` (space-separated, RFC 8693 §4.2) or `scp` (string or array) | permissions |
/// | ``groups`` | `groups` (array of strings; Okta, Entra, Keycloak's group mapper) | roles |
/// | ``keycloakRealmRoles`` | `realm_access.roles` | roles |
///
/// Scope and permission values that are not `action:resource` permissions (`openid`,
/// `profile`, …) grant nothing; they are left out. The subject's user id is always `sub`.
///
/// ```swift
/// let auth = MCPAuthentication(
///     verifier: verifier, policy: policy, subjectMapping: .combining([.oauthScopes, .groups]))
/// ```
public struct MCPSubjectMapping: Sendable {
    /// The roles and permission strings a mapping reads from a token's claims.
    public struct Grants: Sendable, Hashable {
        /// Role names.
        public var roles: [String]
        /// Permission strings, `action:resource`.
        public var permissions: [String]

        /// Grants.
        ///
        /// - Parameters:
        ///   - roles: Role names.
        ///   - permissions: Permission strings.
        public init(roles: [String] = [], permissions: [String] = []) {
            self.roles = roles
            self.permissions = permissions
        }
    }

    let read: @Sendable (JWTClaims) -> Grants

    /// A mapping of your own.
    ///
    /// - Parameter read: Reads the grants from verified claims. It runs only after the
    ///   token's signature and registered claims were checked.
    public init(_ read: @escaping @Sendable (JWTClaims) -> Grants) {
        self.read = read
    }

    /// The subject for verified claims: `sub` as the user id, and the mapping's grants.
    ///
    /// - Parameters:
    ///   - claims: The verified claims.
    ///   - userID: The token's `sub`.
    /// - Returns: The subject.
    public func subject(for claims: JWTClaims, userID: String) -> Subject {
        let grants = read(claims)
        return Subject(userID: userID, roles: grants.roles, permissions: grants.permissions)
    }

    /// Sigil's own claims: `roles` and `permissions`, arrays of strings (what
    /// `JWTProvider.createToken` and `sigil-token generate` write; Auth0's RBAC also writes
    /// `permissions`).
    public static let sigilClaims = MCPSubjectMapping { claims in
        Grants(roles: strings(claims["roles"]), permissions: strings(claims["permissions"]))
    }

    /// OAuth scopes as permissions: `scope`, a space-separated string (RFC 8693 §4.2, RFC 9068
    /// §2.2.3), or `scp`, a string or an array of strings (Okta, Entra).
    public static let oauthScopes = MCPSubjectMapping { claims in
        var scopes: [String] = []
        for name in ["scope", "scp"] {
            switch claims[name] {
            case .string(let text)?: scopes += text.split(separator: " ").map(String.init)
            case .array?: scopes += strings(claims[name])
            default: continue
            }
        }
        return Grants(permissions: scopes)
    }

    /// The `groups` claim as roles.
    public static let groups = MCPSubjectMapping { claims in
        Grants(roles: strings(claims["groups"]))
    }

    /// Keycloak's realm roles, `realm_access.roles`, as roles.
    public static let keycloakRealmRoles = MCPSubjectMapping { claims in
        Grants(roles: strings(claims["realm_access"]?["roles"]))
    }

    /// The union of several mappings' grants, in order, without repeats.
    ///
    /// - Parameter mappings: The mappings to combine.
    /// - Returns: The combined mapping.
    public static func combining(_ mappings: [MCPSubjectMapping]) -> MCPSubjectMapping {
        MCPSubjectMapping { claims in
            var combined = Grants()
            for mapping in mappings {
                let grants = mapping.read(claims)
                for role in grants.roles where !combined.roles.contains(role) { combined.roles.append(role) }
                for permission in grants.permissions where !combined.permissions.contains(permission) {
                    combined.permissions.append(permission)
                }
            }
            return combined
        }
    }

    /// The strings of a JSON array; other members and other types are ignored.
    static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let elements)? = value else { return [] }
        var result: [String] = []
        for case .string(let string) in elements { result.append(string) }
        return result
    }
}
