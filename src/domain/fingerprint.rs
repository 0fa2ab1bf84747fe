//! A fingerprint of text that never changes between versions of Mend.
//!
//! Stored names (the key of a recovered copy), export checksums, Compare
//! cards' check values and the safety answers' fingerprints all depend on
//! it, so it must give the same value for the same text forever.

/// 64-bit FNV-1a: tiny, and fixed forever, unlike `std`'s hasher, so the same
/// text maps to the same key in every version of Mend (and every export's
/// checksum and every card's check value stays valid).
pub fn fingerprint(text: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    text.bytes().fold(OFFSET, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}
