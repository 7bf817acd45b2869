// Shared helpers for the test targets: locating the committed known-answer files in
// `Vectors/`, and hex conversion. Test code only; no library module depends on this.

import Foundation

/// The repository's `Vectors/` folder, found from this file's location so that tests run
/// from any working directory.
public enum Vectors {
    /// The absolute path of `Vectors/<relativePath>`.
    public static func path(_ relativePath: String) -> String {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("Vectors").appendingPathComponent(relativePath).path
    }

    /// The bytes of `Vectors/<relativePath>`; the test fails loudly if the file is missing.
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path(relativePath)))
        return [UInt8](data)
    }

    /// The text of `Vectors/<relativePath>`.
    public static func text(_ relativePath: String) throws -> String {
        String(decoding: try bytes(relativePath), as: UTF8.self)
    }

    /// `Vectors/<relativePath>` parsed with Foundation's JSONSerialization, as an object.
    ///
    /// Tests of the layers below SigilJSON use this so that they do not depend on the
    /// parser they would otherwise be testing alongside.
    public static func jsonObject(_ relativePath: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path(relativePath)))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw VectorFileError(path: relativePath, reason: "top level is not an object")
        }
        return object
    }
}

/// A vector file that could not be read as expected.
public struct VectorFileError: Error, CustomStringConvertible {
    /// The vector file.
    public var path: String
    /// What was wrong with it.
    public var reason: String
    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}

extension Array where Element == UInt8 {
    /// Bytes from a hex string (upper or lower case, even length).
    ///
    /// Returns nil otherwise.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = hexNibble(digits[index]), let low = hexNibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        self = bytes
    }

    /// Lowercase hex.
    public var hexString: String {
        let table = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(table[Int(byte >> 4)])
            out.append(table[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

private func hexNibble(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: nil
    }
}
