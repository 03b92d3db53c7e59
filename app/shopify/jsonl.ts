/**
 * Lines of a JSONL byte stream (bulk operation results), one string at a time: the file is never
 * held whole, and a multi-byte character or a line split across chunks is joined correctly.
 * Blank lines are skipped.
 */
export async function* jsonlLines(
  chunks: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of chunks) {
    const text =
      rest + (typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    let start = 0;
    // Scan with an index instead of re-slicing the buffer per line (linear in the chunk size).
    for (let newline = text.indexOf("\n"); newline >= 0; newline = text.indexOf("\n", start)) {
      const line = text.slice(start, newline).trim();
      if (line) yield line;
      start = newline + 1;
    }
    rest = text.slice(start);
  }
  const last = (rest + decoder.decode()).trim();
  if (last) yield last;
}
