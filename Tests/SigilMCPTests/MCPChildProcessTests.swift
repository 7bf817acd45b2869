import SigilMCP
import SigilMCPTesting
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("MCPChildProcess against plain programs")
struct MCPChildProcessTests {
    @Test("lines go through /bin/cat and back; closing the input ends it with status 0")
    func echo() throws {
        let child = try MCPChildProcess(executable: "/bin/cat", arguments: [])
        try child.send("one")
        try child.sendRaw(Array("two\nthr".utf8))
        #expect(try child.receiveLine() == "one")
        #expect(try child.receiveLine() == "two")
        child.closeInput()
        #expect(try child.receiveLine() == "thr")
        #expect(try child.receiveLine() == nil)
        #expect(child.waitForExit() == 0)
        #expect(child.waitForExit() == 0)
    }

    @Test("a program that cannot be started throws")
    func missingProgram() {
        let error = #expect(throws: MCPTransportError.self) {
            _ = try MCPChildProcess(executable: "/nonexistent/sigil-server", arguments: [])
        }
        #expect(error?.code == .cannotStart)
        #expect(error?.systemError == ENOENT)
    }

    @Test("exit status, signals and captured standard error")
    func statusAndSignals() throws {
        let failing = try MCPChildProcess(
            executable: "/bin/sh", arguments: ["-c", "echo oops >&2; exit 3"], standardError: .capture)
        #expect(failing.waitForExit() == 3)
        #expect(failing.capturedStandardError() == "oops\n")
        let sleeper = try MCPChildProcess(executable: "/bin/sleep", arguments: ["30"], standardError: .discard)
        sleeper.send(signal: SIGKILL)
        #expect(sleeper.waitForExit() == 128 + SIGKILL)
    }

    @Test("a silent program makes a read fail after the timeout instead of hanging")
    func timeout() throws {
        let child = try MCPChildProcess(executable: "/bin/cat", arguments: [])
        child.responseTimeoutMilliseconds = 50
        #expect(throws: MCPTransportError(.timedOut, "")) { _ = try child.receiveLine() }
        child.closeInput()
        #expect(child.waitForExit() == 0)
    }

    @Test("the environment given is the child's whole environment")
    func environment() throws {
        let child = try MCPChildProcess(
            executable: "/bin/sh", arguments: ["-c", "echo \"$SIGIL_X:$HOME\""], environment: ["SIGIL_X=42"])
        #expect(try child.receiveLine() == "42:")
        #expect(child.waitForExit() == 0)
    }

    @Test("a request to a program that is not a server fails cleanly when its output closes")
    func closedOutput() throws {
        let child = try MCPChildProcess(executable: "/bin/true", arguments: [])
        // Depending on timing the write meets a closed pipe, or the read meets end of output.
        let error = #expect(throws: MCPTransportError.self) { _ = try child.request("ping") }
        #expect(error?.code == .closed || error?.code == .systemCallFailed)
        child.closeInput()
        #expect(throws: MCPTransportError(.closed, "")) { try child.send("late") }
        #expect(child.waitForExit() == 0)
    }
}
