import SigilJSON
import SigilJWT
import SigilMCP
import SigilRBAC
import SigilSystem

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `sigil-server` program, as a library entry point so that `sigil-demo` can run the
/// very same server.
public enum SigilServerCommand {
    /// `serverInfo.name`.
    public static let name = "sigil-server"
    /// `serverInfo.version`.
    public static let version = "1.0.0"

    /// Runs the server with command-line arguments (without the program name) until
    /// standard input closes.
    ///
    /// - Parameter arguments: The command line after the program name.
    /// - Returns: The exit status: 0 after a clean shutdown (or after `--print-jwks`), 1 when
    ///   the users or data file cannot be used, 2 for a bad command line, secret or signing key.
    public static func run(arguments: [String]) -> Int32 {
        let options: ServerOptions
        do {
            options = try ServerOptions(parsing: arguments)
        } catch {
            MCPLog.write("sigil-server: \(error.reason)\nRun `sigil-server --help` for usage.")
            return 2
        }
        if options.showHelp {
            print(ServerOptions.help)
            return 0
        }
        if options.showVersion {
            print("\(name) \(version)")
            return 0
        }

        // Real settings, or an explicit --demo: never the public secret or the demo accounts
        // by accident.
        if !options.demo && !options.printJWKS {
            var missing: [String] = []
            if options.signingKeyPath == nil && Environment.value(SigilDemo.secretEnvironmentVariable) == nil {
                missing.append("\(SigilDemo.secretEnvironmentVariable) (or --signing-key PEM)")
            }
            if options.usersPath == nil { missing.append("--users FILE") }
            if !missing.isEmpty {
                MCPLog.write(
                    "sigil-server: refusing to start without \(missing.joined(separator: " and ")). Give real "
                        + "settings, or --demo to run with the public demo secret and the demo accounts.\n"
                        + "Run `sigil-server --help` for usage.")
                return 2
            }
        }

        let keys: SigningKeys
        switch SigningKeys.load(options) {
        case .success(let loaded): keys = loaded
        case .failure(let failure):
            MCPLog.write("sigil-server: \(failure.reason)")
            return 2
        }
        if options.printJWKS {
            // Checked by ServerOptions: --print-jwks comes with --signing-key.
            guard let jwks = keys.publishedKeys else { return 2 }
            print(JSONValue.object(jwks).serialized())
            return 0
        }
        let provider = keys.provider

        let policy = BlogRoles.policy
        let users: UserDirectory
        do {
            if let path = options.usersPath {
                users = try UserDirectory.load(path: path, policy: policy)
            } else {
                users = try UserDirectory.demo()
                MCPLog.write(
                    "sigil-server: WARNING: no --users file; the demo accounts admin, alice and bob are active "
                        + "with their documented passwords.")
            }
        } catch {
            MCPLog.write("sigil-server: cannot start: users file \(error)")
            return 1
        }

        let store: BlogStore
        do {
            if let path = options.usersPath, options.rehashPasswords {
                try POSIXFile.requirePrivate(path, what: "users file")
            }
            if let path = options.dataPath {
                store = try BlogStore(path: path, report: { MCPLog.write($0) })
            } else {
                store = BlogStore(state: BlogState.initial(now: SystemClock.epochSeconds()))
            }
        } catch {
            MCPLog.write("sigil-server: cannot start: data file \(error). The file was left as it is.")
            return 1
        }

        let tokenRules = TokenRules(
            issuer: options.issuer, audience: options.audience, acceptLegacyTokens: options.acceptLegacyTokens,
            liveRoles: options.liveRoles)
        let service = BlogService(
            provider: provider, publishedKeys: keys.publishedKeys, policy: policy, users: users,
            usersPath: options.usersPath, rehashPasswords: options.rehashPasswords, store: store,
            tokenRules: tokenRules, accessTokenLifetime: options.accessTokenLifetime,
            refreshTokenLifetime: options.refreshTokenLifetime)
        let authentication = MCPAuthentication(
            provider: provider, policy: policy, sessionToken: Environment.value("SIGIL_TOKEN"),
            identityCheck: { service.revocationFailure($0) })
        var server = service.makeServer(authentication: authentication)
        MCPLog.write(
            "sigil-server \(version): serving \(server.tools.count) tools over stdio; "
                + (options.dataPath.map { "data in \($0)" } ?? "data in memory only (use --data FILE to keep it)"))
        MCPStdioTransport.ignoreBrokenPipeSignals()
        var transport = MCPStdioTransport()
        switch server.run(on: &transport) {
        case .endOfInput:
            MCPLog.write("sigil-server: input closed; shutting down")
        case .transportFailed(let error):
            MCPLog.write("sigil-server: the client went away (\(error.reason)); shutting down")
        }
        do {
            try store.compact()
        } catch {
            MCPLog.write(
                "sigil-server: could not compact the data file at shutdown (the journal keeps every change): \(error)")
        }
        store.release()
        return 0
    }
}
