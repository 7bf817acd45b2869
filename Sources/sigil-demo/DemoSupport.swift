import SigilBase64
import SigilJSON
import SigilMCP
import SigilMCPTesting
import SigilSystem

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard error output.
enum FileHandleStandardError {
    static func write(_ text: String) { MCPLog.write(text) }
}

/// Where the server comes from.
///
/// By default this very executable, re-executed as `sigil-demo --serve`: it runs the same
/// `SigilExampleServer` code as the `sigil-server` binary, always from the same build, so
/// `swift run sigil-demo` works on a fresh clone (it builds only sigil-demo) and never talks
/// to a stale `sigil-server` left from an older build. `SIGIL_DEMO_SERVER=path/to/sigil-server`
/// runs that binary instead.
struct ServerLauncher {
    let executable: String
    let leadingArguments: [String]
    let label: String

    static func locate() -> ServerLauncher {
        if let path = Environment.value("SIGIL_DEMO_SERVER") {
            return ServerLauncher(executable: path, leadingArguments: [], label: path)
        }
        return ServerLauncher(
            executable: executablePath(), leadingArguments: ["--serve"],
            label: "sigil-server's code, as `sigil-demo --serve` (SIGIL_DEMO_SERVER=path runs another binary)")
    }

    /// Starts the server with the demo accounts (`--demo`: the demo needs no setup).
    func start(arguments: [String] = [], environment: [String]) throws(MCPTransportError) -> MCPChildProcess {
        try MCPChildProcess(
            executable: executable, arguments: leadingArguments + ["--demo"] + arguments, environment: environment,
            standardError: .discard)
    }

    /// Starts the server with a fresh random secret, opens the MCP session and logs in as the
    /// demo user alice: what each benchmark does before it measures.
    ///
    /// - Parameter arguments: Server arguments after `--demo`.
    /// - Returns: The running server and alice's token.
    /// - Throws: `MCPTransportError` when the server cannot start or answer, or the login fails.
    func startLoggedIn(arguments: [String] = []) throws(MCPTransportError) -> (server: MCPChildProcess, token: String) {
        let server = try start(
            arguments: arguments,
            environment: ServerLauncher.environment(["SIGIL_JWT_SECRET=\(ServerLauncher.randomSecret())"]))
        _ = try server.request(
            "initialize",
            params: [
                "protocolVersion": "2025-11-25", "capabilities": [:], "clientInfo": ["name": "bench", "version": "1"],
            ])
        let login = try server.callTool("login", arguments: ["username": "alice", "password": "alice-demo"])
        guard let token = login.structured["token"]?.stringValue else {
            throw MCPTransportError(.unexpectedMessage, "login failed: \(login)")
        }
        return (server, token)
    }

    static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 {
            return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return CommandLine.arguments[0]
    }

    /// A fresh random secret for the child, so the demo can also mint its own tokens.
    static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode((0..<36).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// The environment for the child: PATH and HOME as they are, plus `extra`.
    static func environment(_ extra: [String]) -> [String] {
        var result = extra
        for name in ["PATH", "HOME"] {
            if let value = Environment.value(name) { result.append("\(name)=\(value)") }
        }
        return result
    }
}

/// Colours when standard output is a terminal.
enum Style {
    static let enabled = isatty(1) == 1 && Environment.value("NO_COLOR") == nil

    static func bold(_ text: String) -> String { wrap(text, "1") }
    static func green(_ text: String) -> String { wrap(text, "32") }
    static func red(_ text: String) -> String { wrap(text, "31") }
    static func dim(_ text: String) -> String { wrap(text, "2") }
    static func cyan(_ text: String) -> String { wrap(text, "36") }

    private static func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Text layout helpers.
enum Layout {
    /// Pads `text` with spaces to `width` columns (counting characters).
    static func pad(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }

    static func heading(_ text: String) {
        print("")
        print(Style.bold(text))
        print(Style.dim(String(repeating: "─", count: text.count)))
    }
}

extension JSONValue {
    /// `structuredContent` of a tool result.
    var structured: JSONValue { self["structuredContent"] ?? .null }
    /// Whether a tool result is an error.
    var failed: Bool { self["isError"] == .bool(true) }
    /// `error: message` of a failed tool result.
    var failure: String {
        let code = structured["error"]?.stringValue ?? "?"
        let message = structured["message"]?.stringValue ?? ""
        return "\(code): \(message)"
    }
}
