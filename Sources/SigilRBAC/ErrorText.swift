/// Formatting shared by the error descriptions of this package (RBAC here, MCP above it):
/// values quoted and cut to a bounded length, so that a hostile or huge input never
/// produces a huge message.
package enum ErrorText {
    /// The longest value, in UTF-8 bytes, that an error keeps.
    package static let maximumValueLength = 64

    /// `text` cut at a character boundary to at most ``maximumValueLength`` bytes, with `…`
    /// appended when it was cut.
    package static func clipped(_ text: String) -> String {
        if text.utf8.count <= maximumValueLength { return text }
        var result = ""
        var length = 0
        for character in text {
            let size = character.utf8.count
            if length + size > maximumValueLength { break }
            result.append(character)
            length += size
        }
        return result + "…"
    }

    /// `text` in double quotes, with `"`, `\` and control characters escaped.
    package static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
