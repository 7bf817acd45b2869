/// PBKDF2-HMAC-SHA256 hashes of the demo accounts' documented passwords (PHC strings).
///
/// They use 100,000 iterations (a debug build verifies each in well under a second; the
/// passwords are public anyway). Hashes made with `sigil-token hash-password` for a users
/// file use 600,000.
enum DemoHashes {
    static let admin = "$pbkdf2-sha256$i=100000$paP2FAyVHynf61kCNLWAeg$0aAnDZ01KZrNNbpqRA7LkCT87r0q3DBYs11z9Iiga1k"
    static let alice = "$pbkdf2-sha256$i=100000$m8YJKDHrTrDwF464GuKSug$RkIILWpinxRn/gUjfYJFNDxwPY+XcNYufj6f4GV5XII"
    static let bob = "$pbkdf2-sha256$i=100000$ytj2qCVKEW4TkCzMDEvRwQ$4AhxEHevZ2uaTvZzito17EzZ5gB0HLxzmsXNTcXDOjQ"
}
