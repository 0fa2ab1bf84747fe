//! A card's link as a QR code, drawn as one SVG path (no image, no canvas,
//! nothing the CSP forbids).
//!
//! Codes are kept to at most [`MAX_VERSION`] (117 × 117 modules, about 1,270
//! bytes of link at the lowest error correction):
//! larger ones hold more, but a phone's camera struggles to read them off
//! another phone's screen. A card that does not fit is sent as text instead.

use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

/// The largest QR version Mend draws.
pub const MAX_VERSION: u8 = 25;
/// White space around the code, in modules, as the standard asks.
pub const QUIET_ZONE: i32 = 4;

/// A drawn code: its width in modules (quiet zone included) and the path of
/// its dark modules, one rectangle per horizontal run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    pub width: i32,
    pub path: String,
}

/// Draws `link`, or says it is too long for a code a camera reads well.
pub fn draw(link: &str) -> Option<Qr> {
    let segments = QrSegment::make_segments(link);
    let code = QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Low,
        Version::MIN,
        Version::new(MAX_VERSION),
        None,
        true,
    )
    .ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if code.get_module(x, y) {
                let start = x;
                while x < size && code.get_module(x, y) {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some(Qr {
        width: size + 2 * QUIET_ZONE,
        path,
    })
}
