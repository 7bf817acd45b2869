/// Memory that was allocated and never written.
///
/// valgrind's memcheck marks fresh heap memory undefined, and every value computed from it
/// stays undefined. A branch or a memory address that depends on an undefined value is an
/// error ("Conditional jump or move depends on uninitialised value(s)", "Use of
/// uninitialised value"), so secrets drawn from here make memcheck report every place where
/// the compiled code branches on them or uses them as an address. Outside valgrind the words
/// hold whatever the allocator left there; the checks must work for any value.
///
/// The memory is deliberately never released, so its words stay undefined for the whole run.
func undefinedWords(_ count: Int) -> UnsafeMutablePointer<UInt64> {
    UnsafeMutablePointer<UInt64>.allocate(capacity: count)
}

/// One undefined 64-bit word.
func undefinedWord() -> UInt64 {
    undefinedWords(1).pointee
}

/// Results the checks keep, so that the optimiser cannot drop the computation that made
/// them.
///
/// Nothing reads them: reading (or printing) a value derived from an undefined secret would
/// itself be reported.
nonisolated(unsafe) var keptResults: [[UInt64]] = []
nonisolated(unsafe) var keptSignatures: [[UInt8]] = []
