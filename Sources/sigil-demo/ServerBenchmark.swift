import SigilJSON
import SigilMCP
import SigilMCPTesting

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Authenticated `tools/call` throughput through the real stdio transport: `whoami` with a
/// valid token, pipelined (up to `window` requests in flight, topped up in batches once half
/// are answered), with per-request latency from the write of the request to the read of
/// its response.
///
/// Window 1 is plain request/response.
enum ServerBenchmark {
    static func run(requests: Int) -> Int32 {
        do {
            try measure(requests: requests)
            return 0
        } catch {
            print("sigil-demo --bench: \(error)")
            return 1
        }
    }

    static func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    static func measure(requests: Int) throws(MCPTransportError) {
        let launcher = ServerLauncher.locate()
        let (server, token) = try launcher.startLoggedIn()
        print("server: \(launcher.label)")
        print("workload: tools/call whoami with a valid HS256 token in arguments.auth.token (verify + RBAC + JSON)")
        for window in [1, 64] {
            let count = window == 1 ? min(requests, 5_000) : requests
            let (seconds, latencies) = try pipeline(server: server, token: token, count: count, window: window)
            let sorted = latencies.sorted()
            func percentile(_ p: Double) -> Double {
                let index = min(sorted.count - 1, Int(Double(sorted.count - 1) * p))
                return Double(sorted[index]) / 1000.0
            }
            let rate = Double(count) / seconds
            print(
                "window \(window): \(count) calls in \(format(seconds, 3)) s = \(format(rate, 0)) calls/s; "
                    + "latency p50 \(format(percentile(0.50), 1)) µs, p99 \(format(percentile(0.99), 1)) µs")
        }
        server.closeInput()
        server.waitForExit()
    }

    /// Sends `count` requests keeping at most `window` unanswered; returns the elapsed time
    /// and each request's latency in nanoseconds.
    static func pipeline(
        server: MCPChildProcess, token: String, count: Int, window: Int
    ) throws(MCPTransportError) -> (Double, [UInt64]) {
        let prefix =
            #"{"jsonrpc":"2.0","method":"tools/call","params":{"name":"whoami","arguments":{"auth":{"token":"\#(token)"}}},"id":"#
        var sentAt = [UInt64](repeating: 0, count: count)
        var latencies = [UInt64](repeating: 0, count: count)
        var sent = 0
        var received = 0
        let start = nanoseconds()
        while received < count {
            var batch: [UInt8] = []
            let stamp = nanoseconds()
            // Top the window up once half of it has been answered: requests go out in batches.
            let refill = sent - received <= window / 2
            while refill && sent < count && sent - received < window {
                sentAt[sent] = stamp
                batch.append(contentsOf: (prefix + String(sent) + "}\n").utf8)
                sent += 1
            }
            if !batch.isEmpty { try server.sendRaw(batch) }
            guard let line = try server.receiveLine() else {
                throw MCPTransportError(.closed, "server closed its output")
            }
            let now = nanoseconds()
            // The server writes {"jsonrpc":"2.0","id":N,"result":{…,"isError":false}}; read N
            // without parsing the whole response, to keep the client's cost out of the figure.
            guard let id = responseID(line), id < count, line.hasSuffix(#""isError":false}}"#) else {
                throw MCPTransportError(.unexpectedMessage, "unexpected response: \(line.prefix(200))")
            }
            latencies[id] = now - sentAt[id]
            received += 1
        }
        return (Double(nanoseconds() - start) / 1e9, latencies)
    }

    /// N from a line that starts `{"jsonrpc":"2.0","id":N,`.
    static func responseID(_ line: String) -> Int? {
        let prefix = #"{"jsonrpc":"2.0","id":"#.utf8
        var value = 0
        var digits = 0
        for (offset, byte) in line.utf8.enumerated() {
            if offset < prefix.count { continue }
            guard byte >= 0x30 && byte <= 0x39 else { break }
            value = value * 10 + Int(byte - 0x30)
            digits += 1
            if digits > 9 { return nil }
        }
        return line.utf8.starts(with: prefix) && digits > 0 ? value : nil
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if decimals == 0 { return String(Int(rounded)) }
        let text = String(rounded)
        guard let dot = text.firstIndex(of: ".") else { return text }
        let fraction = text[text.index(after: dot)...]
        return text + String(repeating: "0", count: max(0, decimals - fraction.count))
    }
}
