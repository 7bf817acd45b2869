// Where the bytes of a WebAssembly module go: the size of each section, of the data
// segments, and of every function body, attributed by the function's name (the "name"
// custom section) to the Swift module, C library or runtime it comes from.
//
//   Web/build --names --output DIR            keeps the function names in DIR/sigil.wasm
//   node Web/size-report.mjs DIR/sigil.wasm [--top N] [--demangle]
//
// Swift symbols are attributed by their mangled module name ($s10SigilJSON…): a
// specialisation of a generic standard-library function for a Sigil type counts for the
// module that asked for it when the mangling names it first, else for the standard library.
// With --demangle the top functions are shown demangled (needs `swift demangle` on PATH).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const path = args.find((arg) => !arg.startsWith("--") && !/^\d+$/.test(arg));
if (!path) {
    console.error("usage: node Web/size-report.mjs WASM [--top N] [--demangle]");
    process.exit(2);
}
const topIndex = args.indexOf("--top");
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 40;
const bytes = readFileSync(path);

let offset = 8;
function uleb() {
    let result = 0;
    let shift = 0;
    for (;;) {
        const byte = bytes[offset++];
        result += (byte & 0x7f) * 2 ** shift;
        shift += 7;
        if ((byte & 0x80) === 0) return result;
    }
}
function name() {
    const length = uleb();
    const text = bytes.toString("utf8", offset, offset + length);
    offset += length;
    return text;
}

const sectionNames = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start",
    "element", "code", "data", "datacount"];
const sections = [];
let importedFunctions = 0;
const bodies = []; // [size] by defined function index
const names = new Map(); // function index -> name
const segments = []; // data segment sizes
const segmentNames = new Map(); // data segment index -> name
while (offset < bytes.length) {
    const id = bytes[offset++];
    const size = uleb();
    const start = offset;
    const end = start + size;
    let label = sectionNames[id] ?? `section ${id}`;
    if (id === 0) {
        label = `custom "${name()}"`;
        if (label === 'custom "name"') {
            while (offset < end) {
                const kind = bytes[offset++];
                const subsize = uleb();
                const subend = offset + subsize;
                if (kind === 1 || kind === 9) {
                    const count = uleb();
                    for (let i = 0; i < count; i++) (kind === 1 ? names : segmentNames).set(uleb(), name());
                }
                offset = subend;
            }
        }
    } else if (id === 2) {
        const count = uleb();
        for (let i = 0; i < count; i++) {
            name();
            name();
            const kind = bytes[offset++];
            if (kind === 0) uleb();
            else if (kind === 1) { offset++; const flags = uleb(); uleb(); if (flags & 1) uleb(); }
            else if (kind === 2) { const flags = uleb(); uleb(); if (flags & 1) uleb(); }
            else if (kind === 3) offset += 2;
            if (kind === 0) importedFunctions++;
        }
    } else if (id === 10) {
        const count = uleb();
        for (let i = 0; i < count; i++) {
            const bodySize = uleb();
            bodies.push(bodySize + (offset - start > 0 ? 0 : 0));
            offset += bodySize;
        }
    } else if (id === 11) {
        const count = uleb();
        for (let i = 0; i < count; i++) {
            const flags = uleb();
            if (flags === 2) uleb();
            if (flags !== 1) { // skip the offset expression up to its `end` opcode
                while (bytes[offset] !== 0x0b) offset++;
                offset++;
            }
            const length = uleb();
            segments.push(length);
            offset += length;
        }
    }
    sections.push({ label, size: end - start });
    offset = end;
}

const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KB`;
const row = (size, label) => `${String(size).padStart(8)} ${kb(size)}  ${label}`;
console.log(`${path}: ${bytes.length} bytes\n\nSections:`);
for (const section of sections) console.log(row(section.size, section.label));
console.log(`\nData: ${segments.length} segments, ${segments.reduce((a, b) => a + b, 0)} bytes:`);
const data = segments.map((size, index) => ({ size, label: segmentNames.get(index) ?? `segment ${index}` }));
for (const segment of data.sort((a, b) => b.size - a.size).slice(0, 12)) console.log(row(segment.size, segment.label));

/// The owner of a function: a Sigil module, the Swift standard library (generic code
/// specialised for a Sigil module's types counts as that module's), the Unicode data
/// tables' accessors, compiler-rt, or the C library. Swift symbols start with `$s`, and
/// with `$e` in Embedded Swift; the module name follows as <length><name>.
function owner(symbol) {
    if (symbol === undefined) return "(unnamed)";
    if (/^\$[se]/.test(symbol)) {
        const first = symbol.match(/^\$[se](\d+)([A-Za-z_][A-Za-z0-9_]*)/);
        if (first) return first[2].slice(0, Number(first[1]));
        const sigil = symbol.match(/(\d+)(Sigil[A-Za-z0-9_]+)/);
        if (sigil && sigil[2].length >= Number(sigil[1])) return `Swift stdlib for ${sigil[2].slice(0, Number(sigil[1]))}`;
        return /Unicode|Grapheme|Normaliz|_nfc|_nfd|Character|_StringGuts|String/.test(symbol)
            ? "Swift stdlib: String and Unicode" : "Swift stdlib: other";
    }
    if (/^_swift_stdlib_|^swift_stdlib_/.test(symbol)) return "Swift stdlib: Unicode data tables";
    if (/^swift_|^_swift_/.test(symbol)) return "Swift runtime";
    if (/^__(multi3|lshrti3|ashlti3|udivti3|umodti3|divti3|modti3|ashrti3)/.test(symbol)) return "compiler-rt builtins";
    return "C library";
}

const totals = new Map();
const functions = [];
bodies.forEach((size, index) => {
    const symbol = names.get(index + importedFunctions);
    const who = owner(symbol);
    totals.set(who, (totals.get(who) ?? 0) + size);
    functions.push({ size, symbol: symbol ?? `function ${index + importedFunctions}` });
});
const code = bodies.reduce((a, b) => a + b, 0);
console.log(`\nCode by owner (${bodies.length} functions, ${code} bytes of bodies):`);
for (const [who, size] of [...totals].sort((a, b) => b[1] - a[1])) console.log(row(size, who));

functions.sort((a, b) => b.size - a.size);
let shown = functions.slice(0, top).map((f) => f.symbol);
if (args.includes("--demangle")) {
    shown = execFileSync("swift", ["demangle", "--simplified", "--compact"], { input: shown.join("\n") + "\n" })
        .toString().trimEnd().split("\n");
}
console.log(`\nLargest ${top} functions:`);
functions.slice(0, top).forEach((f, i) => console.log(row(f.size, shown[i].slice(0, 160))));
