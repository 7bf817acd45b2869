import SigilBase64

/// One PEM block (RFC 7468 §2): `-----BEGIN label-----`, a base64 body that may be broken
/// into lines (LF or CRLF), and `-----END label-----` with the same label.
///
/// Only whitespace may surround the block. Encapsulated headers (`Proc-Type:`, used by
/// encrypted legacy keys) are not base64 and are rejected.
package struct PEMDocument {
    /// The label, for example `PUBLIC KEY`, as ASCII bytes.
    package var label: [UInt8]
    /// The decoded body.
    package var derBytes: [UInt8]

    private static let begin = Array("-----BEGIN ".utf8)
    private static let end = Array("-----END ".utf8)
    private static let dashes = Array("-----".utf8)

    /// Parses a PEM text holding exactly one block.
    package init(_ text: String) throws(DERError) {
        let bytes = Array(text.utf8)
        var index = PEMDocument.skipWhitespace(bytes, from: 0)
        guard PEMDocument.hasPrefix(bytes, PEMDocument.begin, at: index) else {
            throw DERError(.invalidPEM, "no PEM BEGIN line")
        }
        index += PEMDocument.begin.count
        let labelStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "-") {
            guard bytes[index] >= 0x20, bytes[index] < 0x7f else { throw DERError(.invalidPEM, "invalid PEM label") }
            index += 1
        }
        let label = Array(bytes[labelStart..<index])
        guard !label.isEmpty, PEMDocument.hasPrefix(bytes, PEMDocument.dashes, at: index) else {
            throw DERError(.invalidPEM, "malformed PEM BEGIN line")
        }
        index += PEMDocument.dashes.count
        if index < bytes.count, bytes[index] == UInt8(ascii: "\r") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\n") else {
            throw DERError(.invalidPEM, "no line break after the PEM BEGIN line")
        }
        index += 1
        let bodyStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "-") { index += 1 }
        let bodyEnd = index
        guard PEMDocument.hasPrefix(bytes, PEMDocument.end, at: index) else {
            throw DERError(.invalidPEM, "no PEM END line")
        }
        index += PEMDocument.end.count
        guard PEMDocument.hasPrefix(bytes, label, at: index) else {
            throw DERError(.invalidPEM, "PEM END label differs from the BEGIN label")
        }
        index += label.count
        guard PEMDocument.hasPrefix(bytes, PEMDocument.dashes, at: index) else {
            throw DERError(.invalidPEM, "malformed PEM END line")
        }
        index += PEMDocument.dashes.count
        guard PEMDocument.skipWhitespace(bytes, from: index) == bytes.count else {
            throw DERError(.invalidPEM, "data after the PEM END line")
        }
        do {
            derBytes = try Base64.decode(bytes[bodyStart..<bodyEnd], allowLineBreaks: true)
        } catch {
            throw DERError(.invalidPEM, "PEM body is not valid base64")
        }
        self.label = label
    }

    /// Parses `text` and requires one of the given labels; returns the body and which label.
    package static func body(of text: String, labels: [String]) throws(DERError) -> (der: [UInt8], labelIndex: Int) {
        let document = try PEMDocument(text)
        for (index, label) in labels.enumerated() where document.label.elementsEqual(label.utf8) {
            return (document.derBytes, index)
        }
        throw DERError(.invalidPEM, "unexpected PEM label")
    }

    /// Encodes DER bytes as PEM with 64-character lines and a final line break.
    package static func encode(_ der: [UInt8], label: String) -> String {
        let body = Array(Base64.encode(der).utf8)
        var text = Array("-----BEGIN ".utf8) + Array(label.utf8) + Array("-----\n".utf8)
        var start = 0
        while start < body.count {
            let stop = min(start + 64, body.count)
            text += body[start..<stop]
            text.append(UInt8(ascii: "\n"))
            start = stop
        }
        text += Array("-----END ".utf8) + Array(label.utf8) + Array("-----\n".utf8)
        return String(decoding: text, as: UTF8.self)
    }

    private static func skipWhitespace(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count,
            bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
                || bytes[index] == UInt8(ascii: "\r") || bytes[index] == UInt8(ascii: "\n")
        {
            index += 1
        }
        return index
    }

    private static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8], at index: Int) -> Bool {
        guard index <= bytes.count, bytes.count - index >= prefix.count else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
        return true
    }
}
