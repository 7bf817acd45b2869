/// Member names that tokens, keys, policies and JSON-RPC messages use all the time,
/// returned as string literals so that the reader creates no string for them.
///
/// Only an optimisation: a name not listed here is created from its bytes as usual, and a
/// listed one yields exactly the same `String` value either way.
enum KnownMemberNames {
    /// The literal for the name in `bytes[start..<start + count]`, if it is a known one.
    /// The bytes must be plain ASCII string content (no escapes), within bounds.
    @inline(__always)
    static func lookup(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> String? {
        guard count > 0 && count <= 16 else { return nil }
        var low: UInt64 = 0
        var high: UInt64 = 0
        if bytes.count - start >= 16, let base = UnsafeRawPointer(bytes.baseAddress) {
            // Two unaligned loads, masked to the name's length.
            low = UInt64(littleEndian: (base + start).loadUnaligned(as: UInt64.self))
            high = UInt64(littleEndian: (base + start + 8).loadUnaligned(as: UInt64.self))
            if count < 8 {
                low &= (1 << UInt64(count * 8)) &- 1
                high = 0
            } else if count < 16 {
                high &= (1 << UInt64((count - 8) * 8)) &- 1
            }
        } else {
            var offset = 0
            while offset < count {
                let byte = UInt64(bytes[start + offset])
                if offset < 8 {
                    low |= byte << UInt64(offset * 8)
                } else {
                    high |= byte << UInt64((offset - 8) * 8)
                }
                offset += 1
            }
        }
        return lookup(count: count, low: low, high: high)
    }

    /// The literal for a name of `count` bytes packed little-endian into two words.
    static func lookup(count: Int, low: UInt64, high: UInt64) -> String? {
        switch count {
        case 1:
            switch low {
            case 0x0064: return "d"
            case 0x0065: return "e"
            case 0x006B: return "k"
            case 0x006E: return "n"
            case 0x0070: return "p"
            case 0x0071: return "q"
            default: return nil
            }
        case 2:
            switch low {
            case 0x7064: return "dp"
            case 0x7164: return "dq"
            case 0x6469: return "id"
            case 0x6971: return "qi"
            default: return nil
            }
        case 3:
            switch low {
            case 0x0067_6C61: return "alg"
            case 0x0064_7561: return "aud"
            case 0x0070_7A61: return "azp"
            case 0x0034_3662: return "b64"
            case 0x0079_7463: return "cty"
            case 0x0063_6E65: return "enc"
            case 0x0070_7865: return "exp"
            case 0x0074_6169: return "iat"
            case 0x0073_7369: return "iss"
            case 0x0075_6B6A: return "jku"
            case 0x0069_746A: return "jti"
            case 0x006B_776A: return "jwk"
            case 0x0064_696B: return "kid"
            case 0x0079_746B: return "kty"
            case 0x0066_626E: return "nbf"
            case 0x0062_7573: return "sub"
            case 0x0070_7974: return "typ"
            case 0x0065_7375: return "use"
            case 0x0063_3578: return "x5c"
            case 0x0074_3578: return "x5t"
            case 0x0075_3578: return "x5u"
            case 0x0070_697A: return "zip"
            default: return nil
            }
        case 4:
            switch low {
            case 0x6564_6F63: return "code"
            case 0x7469_7263: return "crit"
            case 0x6174_6164: return "data"
            case 0x7379_656B: return "keys"
            case 0x656D_616E: return "name"
            case 0x7478_6574: return "text"
            case 0x6570_7974: return "type"
            default: return nil
            }
        case 5:
            switch low {
            case 0x006C_6961_6D65: return "email"
            case 0x0072_6F72_7265: return "error"
            case 0x0065_636E_6F6E: return "nonce"
            case 0x0072_656E_776F: return "owner"
            case 0x0073_656C_6F72: return "roles"
            case 0x0065_706F_6373: return "scope"
            case 0x0073_6C6F_6F74: return "tools"
            default: return nil
            }
        case 6:
            switch low {
            case 0x6E6F_6974_6361: return "action"
            case 0x646F_6874_656D: return "method"
            case 0x736D_6172_6170: return "params"
            case 0x746C_7573_6572: return "result"
            default: return nil
            }
        case 7:
            switch low {
            case 0x0074_6E65_746E_6F63: return "content"
            case 0x0072_6F72_7245_7369: return "isError"
            case 0x0063_7072_6E6F_736A: return "jsonrpc"
            case 0x0073_706F_5F79_656B: return "key_ops"
            case 0x0065_6761_7373_656D: return "message"
            case 0x006E_6F69_7372_6576: return "version"
            default: return nil
            }
        case 8:
            switch low {
            case 0x7374_6972_6568_6E69: return "inherits"
            case 0x6465_7269_7571_6572: return "required"
            case 0x6563_7275_6F73_6572: return "resource"
            case 0x656D_616E_7265_7375: return "username"
            case 0x3635_3253_2374_3578: return "x5t#S256"
            default: return nil
            }
        case 9:
            switch low {
            case 0x746E_656D_7567_7261: return high == 0x0073 ? "arguments" : nil
            default: return nil
            }
        case 10:
            switch low {
            case 0x6E49_746E_6569_6C63: return high == 0x6F66 ? "clientInfo" : nil
            case 0x6974_7265_706F_7270: return high == 0x7365 ? "properties" : nil
            case 0x6E49_7265_7672_6573: return high == 0x6F66 ? "serverInfo" : nil
            default: return nil
            }
        case 11:
            switch low {
            case 0x7470_6972_6373_6564: return high == 0x006E_6F69 ? "description" : nil
            case 0x6863_5374_7570_6E69: return high == 0x0061_6D65 ? "inputSchema" : nil
            case 0x6973_7369_6D72_6570: return high == 0x0073_6E6F ? "permissions" : nil
            default: return nil
            }
        case 12:
            switch low {
            case 0x696C_6962_6170_6163: return high == 0x7365_6974 ? "capabilities" : nil
            default: return nil
            }
        case 15:
            switch low {
            case 0x6C6F_636F_746F_7270: return high == 0x006E_6F69_7372_6556 ? "protocolVersion" : nil
            default: return nil
            }
        default: return nil
        }
    }

    /// Every name in the table, for tests.
    static let all: [String] = [
        "d", "e", "k", "n", "p", "q", "dp", "dq", "id", "qi", "alg", "aud", "azp", "b64", "cty", "enc", "exp",
        "iat", "iss", "jku", "jti", "jwk", "kid", "kty", "nbf", "sub", "typ", "use", "x5c", "x5t", "x5u", "zip",
        "code", "crit", "data", "keys", "name", "text", "type", "email", "error", "nonce", "owner", "roles",
        "scope", "tools", "action", "method", "params", "result", "content", "isError", "jsonrpc", "key_ops",
        "message", "version", "inherits", "required", "resource", "username", "x5t#S256", "arguments",
        "clientInfo", "properties", "serverInfo", "description", "inputSchema", "permissions", "capabilities",
        "protocolVersion",
    ]
}
