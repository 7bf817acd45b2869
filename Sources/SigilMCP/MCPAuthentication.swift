import SigilJSON
import SigilJWT
import SigilRBAC

/// How the runtime authenticates and authorizes tool calls: the token verifier, the role
/// policy, how claims become a subject, the session token and an extra check (such as a
/// revocation list).
///
/// The verifier is any `JWTVerifier`: an HMAC secret, an RSA key, or an identity
/// provider's JWK Set, with the issuers, audiences and algorithms you allow. The policy is
/// always yours; there is no built-in role table.
///
/// ```swift
/// var options = JWTValidationOptions(issuers: ["https://issuer.example/"], audiences: ["https://api.example"])
/// options.allowedAlgorithms = [.rs256]
/// let auth = MCPAuthentication(
///     verifier: JWTVerifier(keys: try JWTKeySet(jwks: jwksText), options: options),
///     policy: try Policy(json: policyText), subjectMapping: .oauthScopes)
/// ```
///
/// For a tool that needs a token (``MCPToolAccess/needsToken``), the token is taken, in
/// this order, from:
/// 1. the call's `arguments.auth.token` (the NextMCP example's convention,
///    `auth={"token": "..."}`);
/// 2. the call's `params._meta.auth.token`;
/// 3. ``sessionToken``, one token for the whole session (from the environment, as the MCP
///    specification advises for stdio servers).
///
/// Failures are tool results with `isError: true` and a stable code
/// (``MCPToolError/Code``): `authentication_required` "Authentication required",
/// `token_expired` "Token expired", `invalid_token` "Invalid token", `token_revoked`
/// "Token revoked", `permission_denied` "Permission denied: requires …".
///
/// - Important: The subject of a call is built only from a verified token: `sub`, and the
///   grants ``subjectMapping`` reads; its effective permissions come from ``policy``.
public struct MCPAuthentication {
    /// An extra check of a verified identity; returns the failure, or `nil` to accept.
    public typealias IdentityCheck = (AuthenticatedIdentity) -> MCPToolError?

    /// Verifies tokens.
    public let verifier: JWTVerifier
    /// Maps roles to permissions and decides access.
    public let policy: Policy
    /// How verified claims become the RBAC subject.
    public let subjectMapping: MCPSubjectMapping
    /// The token used when a call carries none.
    ///
    /// The application might read it from an environment variable, for example.
    public let sessionToken: String?
    /// Run after verification, for example to refuse revoked tokens.
    public let identityCheck: IdentityCheck

    /// An authentication configuration.
    ///
    /// - Parameters:
    ///   - verifier: Verifies tokens: keys, allowed algorithms, issuers, audiences.
    ///   - policy: The role policy that decides access.
    ///   - subjectMapping: How claims become the subject; Sigil's `roles` and `permissions`
    ///     claims by default.
    ///   - sessionToken: The token for calls that carry none; empty counts as none.
    ///   - identityCheck: An extra check after verification; accepts everything by default.
    public init(
        verifier: JWTVerifier, policy: Policy, subjectMapping: MCPSubjectMapping = .sigilClaims,
        sessionToken: String? = nil, identityCheck: @escaping IdentityCheck = { _ in nil }
    ) {
        self.verifier = verifier
        self.policy = policy
        self.subjectMapping = subjectMapping
        self.sessionToken = sessionToken.flatMap { $0.isEmpty ? nil : $0 }
        self.identityCheck = identityCheck
    }

    /// An authentication configuration that verifies with a provider's verifier (its
    /// signing key is not used here).
    ///
    /// - Parameters:
    ///   - provider: The provider whose verifier checks tokens.
    ///   - policy: The role policy that decides access.
    ///   - sessionToken: The token for calls that carry none; empty counts as none.
    ///   - identityCheck: An extra check after verification; accepts everything by default.
    public init(
        provider: JWTProvider, policy: Policy, sessionToken: String? = nil,
        identityCheck: @escaping IdentityCheck = { _ in nil }
    ) {
        self.init(
            verifier: provider.verifier, policy: policy, sessionToken: sessionToken, identityCheck: identityCheck)
    }

    /// The token a call presents, by the lookup order above.
    ///
    /// - Parameters:
    ///   - auth: The `auth` member of the call's arguments, if any.
    ///   - meta: The call's `params._meta`, if any.
    /// - Returns: The token and where it came from, or `nil` when there is none.
    /// - Throws: ``MCPToolError/Code/invalidArgumentType`` when `auth` is not an object
    ///   or its `token` is not a string.
    public func presentedToken(auth: JSONValue?, meta: JSONObject?) throws(MCPToolError) -> (String, MCPTokenSource)? {
        switch auth {
        case nil, .null?:
            break
        case .object(let object)?:
            switch object["token"] {
            case nil, .null?: break
            case .string(let token)? where !token.isEmpty: return (token, .arguments)
            case .string?: break
            default:
                throw MCPToolError(
                    .invalidArgumentType, "Argument 'auth.token' must be a string", details: ["argument": "auth"])
            }
        default:
            throw MCPToolError(
                .invalidArgumentType, "Argument 'auth' must be an object with a 'token' string",
                details: ["argument": "auth"])
        }
        if case .string(let token)? = meta?["auth"]?["token"], !token.isEmpty { return (token, .meta) }
        if let sessionToken { return (sessionToken, .session) }
        return nil
    }

    /// Authenticates a call and checks the tool's access rule.
    ///
    /// - Parameters:
    ///   - access: The tool's rule; must need a token.
    ///   - auth: The `auth` member of the call's arguments.
    ///   - meta: The call's `params._meta`.
    /// - Returns: The caller.
    /// - Throws: ``MCPToolError`` with an authentication or authorization code.
    public func authorize(
        _ access: MCPToolAccess, auth: JSONValue?, meta: JSONObject?
    ) throws(MCPToolError) -> MCPCaller {
        guard let (token, source) = try presentedToken(auth: auth, meta: meta) else {
            throw MCPToolError(.authenticationRequired, "Authentication required")
        }
        let identity: AuthenticatedIdentity
        do {
            identity = try AuthenticatedIdentity(claims: verifier.verify(token).claims)
        } catch {
            if error.code == .expired { throw MCPToolError(.tokenExpired, "Token expired") }
            throw MCPToolError(.invalidToken, "Invalid token")
        }
        if let failure = identityCheck(identity) { throw failure }
        let caller = MCPCaller(
            identity: identity, subject: subjectMapping.subject(for: identity.claims, userID: identity.userID),
            tokenSource: source, policy: policy)
        let decision: AccessDecision
        switch access.requirement {
        case .everyone, .authenticated:
            decision = .allowed
        case .roles(let requirement):
            decision = policy.evaluate(caller.subject, requirement)
        case .permission(let permission, let ownedByCaller):
            decision = policy.evaluate(caller.subject, permission, owner: ownedByCaller ? caller.subject.userID : nil)
        }
        if case .denied = decision {
            throw MCPCaller.denial(requires: access.requirementDescription, details: [:])
        }
        return caller
    }
}

/// Where a call's token came from.
public enum MCPTokenSource: String, Sendable, Hashable {
    /// `arguments.auth.token`.
    case arguments
    /// `params._meta.auth.token`.
    case meta
    /// The session token (``MCPAuthentication/sessionToken``).
    case session
}
