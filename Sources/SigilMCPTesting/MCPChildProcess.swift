import SigilJSON
import SigilMCP

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A stdio MCP server started as a child process, and a minimal client for it: send a line,
/// receive a line, close its input, wait for it, kill it.
///
/// The child is started with `posix_spawn`; its standard input and output are pipes owned
/// by this object, its standard error is inherited, discarded or captured.
///
/// ```swift
/// let server = try MCPChildProcess(executable: "/path/to/my-mcp-server", arguments: [])
/// let response = try server.request("ping")          // {"jsonrpc":"2.0","id":1,"result":{}}
/// server.closeInput()
/// let status = server.waitForExit()                  // 0
/// ```
///
/// Reads wait at most ``responseTimeoutMilliseconds`` so that a broken server fails a
/// caller instead of hanging it.
public final class MCPChildProcess {
    /// What happens to the child's standard error.
    public enum StandardError: Sendable {
        /// The child writes to this process's standard error.
        case inherit
        /// The child's standard error goes to `/dev/null`.
        case discard
        /// Collected; read it with ``capturedStandardError()`` after the child exits.
        case capture
    }

    /// The child's process id.
    public let processID: pid_t
    /// How long a read waits before failing, in milliseconds.
    public var responseTimeoutMilliseconds: Int32 = 60_000
    private var inputDescriptor: Int32
    private var outputDescriptor: Int32
    private var errorDescriptor: Int32
    private var framer: LineFramer
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)
    private var nextID = 1
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments`.
    ///
    /// - Parameters:
    ///   - executable: The program's path.
    ///   - arguments: The arguments after the program name.
    ///   - environment: `NAME=value` entries; this process's environment when `nil`.
    ///   - standardError: What happens to the child's standard error.
    ///   - maximumLineBytes: The longest response line accepted.
    /// - Throws: `MCPTransportError` when the pipes or the process cannot be made.
    /// - Important: This sets `SIGPIPE` to be ignored in the whole process, so that writing to
    ///   a child that has exited fails with `EPIPE` (a `MCPTransportError`) instead of
    ///   ending the test. Use this type in tests and tools, not in a program that relies on
    ///   the default `SIGPIPE` action.
    public init(
        executable: String, arguments: [String], environment: [String]? = nil, standardError: StandardError = .inherit,
        maximumLineBytes: Int = 64 << 20
    ) throws(MCPTransportError) {
        _ = signal(SIGPIPE, SIG_IGN)
        // Pipes are made close-on-exec and the child spawned under one lock, so that a
        // child spawned by another thread never inherits this child's pipe ends (which
        // would keep its input open after closeInput()).
        SpawnLock.shared.lock()
        let spawned = Result { () throws(MCPTransportError) -> (pid_t, Int32, Int32, Int32) in
            try Self.spawn(executable, arguments, environment, standardError)
        }
        SpawnLock.shared.unlock()
        (processID, inputDescriptor, outputDescriptor, errorDescriptor) = try spawned.get()
        framer = LineFramer(maximumLineBytes: maximumLineBytes)
    }

    private static func closeOnExecPipe() throws(MCPTransportError) -> [Int32] {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw failure("pipe") }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        return ends
    }

    private static func spawn(
        _ executable: String, _ arguments: [String], _ environment: [String]?, _ standardError: StandardError
    ) throws(MCPTransportError) -> (pid_t, Int32, Int32, Int32) {
        let input = try closeOnExecPipe()
        let output: [Int32]
        do {
            output = try closeOnExecPipe()
        } catch {
            close(input[0])
            close(input[1])
            throw error
        }
        var error: [Int32] = [-1, -1]
        var ownErrorReadEnd: Int32 = -1
        switch standardError {
        case .inherit: break
        case .discard:
            error[1] = open("/dev/null", O_WRONLY | O_CLOEXEC)
        case .capture:
            if let ends = try? closeOnExecPipe() {
                error = ends
                ownErrorReadEnd = ends[0]
            }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        if error[1] >= 0 { posix_spawn_file_actions_adddup2(&actions, error[1], 2) }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status: Int32
        if let environment {
            let envp = environment.map { strdup($0) } + [nil]
            defer { envp.forEach { free($0) } }
            status = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        } else {
            status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        }
        close(input[0])
        close(output[1])
        if error[1] >= 0 { close(error[1]) }
        guard status == 0 else {
            close(input[1])
            close(output[0])
            if ownErrorReadEnd >= 0 { close(ownErrorReadEnd) }
            throw MCPTransportError(.cannotStart, "cannot start \(executable) (errno \(status))", systemError: status)
        }
        return (pid, input[1], output[0], ownErrorReadEnd)
    }

    deinit {
        if inputDescriptor >= 0 { close(inputDescriptor) }
        if outputDescriptor >= 0 { close(outputDescriptor) }
        if errorDescriptor >= 0 { close(errorDescriptor) }
        if exitStatus == nil {
            kill(processID, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(processID, &status, 0)
        }
    }

    /// Writes one line (a newline is added) to the child's standard input.
    ///
    /// - Parameter line: The message.
    /// - Throws: `MCPTransportError` when the child no longer reads.
    public func send(_ line: String) throws(MCPTransportError) {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        try sendRaw(bytes)
    }

    /// Writes bytes as they are to the child's standard input.
    ///
    /// - Parameter bytes: The bytes.
    /// - Throws: `MCPTransportError` when the child no longer reads.
    public func sendRaw(_ bytes: [UInt8]) throws(MCPTransportError) {
        guard inputDescriptor >= 0 else { throw MCPTransportError(.closed, "input already closed", systemError: EBADF) }
        try MCPStdioTransport.writeAll(bytes, to: inputDescriptor)
    }

    /// Reads the next line from the child's standard output.
    ///
    /// - Returns: The line, or `nil` when the child closed its output.
    /// - Throws: `MCPTransportError` after ``responseTimeoutMilliseconds`` without a line,
    ///   or on a read error.
    public func receiveLine() throws(MCPTransportError) -> String? {
        while true {
            if let line = framer.nextLine() {
                switch line {
                case .line(let bytes): return String(decoding: bytes, as: UTF8.self)
                case .oversized(let count):
                    throw MCPTransportError(.unexpectedMessage, "response line of \(count) bytes is too long")
                }
            }
            guard outputDescriptor >= 0 else { return nil }
            var descriptor = pollfd(fd: outputDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, responseTimeoutMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw Self.failure("poll")
            }
            if ready == 0 {
                throw MCPTransportError(
                    .timedOut, "no response within \(responseTimeoutMilliseconds) ms", systemError: ETIMEDOUT)
            }
            let source = outputDescriptor
            let count = readBuffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count > 0 {
                readBuffer.withUnsafeBytes { framer.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                framer.finish()
                close(outputDescriptor)
                outputDescriptor = -1
            }
        }
    }

    /// Sends a request with the next id and returns the parsed response.
    ///
    /// - Parameters:
    ///   - method: The method, e.g. `tools/call`.
    ///   - params: The parameters, if any.
    /// - Returns: The response object.
    /// - Throws: `MCPTransportError` when the exchange fails or the response is not JSON.
    public func request(_ method: String, params: JSONValue? = nil) throws(MCPTransportError) -> JSONValue {
        var message: JSONObject = ["jsonrpc": "2.0", "id": .number(JSONNumber(nextID)), "method": .string(method)]
        nextID += 1
        if let params { message["params"] = params }
        try send(JSONValue.object(message).serialized())
        guard let line = try receiveLine() else {
            throw MCPTransportError(.closed, "the server closed its output")
        }
        do {
            return try JSONValue.parse(
                line, limits: JSONLimits(maximumDepth: 64, maximumBytes: 64 << 20, maximumStringBytes: 64 << 20))
        } catch {
            throw MCPTransportError(.unexpectedMessage, "response is not JSON: \(error)")
        }
    }

    /// Calls a tool and returns the response's `result` (a `CallToolResult`).
    ///
    /// - Parameters:
    ///   - name: The tool.
    ///   - arguments: Its arguments.
    ///   - meta: The call's `_meta`, if any.
    /// - Returns: The result object.
    /// - Throws: `MCPTransportError` when the exchange fails or the answer is a JSON-RPC error.
    public func callTool(
        _ name: String, arguments: JSONObject = JSONObject(), meta: JSONObject? = nil
    ) throws(MCPTransportError) -> JSONValue {
        var params: JSONObject = ["name": .string(name), "arguments": .object(arguments)]
        if let meta { params["_meta"] = .object(meta) }
        let response = try request("tools/call", params: .object(params))
        guard let result = response["result"] else {
            throw MCPTransportError(.unexpectedMessage, "tools/call \(name) failed: \(response.serialized())")
        }
        return result
    }

    /// Closes the child's standard input (it should then exit).
    public func closeInput() {
        if inputDescriptor >= 0 {
            close(inputDescriptor)
            inputDescriptor = -1
        }
    }

    /// Sends a signal to the child.
    ///
    /// - Parameter signal: The signal, e.g. `SIGKILL`.
    public func send(signal: Int32) {
        if exitStatus == nil { kill(processID, signal) }
    }

    /// Waits for the child to exit.
    ///
    /// - Returns: Its exit status, or 128 + the signal number when a signal ended it.
    @discardableResult
    public func waitForExit() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
        let low = status & 0x7F
        let result = low == 0 ? (status >> 8) & 0xFF : 128 + low
        exitStatus = result
        return result
    }

    /// The child's standard error, when started with ``StandardError/capture``; reads until
    /// the child closes it (call after ``waitForExit()``).
    public func capturedStandardError() -> String {
        guard errorDescriptor >= 0 else { return "" }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(errorDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: chunk[0..<count])
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func failure(_ what: String) -> MCPTransportError {
        let code = errno
        return MCPTransportError(.systemCallFailed, "\(what) failed (errno \(code))", systemError: code)
    }
}

/// Serializes pipe creation and `posix_spawn` in this process (a `pthread_mutex_t`, so the
/// module needs no newer OS than its other code).
private final class SpawnLock: @unchecked Sendable {
    static let shared = SpawnLock()
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    private init() {
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
}
