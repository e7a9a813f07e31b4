/**
 * FNV-1a, 64-bit, over the UTF-16 code units of a string (low byte first, then high byte).
 *
 * Why our own: core may not import node:crypto, ids must be the same in the host and the renderer,
 * and FNV-1a is a one-loop public-domain algorithm (http://www.isthe.com/chongo/tech/comp/fnv/)
 * fast enough to hash a million-word corpus in tens of milliseconds. Not a cryptographic hash:
 * it only has to make accidental collisions between ids of one corpus vanishingly unlikely.
 */

/** The FNV-1a 64-bit hash of `s` as 16 lowercase hex digits. */
export function fnv1a64(s: string): string {
  // Offset basis 0xcbf29ce484222325, kept as two unsigned 32-bit halves.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    for (const byte of [unit & 0xff, unit >>> 8]) {
      lo = (lo ^ byte) >>> 0;
      // Multiply by the prime 0x100000001b3 = 2^40 + 0x1b3 modulo 2^64.
      const loProduct = lo * 0x1b3; // < 2^41: exact in a double
      const carry = Math.floor(loProduct / 0x100000000);
      hi = (Math.imul(hi, 0x1b3) + (lo << 8) + carry) >>> 0;
      lo = loProduct >>> 0;
    }
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
