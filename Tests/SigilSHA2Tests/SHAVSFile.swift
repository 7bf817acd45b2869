import SigilTestSupport

/// One message case of a NIST SHAVS ShortMsg or LongMsg file.
struct SHAVSMessageCase: CustomStringConvertible, Sendable {
    var bitLength: Int
    var message: [UInt8]
    var digest: [UInt8]
    var description: String { "Len = \(bitLength)" }
}

/// One checkpoint of a NIST SHAVS Monte file.
struct SHAVSMonteCheckpoint: Sendable {
    var count: Int
    var digest: [UInt8]
}

/// A reader for the SHAVS `.rsp` format: `name = value` lines, `#` comments, `[L = n]`
/// headers, blank lines between records.
///
/// Accepts CRLF and LF line endings.
enum SHAVSFile {
    /// The `name = value` pairs of the file, in order.
    static func fields(_ fileName: String) throws -> [(name: String, value: String)] {
        let text = try Vectors.text("nist-cavp-shavs/\(fileName)")
        var fields: [(name: String, value: String)] = []
        // "\r\n" is a single Character in Swift, so split on every newline character.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix("[") else { continue }
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else {
                throw SHAVSFormatError(file: fileName, reason: "unexpected line \(line)")
            }
            fields.append(
                (
                    String(parts[0].trimmingSpaces()),
                    String(parts[1].trimmingSpaces())
                )
            )
        }
        return fields
    }

    /// The cases of a ShortMsg or LongMsg file.
    ///
    /// `Len = 0` comes with `Msg = 00`, which means the empty message.
    static func messageCases(_ fileName: String) throws -> [SHAVSMessageCase] {
        var cases: [SHAVSMessageCase] = []
        var bitLength: Int?
        var message: [UInt8]?
        for (name, value) in try fields(fileName) {
            switch name {
            case "Len":
                bitLength = Int(value)
            case "Msg":
                message = [UInt8](hex: value)
            case "MD":
                guard let length = bitLength, var bytes = message, let digest = [UInt8](hex: value) else {
                    throw SHAVSFormatError(file: fileName, reason: "incomplete record before MD = \(value)")
                }
                if length == 0 { bytes = [] }
                cases.append(SHAVSMessageCase(bitLength: length, message: bytes, digest: digest))
                bitLength = nil
                message = nil
            default:
                throw SHAVSFormatError(file: fileName, reason: "unexpected field \(name)")
            }
        }
        return cases
    }

    /// The seed and checkpoints of a Monte file.
    static func monte(_ fileName: String) throws -> (seed: [UInt8], checkpoints: [SHAVSMonteCheckpoint]) {
        var seed: [UInt8]?
        var checkpoints: [SHAVSMonteCheckpoint] = []
        var count: Int?
        for (name, value) in try fields(fileName) {
            switch name {
            case "Seed":
                seed = [UInt8](hex: value)
            case "COUNT":
                count = Int(value)
            case "MD":
                guard let index = count, let digest = [UInt8](hex: value) else {
                    throw SHAVSFormatError(file: fileName, reason: "MD without COUNT")
                }
                checkpoints.append(SHAVSMonteCheckpoint(count: index, digest: digest))
                count = nil
            default:
                throw SHAVSFormatError(file: fileName, reason: "unexpected field \(name)")
            }
        }
        guard let seed else { throw SHAVSFormatError(file: fileName, reason: "no Seed") }
        return (seed, checkpoints)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var result = self
        while result.first == " " || result.first == "\t" { result = result.dropFirst() }
        while result.last == " " || result.last == "\t" { result = result.dropLast() }
        return result
    }
}

/// A `.rsp` file that does not have the expected shape.
struct SHAVSFormatError: Error, CustomStringConvertible {
    var file: String
    var reason: String
    var description: String { "\(file): \(reason)" }
}
