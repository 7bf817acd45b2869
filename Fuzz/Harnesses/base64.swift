// Standard base64 decoding (RFC 4648 §4): padded, unpadded, and with PEM line breaks.
//
// Oracles:
// - decoding never traps;
// - canonical form: whatever decodes re-encodes to exactly the input (with line breaks
//   removed when they are allowed);
// - round trip: decode(encode(x)) == x, padded and unpadded.
import SigilBase64

private func decodeOrNil(_ input: [UInt8], padding: Base64.Padding, lineBreaks: Bool) -> [UInt8]? {
    do {
        return try Base64.decode(input, padding: padding, allowLineBreaks: lineBreaks)
    } catch {
        return nil
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))

    for padding in [true, false] {
        let encoded = Base64.encode(input, padding: padding)
        let rule: Base64.Padding = padding ? .required : .forbidden
        guard let back = try? Base64.decode(encoded, padding: rule), back == input else {
            fatalError("base64: decode(encode(x)) != x")
        }
    }

    let withoutBreaks = input.filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
    for (padding, rule) in [(true, Base64.Padding.required), (false, Base64.Padding.forbidden)] {
        let strict = decodeOrNil(input, padding: rule, lineBreaks: false)
        if let strict {
            guard Array(Base64.encode(strict, padding: padding).utf8) == input else {
                fatalError("base64: accepted a non-canonical encoding")
            }
        }
        let lenient = decodeOrNil(input, padding: rule, lineBreaks: true)
        if let lenient {
            guard Array(Base64.encode(lenient, padding: padding).utf8) == withoutBreaks else {
                fatalError("base64: accepted a non-canonical encoding with line breaks")
            }
        }
        // Allowing line breaks never rejects what the strict decoder accepts.
        if strict != nil {
            guard lenient == strict else { fatalError("base64: line-break mode disagrees on strict input") }
        }
        if let text = String(validating: input, as: UTF8.self) {
            let viaString = try? Base64.decode(text, padding: rule, allowLineBreaks: false)
            guard viaString == strict else { fatalError("base64: String and byte decoders disagree") }
        }
    }
    return 0
}
