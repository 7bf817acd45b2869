import SigilJSON
import SigilJWT
import SigilMCP
import SigilRBAC

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

        let state: BlogState
        var dataLock: Int32 = -1
        do {
            if let path = options.dataPath { dataLock = try POSIXFile.lockExclusively(path) }
            state = try loadState(options.dataPath)
        } catch {
            MCPLog.write("sigil-server: cannot start: data file \(error). The file was left as it is.")
            return 1
        }

        let service = BlogService(
            provider: provider, publishedKeys: keys.publishedKeys, policy: policy, users: users,
            dataPath: options.dataPath, state: state,
            accessTokenLifetime: options.accessTokenLifetime, refreshTokenLifetime: options.refreshTokenLifetime)
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
        if dataLock >= 0 { close(dataLock) }
        return 0
    }

    /// The data file's state; a missing file is created with the seed posts.
    static func loadState(_ path: String?) throws(DataFileError) -> BlogState {
        let now = SystemClock.epochSeconds()
        guard let path else { return BlogState.initial(now: now) }
        if POSIXFile.exists(path) {
            return try BlogState.decode(try POSIXFile.readAll(path, maxBytes: 64 << 20), path: path)
        }
        let state = BlogState.initial(now: now)
        try POSIXFile.replaceAtomically(path, with: state.encoded())
        return state
    }
}
