/**
 * runCheck's byte output (json, csv and text are written as bytes, cli/output/stream.ts) as the
 * lines its `out` callback would give: each write ends with whole lines, its last newline taken
 * off, so that `lines.join('\n')` is the output without its final newline.
 */
export function linesOf(lines: string[]): (bytes: Uint8Array) => void {
  return (bytes) => {
    lines.push(Buffer.from(bytes).toString('utf8').replace(/\n$/, ''));
  };
}
