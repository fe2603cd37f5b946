//! The consistency decisions: which mode an image was made in, whether its
//! paint passed the check, the seed of a regeneration, and which of two
//! attempts to keep.

use crate::core::colour::{
    delta_e00, dominant_colour, lab, Dominant, Lab, Rgb8, MAX_DELTA_E_MAIN, MAX_DELTA_E_REQUESTED,
};
use crate::core::generate::response::{ConsistencyReport, Mode};
use crate::core::identity::seed_of;
use crate::core::text::digits;

/// How many times a view that fails the check is made again, at most.
pub const MAX_REGENERATIONS: u32 = 1;

/// The seed of regeneration `attempt` (1, 2, …) of a view: like the view's
/// own seed, from md5(`"{session_id}_{angle}_{attempt}"`), so a rerun asks
/// for the very same images.
pub fn regeneration_seed(session_id: &str, angle: &str, attempt: u32) -> u32 {
    seed_of(&format!("{session_id}_{angle}_{}", attempt))
}

/// The share of an image's height, from the bottom, where legacy
/// Pollinations puts its watermark (always, since 2026-08): the colour
/// check leaves it out.
pub const WATERMARK_STRIP: f64 = 0.15;

/// The rows of an image the colour check reads: all of them, or without
/// the watermark strip at the bottom.
pub fn checked_rows(height: usize, watermarked: bool) -> usize {
    if watermarked {
        height - (height as f64 * WATERMARK_STRIP).ceil() as usize
    } else {
        height
    }
}

/// The dominant paint of an RGBA image for the colour check, leaving out
/// the watermark strip of a `watermarked` image.
pub fn dominant_paint(
    rgba: &[u8],
    width: usize,
    height: usize,
    requested: Option<Rgb8>,
    watermarked: bool,
) -> Option<Dominant> {
    let rows = checked_rows(height, watermarked);
    let shown = rgba.get(..rows * width * 4).unwrap_or(rgba);
    dominant_colour(shown, width, rows, requested)
}

/// The prompt of a view conditioned on the main view's image.
pub fn anchored_prompt(prompt: &str) -> String {
    format!(
        "Keep the car of the reference image exactly: the same body shape, paint colour, wheels, lights and badge. \
         Show that same car from a new camera angle. {prompt}"
    )
}

/// Rounds a ΔE to one decimal for the response.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Judges one image's paint against the requested colour and (for a view
/// that is not the main one) the main view's paint.
pub fn judge(
    mode: Mode,
    dominant: Option<&Dominant>,
    requested: Option<Rgb8>,
    main: Option<Lab>,
) -> ConsistencyReport {
    let Some(d) = dominant else {
        return ConsistencyReport {
            mode,
            dominant_hex: None,
            delta_e_requested: None,
            delta_e_main: None,
            ok: true,
            verified: false,
        };
    };
    let to_requested = requested.map(|r| delta_e00(d.lab, lab(r)));
    let to_main = main.map(|m| delta_e00(d.lab, m));
    let ok = to_requested.map_or(true, |x| x <= MAX_DELTA_E_REQUESTED)
        && to_main.map_or(true, |x| x <= MAX_DELTA_E_MAIN);
    ConsistencyReport {
        mode,
        dominant_hex: Some(crate::core::colour::hex(d.rgb)),
        delta_e_requested: to_requested.map(round1),
        delta_e_main: to_main.map(round1),
        ok,
        verified: true,
    }
}

/// Compares a checked view with the main view's paint afterwards (views
/// made in parallel could not know it): fills `delta_e_main`, and fails the
/// view beyond [`MAX_DELTA_E_MAIN`]. Returns whether it failed now.
pub fn compare_with_main(report: &mut ConsistencyReport, main_paint: Rgb8) -> bool {
    if report.delta_e_main.is_some() {
        return false;
    }
    let Some(paint) = report.dominant_hex.as_deref().and_then(parse_hex) else {
        return false;
    };
    let d = delta_e00(lab(paint), lab(main_paint));
    report.delta_e_main = Some(round1(d));
    if d > MAX_DELTA_E_MAIN {
        report.ok = false;
        return true;
    }
    false
}

/// How far an attempt is from what was asked (lower is better).
pub fn distance(r: &ConsistencyReport) -> f64 {
    r.delta_e_requested.unwrap_or(0.0) + r.delta_e_main.unwrap_or(0.0)
}

/// Parses `#rrggbb` back into a colour (for comparing views after the fact).
pub fn parse_hex(hex: &str) -> Option<Rgb8> {
    let h = hex.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let n = digits(h, 16)?;
    Some([(n >> 16) as u8, (n >> 8) as u8, n as u8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watermark_strip_is_left_out_of_the_colour_check() {
        // A small blue car on a light backdrop, and a wide magenta strip
        // at the bottom, as legacy's watermark: decisive when read.
        let (w, h) = (40, 40);
        let mut px = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let c: [u8; 3] = if y >= 34 {
                    [226, 24, 120]
                } else if (12..22).contains(&y) && (14..26).contains(&x) {
                    [31, 78, 156]
                } else {
                    [236, 238, 241]
                };
                px.extend_from_slice(&[c[0], c[1], c[2], 255]);
            }
        }
        assert_eq!(checked_rows(40, true), 34);
        assert_eq!(checked_rows(40, false), 40);
        let hex = |d: Option<Dominant>| crate::core::colour::hex(d.unwrap().rgb);
        assert_eq!(hex(dominant_paint(&px, w, h, None, true)), "#1f4e9c");
        assert_ne!(hex(dominant_paint(&px, w, h, None, false)), "#1f4e9c");
    }
    use crate::core::identity::SEED_MODULUS;

    fn dom(rgb: Rgb8) -> Dominant {
        Dominant {
            rgb,
            lab: lab(rgb),
            share: 0.5,
        }
    }

    #[test]
    fn regeneration_seeds_are_deterministic_and_differ_per_attempt() {
        let a = regeneration_seed("CAR-7671f0b6", "rear", 1);
        assert_eq!(a, regeneration_seed("CAR-7671f0b6", "rear", 1));
        assert_ne!(a, regeneration_seed("CAR-7671f0b6", "rear", 2));
        assert_ne!(a, regeneration_seed("CAR-7671f0b6", "front", 1));
        assert!(a < SEED_MODULUS);
    }

    #[test]
    fn judging() {
        let blue = [0x1f, 0x4e, 0x9c];
        let ok = judge(
            Mode::Anchor,
            Some(&dom([0x25, 0x55, 0xa5])),
            Some(blue),
            Some(lab(blue)),
        );
        assert!(ok.ok && ok.verified);
        assert_eq!(ok.dominant_hex.as_deref(), Some("#2555a5"));
        assert!(ok.delta_e_requested.unwrap() < 5.0);
        let red = judge(
            Mode::Anchor,
            Some(&dom([0xb3, 0x12, 0x1b])),
            Some(blue),
            None,
        );
        assert!(!red.ok);
        assert!(red.delta_e_requested.unwrap() > MAX_DELTA_E_REQUESTED);
        let drifted_from_main = judge(
            Mode::PerAngle,
            Some(&dom([0x7f, 0xb2, 0xe0])),
            None,
            Some(lab(blue)),
        );
        assert!(!drifted_from_main.ok, "{drifted_from_main:?}");
        let unverified = judge(Mode::SharedSeed, None, Some(blue), None);
        assert!(unverified.ok && !unverified.verified);
        assert!(distance(&red) > distance(&ok));
    }

    #[test]
    fn comparing_with_the_main_view_afterwards() {
        let blue = [0x1f, 0x4e, 0x9c];
        let mut near = judge(
            Mode::PerAngle,
            Some(&dom([0x25, 0x55, 0xa5])),
            Some(blue),
            None,
        );
        assert!(!compare_with_main(&mut near, blue));
        assert!(near.ok && near.delta_e_main.unwrap() < 5.0);
        let mut far = judge(Mode::PerAngle, Some(&dom([0x7f, 0xb2, 0xe0])), None, None);
        assert!(compare_with_main(&mut far, blue));
        assert!(!far.ok && far.delta_e_main.unwrap() > MAX_DELTA_E_MAIN);
        let mut done = judge(
            Mode::Anchor,
            Some(&dom([0x7f, 0xb2, 0xe0])),
            None,
            Some(lab(blue)),
        );
        let before = done.clone();
        assert!(
            !compare_with_main(&mut done, blue),
            "already compared during the run"
        );
        assert_eq!(done, before);
        let mut unchecked = judge(Mode::PerAngle, None, None, None);
        assert!(!compare_with_main(&mut unchecked, blue));
    }

    #[test]
    fn hex_round_trip() {
        assert_eq!(parse_hex("#1f4e9c"), Some([0x1f, 0x4e, 0x9c]));
        assert_eq!(parse_hex("1f4e9c"), None);
        assert_eq!(parse_hex("#1f4e9"), None);
        assert_eq!(parse_hex("#zz4e9c"), None);
    }
}
