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
    /// `--signing-key PEM`: sign tokens with this private key (RSA, EC or Ed25519) instead of
    /// the HS256 secret.
    public var signingKeyPath: String?
    /// `--signing-alg ALG`: the algorithm of `--signing-key`, or `nil` for the key's own (RS256
    /// for RSA, the curve's ES256/ES384/ES512 for EC, EdDSA for Ed25519); only with
    /// `--signing-key`.
    public var signingAlgorithm: JWTAlgorithm?
    /// `--print-jwks`: print the public key as a JWK Set and exit.
    public var printJWKS = false
    /// `--demo`: allow the demo accounts and the public demo secret (where `--users` or `SIGIL_JWT_SECRET` is not
    /// given).
    ///
    /// Without it the server requires real settings.
    public var demo = false
    /// `--accept-legacy-tokens`: accept tokens without `iss`, `aud` or `jti`.
    public var acceptLegacyTokens = false
    /// `--issuer ISS`: `iss` of issued tokens, required of presented ones.
    public var issuer = "sigil-server"
    /// `--audience AUD`: `aud` of issued tokens, required of presented ones.
    public var audience = "sigil-blog"
    /// `--live-roles`: check a token's roles against the users file at each call.
    public var liveRoles = false
    /// `--rehash-passwords`: let a login rewrite the users file to rehash its password.
    public var rehashPasswords = false
    /// `--help`.
    public var showHelp = false
    /// `--version`.
    public var showVersion = false

    /// The options `sigil-server` accepts (besides `-h`/`--help`).
    static let options: [CommandLineOption] = [
        .value("users"), .value("data"), .value("access-ttl"), .value("refresh-ttl"), .value("signing-key"),
        .value("signing-alg"), .flag("print-jwks"), .flag("demo"), .flag("accept-legacy-tokens"), .value("issuer"),
        .value("audience"), .flag("live-roles"), .flag("rehash-passwords"), .flag("version"),
    ]

    /// Parses the arguments after the program name, by the rules of the example's command
    /// lines (`--name VALUE` or `--name=VALUE`, `--`, each option at most once).
    ///
    /// - Parameter arguments: The arguments, e.g. `["--data", "blog.json"]`.
    /// - Throws: ``CommandLineError`` for an unknown option, a missing, repeated or bad value,
    ///   an argument that is not an option, or options that need another one.
    public init(parsing arguments: [String]) throws(CommandLineError) {
        let parsed = try CommandLineArguments(arguments, options: Self.options)
        if let argument = parsed.positionals.first {
            throw CommandLineError(.unexpectedArgument, "unexpected argument \(argument)")
        }
        usersPath = parsed.value("users")
        dataPath = parsed.value("data")
        accessTokenLifetime = try Self.seconds(parsed, "access-ttl") ?? accessTokenLifetime
        refreshTokenLifetime = try Self.seconds(parsed, "refresh-ttl") ?? refreshTokenLifetime
        signingKeyPath = parsed.value("signing-key")
        if let name = parsed.value("signing-alg") {
            guard let algorithm = SigningKeys.asymmetricAlgorithms.first(where: { $0.rawValue == name }) else {
                throw CommandLineError(
                    .invalidValue,
                    "--signing-alg must be one of "
                        + SigningKeys.asymmetricAlgorithms.map(\.rawValue).joined(separator: ", "))
            }
            signingAlgorithm = algorithm
        }
        printJWKS = parsed.has("print-jwks")
        demo = parsed.has("demo")
        acceptLegacyTokens = parsed.has("accept-legacy-tokens")
        issuer = parsed.value("issuer") ?? issuer
        audience = parsed.value("audience") ?? audience
        liveRoles = parsed.has("live-roles")
        rehashPasswords = parsed.has("rehash-passwords")
        showHelp = parsed.has("help")
        showVersion = parsed.has("version")
        if rehashPasswords && usersPath == nil {
            throw CommandLineError(.missingOption, "--rehash-passwords needs --users FILE")
        }
        if signingKeyPath == nil && !showHelp && !showVersion {
            if signingAlgorithm != nil {
                throw CommandLineError(.missingOption, "--signing-alg needs --signing-key PEM")
            }
            if printJWKS {
                throw CommandLineError(
                    .missingOption, "--print-jwks needs --signing-key PEM: an HS256 server has no public key to publish"
                )
            }
        }
    }

    /// A lifetime option's value: whole seconds from 1 to 366 days.
    private static func seconds(_ parsed: CommandLineArguments, _ name: String) throws(CommandLineError) -> Int64? {
        guard let text = parsed.value(name) else { return nil }
        guard let number = Int64(text), number >= 1, number <= 366 * 24 * 3600 else {
            throw CommandLineError(.invalidValue, "--\(name) must be a number of seconds from 1 to 31622400")
        }
        return number
    }

    /// The `--help` text.
    public static let help = """
        sigil-server: the Sigil example MCP tool server (a small blog guarded by JWT + RBAC).

        It speaks MCP (JSON-RPC 2.0, one message per line) on standard input and output, as
        MCP clients expect of a stdio server; logs and warnings go to standard error. It stops
        cleanly when standard input closes.

        USAGE
          SIGIL_JWT_SECRET=... sigil-server --users FILE [--data FILE] [OPTIONS]
          sigil-server --signing-key PEM [--signing-alg ALG] --users FILE [--data FILE] [OPTIONS]
          sigil-server --demo [--data FILE] [OPTIONS]

        A server needs real settings: a users file (--users) and a key (SIGIL_JWT_SECRET or
        --signing-key). Without them it refuses to start, unless --demo allows the built-in
        demo accounts and the public demo secret for what is missing.

        OPTIONS
          --users FILE           Users who can log in: {"users":[{"username":"alice",
                                 "password_hash":"$pbkdf2-sha256$i=600000$...","roles":["user"]}]}.
                                 Make hashes with `sigil-token hash-password`. Roles: admin, user,
                                 viewer. Required unless --demo.
          --demo                 Allow the built-in demo accounts (admin/admin-demo,
                                 alice/alice-demo, bob/bob-demo) without --users, and the public
                                 demo secret without SIGIL_JWT_SECRET (a warning is printed).
          --data FILE            Keep posts, revoked tokens, refresh tokens and counters in FILE
                                 (a snapshot) and FILE.journal (an append-only journal). Every
                                 change is appended to the journal and fsynced before the tool
                                 answers; when the journal grows as large as the snapshot (at
                                 least 1 MiB), at start and at a clean stop, the state is written
                                 as a new snapshot (temporary file, fsync, rename, fsync of the
                                 directory) and the journal emptied. A torn last journal record
                                 (a crash mid-write) is dropped and reported at start; any other
                                 damage stops the server and leaves the files as they are. The
                                 snapshot is kept under 32 MiB: a change beyond it is refused
                                 (storage_full). FILE and its directory must not be writable by
                                 group or others. One server at a time: a lock on .FILE.lock
                                 beside it refuses a second one. Without this option everything
                                 is kept in memory only.
          --access-ttl SECONDS   Lifetime of access tokens issued by login/refresh_token (3600).
          --refresh-ttl SECONDS  Lifetime of refresh tokens (604800, one week).
          --signing-key PEM      Sign access tokens with this private key instead of the HS256
                                 secret. PEM: an RSA key (PKCS#8 "PRIVATE KEY" or PKCS#1 "RSA
                                 PRIVATE KEY", at least 2048 bits), an EC key on P-256, P-384 or
                                 P-521 (SEC 1 "EC PRIVATE KEY" or PKCS#8 "PRIVATE KEY") or an
                                 Ed25519 key (PKCS#8 "PRIVATE KEY"). The server then accepts only
                                 tokens signed with this key and its algorithm (HS256 tokens are
                                 refused, whatever the secret), writes kid = the key's RFC 7638
                                 JWK thumbprint (SHA-256, base64url) into their header, and
                                 publishes the public key as a JWK Set through the jwks tool.
                                 SIGIL_JWT_SECRET is not used.
          --signing-alg ALG      The algorithm, where the key allows more than one. An RSA key:
                                 RS256 (the default), RS384, RS512, PS256, PS384 or PS512. An EC
                                 key's algorithm follows its curve: ES256 (P-256), ES384 (P-384),
                                 ES512 (P-521); an Ed25519 key's is EdDSA. An algorithm the key
                                 cannot sign stops the server. Needs --signing-key.
          --issuer ISS           iss of issued tokens; presented tokens must carry it
                                 ("sigil-server").
          --audience AUD         aud of issued tokens; presented tokens must name it
                                 ("sigil-blog").
          --accept-legacy-tokens Also accept tokens without iss, aud or jti (other issuers' tokens
                                 of the NextMCP example's shape). A token that has iss or aud must
                                 still match. A token without jti cannot be revoked by logout.
          --live-roles           Check each call's token against the users file (read again when
                                 it changes): a token claiming a role or permission the account
                                 no longer has, or of a removed account, is refused at once
                                 (token_revoked), instead of when it expires.
          --rehash-passwords     After a successful login with a hash of other parameters than
                                 the current default (pbkdf2-sha256, i=600000), rehash it and
                                 rewrite the users file (atomically). Needs --users.
          --print-jwks           Print the public key of --signing-key as a JWK Set (RFC 7517:
                                 kty, use sig, alg, kid, and n, e for RSA, crv, x, y for EC,
                                 crv, x for Ed25519) on standard output and exit. Needs
                                 --signing-key.
          --version              Print the version and exit.
          -h, --help             Print this help and exit.

        ENVIRONMENT
          SIGIL_JWT_SECRET       The HS256 secret (at least 32 bytes; shorter is refused). Required
                                 unless --signing-key or --demo; with --demo and without it the
                                 public demo secret is used and a warning is printed: anyone can
                                 forge tokens for such a server. Ignored with --signing-key.
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

        LIMITS
          A title takes at most 200 characters and 1024 bytes stored (JSON-escaped), a post's text
          4000 characters and 16384 bytes; 5000 posts. list_posts pages hold at most 100 posts
          (a larger limit is clamped) and 256 KiB; next_cursor continues. Password checks: 10 in
          a burst per session, then one every 2 s (30 and 2/s over all sessions); beyond, login
          answers rate_limited. A response is at most 2 MiB and a batch's answer 8 MiB; results
          over 4 KiB are not repeated as text. Batches are refused under protocol 2025-06-18
          and later, and tools/call before initialize.

        Tokens are checked for iss, aud and jti by default: tokens this server issues carry
        them, and `sigil-token generate ... --claim iss=sigil-server --claim aud=sigil-blog`
        makes such tokens. Tokens from other libraries in the NextMCP example's shape (sub, username,
        roles, permissions, exp; no iss, aud or jti) need --accept-legacy-tokens.

        EXIT STATUS
          0 when standard input closes (or after --print-jwks); 1 when the users or data file
          cannot be used; 2 for a bad command line, secret or signing key.
        """
}
