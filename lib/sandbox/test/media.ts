// Small media files made in the tests, so the sandbox's audio handling reads real headers.

/** A PCM WAV (16-bit mono) of `seconds` of a quiet 440 Hz tone, header written by hand. */
export function wav(seconds: number, rate = 8000): Uint8Array {
  const samples = Math.round(seconds * rate);
  const b = Buffer.alloc(44 + samples * 2);
  b.write("RIFF", 0, "latin1");
  b.writeUInt32LE(36 + samples * 2, 4);
  b.write("WAVE", 8, "latin1");
  b.write("fmt ", 12, "latin1");
  b.writeUInt32LE(16, 16); // fmt chunk size
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28); // byte rate
  b.writeUInt16LE(2, 32); // block align
  b.writeUInt16LE(16, 34); // bits per sample
  b.write("data", 36, "latin1");
  b.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    b.writeInt16LE(Math.round(1000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  }
  return new Uint8Array(b);
}
