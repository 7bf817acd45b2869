// Constant-time operations on buffers of 64-bit words: conditional copy and swap, and table
// lookups that read every entry, for tables stored row by row or interleaved.
//
// Every mask is produced by the functions of `ValueBarrier.swift`, so the optimiser cannot
// learn that it is all zeros or all ones and turn a masked select back into a branch or a
// load of one row.

/// Copies `count` words from `source` to `destination` when `mask` is all ones, and leaves
/// `destination` unchanged when it is zero.
///
/// Every word of both buffers is read, and every word of `destination` is written, either way.
/// - Parameters:
///   - destination: `count` words; may alias `source`.
///   - source: `count` words.
///   - count: The number of words.
///   - mask: All ones or zero, from `maskFromBit`, `maskIfZero` or `maskIfEqual`.
@inlinable
@inline(__always)
package func conditionalCopy(
    _ destination: UnsafeMutablePointer<UInt64>, from source: UnsafePointer<UInt64>, count: Int, mask: UInt64
) {
    for index in 0..<count {
        destination[index] = select(mask, source[index], destination[index])
    }
}

/// Swaps the `count` words of `a` and `b` when `mask` is all ones, and leaves both unchanged
/// when it is zero (the conditional swap of a Montgomery ladder).
///
/// Both buffers are read and written in full either way.
/// - Parameters:
///   - a: `count` words; must not alias `b`.
///   - b: `count` words.
///   - count: The number of words.
///   - mask: All ones or zero, from `maskFromBit`, `maskIfZero` or `maskIfEqual`.
@inlinable
@inline(__always)
package func conditionalSwap(
    _ a: UnsafeMutablePointer<UInt64>, _ b: UnsafeMutablePointer<UInt64>, count: Int, mask: UInt64
) {
    for index in 0..<count {
        let difference = (a[index] ^ b[index]) & mask
        a[index] ^= difference
        b[index] ^= difference
    }
}

/// Copies entry `index` of a table stored row by row (entry `e` is the `width` words at
/// `table + e·width`) into `output`, reading every word of every entry.
///
/// The same loads run for every `index`, and the wanted entry is kept with a mask, so
/// neither a branch nor a memory address depends on `index`. For large tables the
/// interleaved layout (`storeInterleaved`, `loadInterleaved`) also makes every cache line
/// hold a word of every entry.
/// - Parameters:
///   - output: `width` words; must not overlap the table.
///   - table: `entries · width` words.
///   - entries: The number of entries.
///   - width: The words per entry.
///   - index: The entry to copy, `0 ..< entries` (secret). An index out of range gives zeros.
@inlinable
@inline(__always)
package func lookup(
    _ output: UnsafeMutablePointer<UInt64>, table: UnsafePointer<UInt64>, entries: Int, width: Int, index: UInt64
) {
    output.update(repeating: 0, count: width)
    for entry in 0..<entries {
        let mask = maskIfEqual(UInt64(truncatingIfNeeded: entry), index)
        let row = table + entry * width
        for word in 0..<width {
            output[word] |= row[word] & mask
        }
    }
}

/// Stores `row` as entry `entry` of an interleaved table: word `j` of entry `e` is at
/// `table[j·entries + e]`, so that the words of all entries that share an index lie side by
/// side (the "scatter" of OpenSSL's `BN_mod_exp_mont_consttime`).
///
/// The entry number is public.
/// - Parameters:
///   - row: `width` words.
///   - table: `entries · width` words.
///   - entry: The entry to write, `0 ..< entries`.
///   - entries: The number of entries.
///   - width: The words per entry.
@inlinable
@inline(__always)
package func storeInterleaved(
    _ row: UnsafePointer<UInt64>, into table: UnsafeMutablePointer<UInt64>, entry: Int, entries: Int, width: Int
) {
    for word in 0..<width {
        table[word * entries + entry] = row[word]
    }
}

/// Copies entry `index` of an interleaved table (see `storeInterleaved`) into `output`,
/// reading every word of the table in address order (the "gather").
///
/// Word `j` of the output is the masked OR of the `entries` consecutive words
/// `table[j·entries ..< (j+1)·entries]`, so every load, and with 8 or more entries every
/// cache line, is the same whatever `index` is; one mask per entry is computed first.
/// - Parameters:
///   - output: `width` words; must not overlap the table or `masks`.
///   - table: `entries · width` words.
///   - entries: The number of entries.
///   - width: The words per entry.
///   - index: The entry to copy, `0 ..< entries` (secret). An index out of range gives zeros.
///   - masks: Scratch of `entries` words.
@inlinable
@inline(__always)
package func loadInterleaved(
    _ output: UnsafeMutablePointer<UInt64>, from table: UnsafePointer<UInt64>, entries: Int, width: Int,
    index: UInt64, masks: UnsafeMutablePointer<UInt64>
) {
    for entry in 0..<entries {
        masks[entry] = maskIfEqual(UInt64(truncatingIfNeeded: entry), index)
    }
    for word in 0..<width {
        let column = table + word * entries
        var value: UInt64 = 0
        for entry in 0..<entries {
            value |= column[entry] & masks[entry]
        }
        output[word] = value
    }
}
