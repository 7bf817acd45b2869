// fuzz-support: JWTFixtures
// JWT verification of arbitrary tokens against fixed HS256 and RS256 keys (RFC 7515 A.1,
// A.2), one verifier per key and one with several under key IDs.
//
// Oracles: verification never traps; the String and UTF-8 entry points agree; anything
// accepted passes an independent check (strict segments, alg, signature recomputed, and
// exp/nbf/iat against the clock).
import SigilJWT

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let token = String(decoding: bytes, as: UTF8.self)
    let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
    for verifier in JWTFixtures.verifiers {
        let viaString = Result { () throws(JWTError) -> VerifiedJWT in try verifier.verify(token) }
        let viaBytes = Result { () throws(JWTError) -> VerifiedJWT in try verifier.verify(utf8: bytes) }
        if isUTF8 {
            switch (viaString, viaBytes) {
            case (.success, .success): break
            case (.failure(let a), .failure(let b)) where a.code == b.code: break
            default: fatalError("jwt: String and UTF-8 entry points disagree")
            }
        }
        if case .success = viaString { JWTFixtures.checkAccepted(token) }
        if case .success = viaBytes { JWTFixtures.checkAccepted(String(decoding: bytes, as: UTF8.self)) }
        _ = try? verifier.verifySignature(token)
    }
    return 0
}
