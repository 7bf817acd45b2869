import SigilExampleServer
import SigilJSON
import SigilJWT
import SigilRBAC

/// `sigil-token generate`: issue a token in the NextMCP example's structure.
enum GenerateCommand: Subcommand {
    static let name = "generate"

    static let help = """
        Usage: sigil-token generate --user NAME --role ROLE [--role ROLE]... [--expires SECONDS]
                                    [--permission P]... [--claim KEY=VALUE]... [--alg ALG]
                                    [--secret-file PATH | --key PATH] [--kid ID | --kid-thumbprint]
                                    [--quiet]
               sigil-token --user NAME --role ROLE ...      (the same, as the NextMCP example's script)

        Issues a JWT with the NextMCP example's claims: sub ("user_" + NAME), username, roles,
        permissions, iat, exp and a random jti.

        Options:
          --user NAME          The user name (required). The subject is "user_NAME".
          --role ROLE          A role (required; repeat for several). admin, user and viewer
                               get the example blog's permissions unless --permission is given:
                                 admin:  read:*, write:*, delete:*
                                 user:   read:posts, write:own_posts
                                 viewer: read:posts
          --permission P       A permission (repeatable); replaces the role defaults.
          --expires SECONDS    Lifetime in seconds (default 3600).
          --claim KEY=VALUE    A custom claim (repeatable). VALUE is read as JSON when it is
                               valid JSON (42, true, ["a"], {"k":1}, "quoted"), else as a string.
          --alg ALG            HS256 (default), HS384, HS512; with an RSA --key RS256 (its
                               default), RS384, RS512, PS256, PS384 or PS512; with an EC --key
                               the curve's ES256 (P-256), ES384 (P-384) or ES512 (P-521); with
                               an Ed25519 --key EdDSA.
          --secret-file PATH   Read the HMAC secret from a file (one trailing newline ignored).
          --key PATH           Sign with a private key instead of a secret: PEM (PKCS#8
                               "PRIVATE KEY" of RSA, EC or Ed25519; "RSA PRIVATE KEY"; or SEC 1
                               "EC PRIVATE KEY") or a JWK (RSA, EC or OKP private, or oct).
          --kid ID             Write ID as the header's kid (replaces a JWK's own kid).
          --kid-thumbprint     Write the key's RFC 7638 JWK thumbprint (SHA-256, base64url)
                               as the kid: the kid `sigil-server --signing-key` publishes.
          --quiet              Print only the token on stdout.
          -h, --help           Show this help.

        The HMAC secret comes from --secret-file, else the environment variable
        SIGIL_JWT_SECRET, else the public demo secret shared with sigil-server (with a
        warning on stderr). HS256 needs at least 32 bytes of secret, HS384 48, HS512 64.

        Exit status: 0 on success, 2 on a usage or key error.
        """

    static let options: [CommandLineOption] = [
        .value("user"), .value("role", repeatable: true), .value("expires"), .value("permission", repeatable: true),
        .value("claim", repeatable: true), .value("alg"), .value("secret-file"), .value("key"), .value("kid"),
        .flag("kid-thumbprint"), .flag("quiet"),
    ]

    static func run(with parsed: CommandLineArguments) throws(UsageError) -> Int32 {
        guard parsed.positionals.isEmpty else {
            throw usageError("unexpected argument \(parsed.positionals[0])")
        }
        guard let user = parsed.value("user"), !user.isEmpty else {
            throw usageError("--user NAME is required")
        }
        let roles = parsed.all("role")
        guard !roles.isEmpty, !roles.contains("") else { throw usageError("--role ROLE is required") }
        let expiresIn =
            try integer("expires", in: parsed, within: 1...(100 * 365 * 86_400), unit: " seconds (100 years)") ?? 3600
        var permissions = parsed.all("permission")
        if permissions.isEmpty {
            // The example blog's grants for these roles (its policy resolves inheritance).
            let subject = Subject(userID: user, roles: roles)
            permissions = BlogRoles.policy.effectivePermissions(of: subject).map(\.rawValue)
        }
        let claims = try customClaims(parsed.all("claim"))

        var requested: JWTAlgorithm?
        if let name = parsed.value("alg") { requested = try VerifyCommand.algorithm(name, command: self.name) }
        let key = try named(try signingKey(algorithm: requested, parsed: parsed), parsed: parsed)
        let algorithm = key.algorithm
        let provider = JWTProvider(signingKey: key, verificationKeys: JWTKeySet(key))
        let token: String
        do {
            token = try provider.createToken(
                userID: "user_\(user)", roles: roles, permissions: permissions, username: user, expiresIn: expiresIn,
                claims: claims)
        } catch {
            throw usageError("cannot sign: \(error.reason)")
        }

        if parsed.has("quiet") {
            SystemIO.print(token)
        } else {
            let (sum, overflow) = SystemIO.now().addingReportingOverflow(expiresIn)
            let expiry = overflow ? Int64.max : sum
            SystemIO.print(
                """
                Generated JWT token
                  User:        \(user)
                  Role:        \(roles.joined(separator: ", "))
                  Permissions: \(permissions.isEmpty ? "(none)" : permissions.joined(separator: ", "))
                  Algorithm:   \(algorithm)\(key.keyID.map { "\n  Key ID:      \($0)" } ?? "")
                  Expires:     \(UTCDate.format(expiry)) (in \(expiresIn) seconds)

                Token:
                \(token)
                """)
        }
        return ExitStatus.success
    }

    /// The signing key: `--key` (with `--alg`, else the key's own algorithm: RS256 for an
    /// RSA key, the curve's ES256/ES384/ES512 for an EC key, EdDSA for Ed25519, or a JWK's
    /// `alg`), else an HMAC secret (HS256 unless `--alg` says otherwise).
    static func signingKey(
        algorithm requested: JWTAlgorithm?, parsed: CommandLineArguments
    ) throws(UsageError)
        -> JWTKey
    {
        if let path = parsed.value("key") {
            guard parsed.value("secret-file") == nil else {
                throw usageError("give --key or --secret-file, not both")
            }
            return try KeyLoading.privateKey(path, algorithm: requested, command: name)
        }
        let algorithm = requested ?? .hs256
        guard JWTAlgorithm.hmacAlgorithms.contains(algorithm) else {
            throw usageError("\(algorithm) signs with a private key: give --key PATH")
        }
        let secret = try KeyLoading.secret(file: parsed.value("secret-file"), command: name)
        return try KeyLoading.hmacKey(secret, algorithm: algorithm, command: name)
    }

    /// The key with the ID from `--kid` or `--kid-thumbprint`, else as it is.
    static func named(_ key: JWTKey, parsed: CommandLineArguments) throws(UsageError) -> JWTKey {
        let keyID = parsed.value("kid")
        guard parsed.has("kid-thumbprint") else {
            guard let keyID else { return key }
            guard !keyID.isEmpty else { throw usageError("--kid needs a non-empty ID") }
            return key.withKeyID(keyID)
        }
        guard keyID == nil else { throw usageError("give --kid or --kid-thumbprint, not both") }
        guard let thumbprint = key.jwkThumbprint else {
            throw usageError(
                "--kid-thumbprint needs a private key (--key: RSA, EC or Ed25519); an HMAC secret has no public "
                    + "thumbprint")
        }
        return key.withKeyID(thumbprint)
    }

    /// `KEY=VALUE` pairs; VALUE as JSON when it parses, else as a string.
    static func customClaims(_ pairs: [String]) throws(UsageError) -> JSONObject {
        var claims = JSONObject()
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw usageError("--claim needs KEY=VALUE, not \(pair)")
            }
            let key = String(pair[..<equals])
            let text = String(pair[pair.index(after: equals)...])
            guard !claims.contains(key) else { throw usageError("--claim \(key) is given twice") }
            claims[key] = (try? JSONValue.parse(text)) ?? .string(text)
        }
        return claims
    }
}
