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
            case "-h", "--help": showHelp = true
            case "--version": showVersion = true
            default: throw ServerOptionsError(reason: "unknown argument \(argument)")
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
          --version              Print the version and exit.
          -h, --help             Print this help and exit.

        ENVIRONMENT
          SIGIL_JWT_SECRET       The HS256 secret (at least 32 bytes; shorter is refused). Without
                                 it the public demo secret shared with `sigil-token` is used and a
                                 warning is printed: anyone can forge tokens for such a server.
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
        exp; HS256 with the same secret) are accepted; jti and iss are not required, but a token
        without jti cannot be revoked by logout.

        EXIT STATUS
          0 when standard input closes; 1 when the users or data file cannot be used; 2 for a
          bad command line or secret.
        """
}

/// A bad command line.
public struct ServerOptionsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let reason: String
    public var description: String { reason }
}
