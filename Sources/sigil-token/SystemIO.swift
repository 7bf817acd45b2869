import SigilJSON
import SigilJWT
import SigilSystem

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few operating-system services the utility needs, without Foundation.
enum SystemIO {
    /// The largest file or standard input read: 1 MiB (keys, tokens and passwords are small).
    static let maximumInputBytes = 1 << 20

    /// Writes text to standard output.
    static func print(_ text: String) {
        writeAll(STDOUT_FILENO, text + "\n")
    }

    /// Writes text to standard error.
    static func printError(_ text: String) {
        writeAll(STDERR_FILENO, text + "\n")
    }

    /// Writes a JSON object, compact and with its members in the given order, as one line of
    /// standard output: the result format of `verify` and `decode`.
    ///
    /// - Parameter members: The object's names and values.
    static func printJSON(_ members: [(String, JSONValue)]) {
        print(JSONValue.object(JSONObject(members)).serialized())
    }

    /// Writes `text`; a failure to write is ignored (there is nowhere left to report it).
    private static func writeAll(_ descriptor: Int32, _ text: String) {
        _ = FileDescriptor.writeAll(Array(text.utf8), to: descriptor)
    }

    /// The bytes of a file, or `nil` with a reason.
    static func readFile(_ path: String) -> Result<[UInt8], UsageError> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(UsageError("cannot open \(path)")) }
        defer { close(descriptor) }
        guard let bytes = readAll(descriptor) else { return .failure(UsageError("cannot read \(path)")) }
        return .success(bytes)
    }

    /// All of standard input, or `nil` if it cannot be read or is too large.
    static func readStandardInput() -> [UInt8]? {
        readAll(STDIN_FILENO)
    }

    private static func readAll(_ descriptor: Int32) -> [UInt8]? {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
            if result.count > maximumInputBytes { return nil }
        }
    }

    /// Seconds since the Unix epoch: the verifier's own wall clock, `JWTClock.system`, which
    /// fails closed (the far future) when the clock cannot be read.
    static func now() -> Int64 {
        JWTClock.system.now()
    }
}
