/// A named set of rows built together (they share inputs and keys).
struct RowGroup: Sendable {
    var name: String
    var makeRows: @Sendable () async throws -> [Row]
}

/// Every row of the table, in order. A new group is one line here; a new row is one `Row(...)`
/// in its group's file under `Rows/`.
enum Catalog {
    static let groups: [RowGroup] = [
        RowGroup(name: "SHA-2", makeRows: HashRows.make),
        RowGroup(name: "HMAC", makeRows: HMACRows.make),
        RowGroup(name: "RSA", makeRows: RSARows.make),
        RowGroup(name: "JWT", makeRows: JWTRows.make),
        RowGroup(name: "RBAC", makeRows: RBACRows.make),
        // Later rows, added when their modules land on main:
        // - issue 4 (SigilJWT): RS256 verify + exp, tokens/s vs jwt-kit, in JWTRows, once
        //   SigilJWT takes RSA keys
        // - issue 7 (RSA signing): RS256 sign, tokens/s vs jwt-kit, in JWTRows, likewise
    ]
}
