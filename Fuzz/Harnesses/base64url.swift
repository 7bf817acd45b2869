// Base64URL decoding (RFC 4648 §5, unpadded as in RFC 7515 §2).
//
// Oracles:
// - decoding never traps;
// - canonical form: anything that decodes re-encodes to exactly the input;
// - round trip: decode(encode(x)) == x for the raw input bytes;
// - the String, byte-collection and append-into entry points agree, and a failed
//   append leaves the output untouched.
import SigilBase64

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))

    // Round trip of arbitrary bytes.
    let encoded = Base64URL.encode(input)
    guard let back = try? Base64URL.decode(encoded), back == input else {
        fatalError("base64url: decode(encode(x)) != x")
    }

    // The input as encoded text.
    let decoded: [UInt8]?
    do {
        decoded = try Base64URL.decode(input)
    } catch {
        decoded = nil
    }
    if let decoded {
        guard Array(Base64URL.encode(decoded).utf8) == input else {
            fatalError("base64url: accepted a non-canonical encoding")
        }
    }

    // The String entry point agrees whenever the input is valid UTF-8.
    if let text = String(validating: input, as: UTF8.self) {
        let viaString = try? Base64URL.decode(text)
        guard viaString == decoded else { fatalError("base64url: String and byte decoders disagree") }
    }

    // Appending into a non-empty buffer.
    let prefix: [UInt8] = [0xAA, 0x55]
    var output = prefix
    let appended: Bool = input.withUnsafeBytes { buffer in
        do {
            try Base64URL.decode(buffer, into: &output)
            return true
        } catch {
            return false
        }
    }
    if appended {
        guard let decoded, output == prefix + decoded else { fatalError("base64url: append decoder disagrees") }
    } else {
        guard decoded == nil, output == prefix else { fatalError("base64url: failed append changed the output") }
    }

    var encodedInto = prefix
    input.withUnsafeBytes { Base64URL.encode($0, into: &encodedInto) }
    guard encodedInto == prefix + Array(encoded.utf8) else { fatalError("base64url: append encoder disagrees") }
    return 0
}
