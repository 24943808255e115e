/*
 * What blkdemo writes and how it sums it up, so that a host can check the
 * disk file without blkdemo:
 *
 *   pattern:  the 64-bit little-endian word at byte offset 8k of the disk
 *             holds k * 0x9e3779b97f4a7c15 (mod 2^64); every word differs,
 *             so misplaced or stale sectors show.
 *   checksum: FNV-1a 64 taken a 64-bit word at a time: h starts at
 *             0xcbf29ce484222325; for each little-endian word w of the
 *             bytes, in order, h = (h xor w) * 0x100000001b3 (mod 2^64).
 *             Printed as 16 hexadecimal digits.
 *
 * In Python, over the first n bytes of the disk file:
 *   h = 0xcbf29ce484222325
 *   for (w,) in struct.iter_unpack("<Q", data[:n]):
 *       h = ((h ^ w) * 0x100000001b3) % 2**64
 *
 * Words rather than bytes: guest instructions are emulated one by one on
 * some hosts (PVM), and a word at a time is eight times fewer.
 */
#ifndef BLKDEMO_PATTERN_H
#define BLKDEMO_PATTERN_H

#include <stddef.h>
#include <stdint.h>

/* Fills `words` words with the pattern as it is at byte offset `offset`
 * (a multiple of 8) of the disk. */
void pattern_fill(uint64_t *buf, size_t words, uint64_t offset);

/* The index of the first word that differs from the pattern, or `words`
 * when all match. */
size_t pattern_mismatch(const uint64_t *buf, size_t words, uint64_t offset);

/* The checksum above of `words` words. */
uint64_t checksum_words(const uint64_t *buf, size_t words);

#endif
