import SigilJWT

/// `sigil-server`'s command line.
public struct ServerOptions: Sendable, Hashable {
    /// `--users FILE`.
    public var usersPath: String?
    /// `--data FILE`.
    public var dataPath: String?
    /// `--access-ttl SECONDS`.
    public var accessTokenLifetime: Int64 = 3600
    /// `--refresh-ttl SECONDS`.
    public var refreshTokenLifetime: Int64 = 7 * 24 * 3600
    /// `--signing-key PEM`: sign tokens with this RSA private key instead of the HS256 secret.
    public var signingKeyPath: String?
    /// `--signing-alg ALG`: RS256 (the default), RS384 or RS512; only with `--signing-key`.
    public var signingAlgorithm: JWTAlgorithm = .rs256
    /// `--print-jwks`: print the public key as a JWK Set and exit.
    public var printJWKS = false
    /// `--help`.
    public var showHelp = false
    /// `--version`.
    public var showVersion = false

    /// Parses the arguments after the program name.
    ///
    /// - Parameter arguments: The arguments, e.g. `["--data", "blog.json"]`.
    /// - Throws: ``ServerOptionsError`` for an unknown option, a missing value or a bad number.
    public init(parsing arguments: [String]) throws(ServerOptionsError) {
        var remaining = arguments[...]
        var signingAlgorithmGiven = false
        func value(for option: String) throws(ServerOptionsError) -> String {
            guard let value = remaining.popFirst(), !value.isEmpty else {
                throw ServerOptionsError(reason: "\(option) needs a value")
            }
            return value
        }
        func seconds(for option: String) throws(ServerOptionsError) -> Int64 {
            let text = try value(for: option)
            guard let number = Int64(text), number >= 1, number <= 366 * 24 * 3600 else {
                throw ServerOptionsError(reason: "\(option) must be a number of seconds from 1 to 31622400")
            }
            return number
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--users": usersPath = try value(for: argument)
            case "--data": dataPath = try value(for: argument)
            case "--access-ttl": accessTokenLifetime = try seconds(for: argument)
            case "--refresh-ttl": refreshTokenLifetime = try seconds(for: argument)
            case "--signing-key": signingKeyPath = try value(for: argument)
            case "--signing-alg":
                let name = try value(for: argument)
                guard let algorithm = JWTAlgorithm(rawValue: name), JWTAlgorithm.rsaPKCS1Algorithms.contains(algorithm)
                else {
                    throw ServerOptionsError(reason: "--signing-alg must be RS256, RS384 or RS512")
                }
                signingAlgorithm = algorithm
                signingAlgorithmGiven = true
            case "--print-jwks": printJWKS = true
            case "-h", "--help": showHelp = true
            case "--version": showVersion = true
            default: throw ServerOptionsError(reason: "unknown argument \(argument)")
            }
        }
        if signingKeyPath == nil && !showHelp && !showVersion {
            if signingAlgorithmGiven {
                throw ServerOptionsError(reason: "--signing-alg needs --signing-key PEM")
            }
            if printJWKS {
                throw ServerOptionsError(
                    reason: "--print-jwks needs --signing-key PEM: an HS256 server has no public key to publish")
            }
        }
    }

    /// The `--help` text.
    public static let help = """
        sigil-server: the Sigil example MCP tool server (a small blog guarded by JWT + RBAC).

        It speaks MCP (JSON-RPC 2.0, one message per line) on standard input and output, as
        MCP clients expect of a stdio server; logs and warnings go to standard error. It stops
        cleanly when standard input closes.

        USAGE
          sigil-server [--users FILE] [--data FILE] [--access-ttl SECONDS] [--refresh-ttl SECONDS]
                       [--signing-key PEM [--signing-alg RS256|RS384|RS512]] [--print-jwks]

        OPTIONS
          --users FILE           Users who can log in: {"users":[{"username":"alice",
                                 "password_hash":"$pbkdf2-sha256$i=600000$...","roles":["user"]}]}.
                                 Make hashes with `sigil-token hash-password`. Roles: admin, user,
                                 viewer. Without this option the built-in demo accounts are used
                                 (admin/admin-demo, alice/alice-demo, bob/bob-demo; a warning is
                                 printed).
          --data FILE            Keep posts, revoked tokens, refresh tokens and counters in FILE.
                                 Every change is written atomically and durably (temporary file,
                                 fsync, rename, fsync of the directory) before the tool answers. A
                                 missing FILE is created; an unreadable or corrupt FILE stops the
                                 server with an error and is never replaced. One server at a
                                 time: a lock on .FILE.lock beside it refuses a second one.
                                 Without this option everything is kept in memory only.
          --access-ttl SECONDS   Lifetime of access tokens issued by login/refresh_token (3600).
          --refresh-ttl SECONDS  Lifetime of refresh tokens (604800, one week).
          --signing-key PEM      Sign access tokens with this RSA private key (PEM: PKCS#8
                                 "PRIVATE KEY" or PKCS#1 "RSA PRIVATE KEY", at least 2048 bits)
                                 instead of the HS256 secret. The server then accepts only tokens
                                 signed with this key (HS256 tokens are refused, whatever the
                                 secret), writes kid = the key's RFC 7638 JWK thumbprint (SHA-256,
                                 base64url) into their header, and publishes the public key as a
                                 JWK Set through the jwks tool. SIGIL_JWT_SECRET is not used.
          --signing-alg ALG      RS256 (the default), RS384 or RS512. The algorithm is never
                                 inferred from the key: an RSA key fits all three. Needs
                                 --signing-key.
          --print-jwks           Print the public key of --signing-key as a JWK Set (RFC 7517:
                                 kty, use sig, alg, kid, n, e) on standard output and exit.
                                 Needs --signing-key.
          --version              Print the version and exit.
          -h, --help             Print this help and exit.

        ENVIRONMENT
          SIGIL_JWT_SECRET       The HS256 secret (at least 32 bytes; shorter is refused). Without
                                 it the public demo secret shared with `sigil-token` is used and a
                                 warning is printed: anyone can forge tokens for such a server.
                                 Ignored with --signing-key.
          SIGIL_TOKEN            A token used for every tool call that carries none (the MCP
                                 specification's advice for stdio servers). A call's own token
                                 wins: arguments.auth.token first, then params._meta.auth.token.

        TOOLS
          public_info            anyone
          login                  anyone (username, password)
          refresh_token          anyone holding a refresh token
          whoami, logout         any valid token
          list_posts             read:posts (admin, user, viewer)
          create_post            role user or admin
          update_post            write:posts: admin any post, user only their own
          delete_post            role admin
          admin_dashboard        role admin

        Tokens from other libraries in the seed's structure (sub, username, roles, permissions,
        exp; HS256 with the same secret, or with --signing-key the same RSA key and algorithm)
        are accepted; jti and iss are not required, but a token without jti cannot be revoked
        by logout.

        EXIT STATUS
          0 when standard input closes (or after --print-jwks); 1 when the users or data file
          cannot be used; 2 for a bad command line, secret or signing key.
        """
}

/// A bad command line.
public struct ServerOptionsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let reason: String
    public var description: String { reason }
}
