// Writes sigil-inspector.html: page.html with page.css, the wrapper (sigil.mjs), page.js
// and sigil.wasm (base64) inlined, so that the page opens from disk with nothing to fetch.
// The output depends only on these files: the same inputs give the same bytes.
//
//   node Web/inspector/generate.mjs WASM OUTPUT
import { readFileSync, writeFileSync } from "node:fs";

const [wasmPath, outputPath] = process.argv.slice(2);
if (!wasmPath || !outputPath) {
    console.error("usage: node Web/inspector/generate.mjs WASM OUTPUT");
    process.exit(2);
}
const here = new URL(".", import.meta.url);
const read = (name) => readFileSync(new URL(name, here), "utf8");

const wasm = readFileSync(wasmPath).toString("base64").replace(/.{1,120}/g, "$&\n");
const script = read("../sigil.mjs") + "\n" + read("page.js");
if (script.includes("</script")) throw new Error("a script contains </script");

const parts = { "/*@SIGIL_STYLE@*/": read("page.css"), "/*@SIGIL_SCRIPT@*/": script, "/*@SIGIL_WASM@*/": "\n" + wasm };
let page = read("page.html");
for (const [marker, text] of Object.entries(parts)) {
    const pieces = page.split(marker);
    if (pieces.length !== 2) throw new Error(`page.html must hold ${marker} once`);
    page = pieces.join(text);
}
writeFileSync(outputPath, page);
console.log(`web: ${outputPath}, ${Buffer.byteLength(page)} bytes`);
