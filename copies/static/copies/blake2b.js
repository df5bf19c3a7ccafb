// BLAKE2b-512 (RFC 7693), unkeyed, for the copy check page (check.js).
// Browsers offer no BLAKE2b, and minisign signs the BLAKE2b-512 of a file, so the page
// hashes the signed manifest itself. 64-bit words are kept as (low, high) pairs of 32-bit
// numbers so it runs on any browser, without BigInt. Tested against Python's hashlib
// (e2e/test_copy_check.py).
(function (global) {
  "use strict";

  // The first 64 bits of the fractional parts of the square roots of the first 8 primes,
  // as (low, high) pairs.
  const IV = new Uint32Array([
    0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372,
    0x5f1d36f1, 0xa54ff53a, 0xade682d1, 0x510e527f, 0x2b3e6c1f, 0x9b05688c,
    0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
  ]);

  // Message word order per round; rounds 10 and 11 repeat rounds 0 and 1.
  const SIGMA = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
  ];

  const v = new Uint32Array(32);
  const m = new Uint32Array(32);

  // v[a] += v[b] + m[x], all 64-bit (word indices, each word two array slots).
  function add(a, b, x) {
    let low = v[2 * a] + v[2 * b];
    let high = v[2 * a + 1] + v[2 * b + 1] + (low >= 0x100000000 ? 1 : 0);
    if (x >= 0) {
      low = (low >>> 0) + m[2 * x];
      high += m[2 * x + 1] + (low >= 0x100000000 ? 1 : 0);
    }
    v[2 * a] = low;
    v[2 * a + 1] = high;
  }

  // v[d] = (v[d] ^ v[a]) rotated right by n (n is 16, 24, 32 or 63).
  function xorRotate(d, a, n) {
    const low = v[2 * d] ^ v[2 * a];
    const high = v[2 * d + 1] ^ v[2 * a + 1];
    if (n === 32) {
      v[2 * d] = high;
      v[2 * d + 1] = low;
    } else if (n === 63) {
      v[2 * d] = (low << 1) | (high >>> 31);
      v[2 * d + 1] = (high << 1) | (low >>> 31);
    } else {
      v[2 * d] = (low >>> n) | (high << (32 - n));
      v[2 * d + 1] = (high >>> n) | (low << (32 - n));
    }
  }

  function mix(a, b, c, d, x, y) {
    add(a, b, x);
    xorRotate(d, a, 32);
    add(c, d, -1);
    xorRotate(b, c, 24);
    add(a, b, y);
    xorRotate(d, a, 16);
    add(c, d, -1);
    xorRotate(b, c, 63);
  }

  function compress(h, block, offset, count, last) {
    for (let i = 0; i < 32; i++) {
      const at = offset + 4 * i;
      m[i] = block[at] | (block[at + 1] << 8) | (block[at + 2] << 16) | (block[at + 3] << 24);
    }
    v.set(h, 0);
    v.set(IV, 16);
    v[24] ^= count >>> 0; // the byte counter, 128 bits; ours stays below 2**53
    v[25] ^= Math.floor(count / 0x100000000);
    if (last) {
      v[28] = ~v[28];
      v[29] = ~v[29];
    }
    for (let round = 0; round < 12; round++) {
      const s = SIGMA[round % 10];
      mix(0, 4, 8, 12, s[0], s[1]);
      mix(1, 5, 9, 13, s[2], s[3]);
      mix(2, 6, 10, 14, s[4], s[5]);
      mix(3, 7, 11, 15, s[6], s[7]);
      mix(0, 5, 10, 15, s[8], s[9]);
      mix(1, 6, 11, 12, s[10], s[11]);
      mix(2, 7, 8, 13, s[12], s[13]);
      mix(3, 4, 9, 14, s[14], s[15]);
    }
    for (let i = 0; i < 16; i++) {
      h[i] ^= v[i] ^ v[i + 16];
    }
  }

  // The 64-byte BLAKE2b-512 digest of a Uint8Array.
  function blake2b(bytes) {
    const h = new Uint32Array(IV);
    h[0] ^= 0x01010040; // parameter block: digest length 64, no key, fanout 1, depth 1
    let offset = 0;
    while (bytes.length - offset > 128) {
      compress(h, bytes, offset, offset + 128, false);
      offset += 128;
    }
    const tail = new Uint8Array(128);
    tail.set(bytes.subarray(offset));
    compress(h, tail, 0, bytes.length, true);
    const digest = new Uint8Array(64);
    for (let i = 0; i < 16; i++) {
      for (let j = 0; j < 4; j++) digest[4 * i + j] = h[i] >>> (8 * j);
    }
    return digest;
  }

  global.samizdatBlake2b = blake2b;
})(typeof window === "undefined" ? globalThis : window);
