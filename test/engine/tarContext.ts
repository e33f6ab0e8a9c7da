/**
 * A build context as the Engine API takes it (POST /build, a tar body) holding a single Dockerfile.
 * Written out by hand: one ustar header and the padded text is all a context of one file needs.
 */
const block = 512;

export function dockerfileContext(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(block);
  header.write('Dockerfile', 0);
  writeOctal(header, 100, 8, 0o644);
  writeOctal(header, 108, 8, 0);
  writeOctal(header, 116, 8, 0);
  writeOctal(header, 124, 12, body.length);
  writeOctal(header, 136, 12, 0);
  header.write('0', 156);
  header.write('ustar\u000000', 257, 'binary');
  // The checksum is computed with its own field read as eight spaces.
  header.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of header) {
    sum += byte;
  }
  header.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'binary');
  const padding = Buffer.alloc((block - (body.length % block)) % block);
  // Two empty blocks end the archive.
  return Buffer.concat([header, body, padding, Buffer.alloc(2 * block)]);
}

function writeOctal(header: Buffer, offset: number, width: number, value: number): void {
  header.write(`${value.toString(8).padStart(width - 1, '0')}\u0000`, offset, 'binary');
}
