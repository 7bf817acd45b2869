// fuzz-support: JWTFixtures
// Structure-aware JWT fuzzing: the first byte picks a mode.
//
// 0: the rest is the payload JSON, under a fixed HS256 header, correctly MACed, so the
//    claims reach validation (exp, nbf, iat, types, depth, duplicates). When it is a JSON
//    object, JWTSigner also signs it as claims, and verification must give them back.
// 1: the rest is `header 0x00 payload` (JSON text for each), correctly MACed, so header
//    rules (alg, crit, kid, typ, jwk/jku) are reached with a valid signature.
// 2: a valid base token (chosen by the next byte) is edited by the rest, taken three bytes
//    at a time (operation, position, value): replace, insert, delete, truncate.
// 3: the rest is `header 0x00 payload` used as raw segment text (not encoded), correctly
//    MACed, to probe the strict base64url decoding of signed segments.
//
// Oracles: never traps; whatever is accepted passes JWTFixtures.checkAccepted; an edited
// base token (mode 2) is accepted only if it is unchanged, so no other spelling of a
// token (padding bits, alphabet, appended bytes) verifies. The Codable verify (with a
// payload type that reads no member) accepts exactly what verify accepts and otherwise
// fails with the same code: its one parse of the payload (a tape, not a tree) and its claim
// checks must agree with verify's.
import SigilJSON
import SigilJWT

/// A payload that reads nothing, so that decoding it cannot fail.
private struct AnyClaims: JWTPayload {
    init(from decoder: any Decoder) throws {}
    func encode(to encoder: any Encoder) throws {}
}

private let urlAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

private func verifyAll(_ token: String, onlyUnchanged original: String? = nil) {
    for verifier in JWTFixtures.verifiers {
        let plain = Result { () throws(JWTError) -> VerifiedJWT in try verifier.verify(token) }
        let typed = Result { try verifier.verify(token, as: AnyClaims.self) }
        switch (plain, typed) {
        case (.success, .success): break
        case (.failure(let a), .failure(let b as JWTError)) where a.code == b.code: break
        default: fatalError("jwt-mutate: verify and the Codable verify disagree")
        }
        guard case .success = plain else { continue }
        if let original, token != original { fatalError("jwt-mutate: an edited token still verifies") }
        JWTFixtures.checkAccepted(token)
    }
}

private func split(_ bytes: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
    guard let zero = bytes.firstIndex(of: 0) else { return (bytes, []) }
    return (bytes[..<zero], bytes[(zero + 1)...])
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard let mode = input.first else { return 0 }
    let rest = input.dropFirst()
    switch mode % 4 {
    case 0:
        let token = JWTFixtures.signHS256(
            header: #"{"alg":"HS256","typ":"JWT"}"#, payload: String(decoding: rest, as: UTF8.self))
        verifyAll(token)
        // Sign → verify round trip through JWTSigner and the JSON writer.
        if case .object(let object)? = try? JSONValue.parse(Array(rest)),
            let signed = try? JWTSigner(key: JWTFixtures.hsKey).sign(JWTClaims(object))
        {
            let verifier = JWTFixtures.verifiers[0]
            switch Result(catching: { () throws(JWTError) -> VerifiedJWT in try verifier.verify(signed) }) {
            case .success(let verified):
                guard verified.claims.object == object else { fatalError("jwt-mutate: signed claims changed") }
            case .failure(let error):
                guard error.code != .invalidSignature, error.code != .algorithmNotAllowed else {
                    fatalError("jwt-mutate: JWTSigner's token fails verification with \(error.code)")
                }
            }
        }
    case 1:
        let (header, payload) = split(rest)
        verifyAll(
            JWTFixtures.signHS256(
                header: String(decoding: header, as: UTF8.self), payload: String(decoding: payload, as: UTF8.self)))
    case 2:
        guard let pick = rest.first else { return 0 }
        let original = JWTFixtures.baseTokens[Int(pick) % JWTFixtures.baseTokens.count]
        var token = Array(original.utf8)
        var program = rest.dropFirst()
        while program.count >= 3, !token.isEmpty {
            let operation = program[program.startIndex]
            let position = Int(program[program.startIndex + 1]) * token.count / 256
            let value = program[program.startIndex + 2]
            program = program.dropFirst(3)
            switch operation % 6 {
            case 0: token[position] = urlAlphabet[Int(value) % 64]
            case 1: token[position] = value
            case 2: token.insert(urlAlphabet[Int(value) % 64], at: position)
            case 3: token.insert(value, at: position)
            case 4: token.remove(at: position)
            default: token.removeLast(min(token.count, Int(value % 8) + 1))
            }
        }
        verifyAll(String(decoding: token, as: UTF8.self), onlyUnchanged: original)
    default:
        let (header, payload) = split(rest)
        verifyAll(JWTFixtures.signHS256(rawHeader: header, rawPayload: payload))
    }
    return 0
}
