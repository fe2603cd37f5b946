//! The consistency decisions: which mode an image was made in, whether its
//! paint passed the check, the seed of a regeneration, and which of two
//! attempts to keep.

use crate::core::colour::{
    delta_e00, lab, Dominant, Lab, Rgb8, MAX_DELTA_E_MAIN, MAX_DELTA_E_REQUESTED,
};
use crate::core::generate::response::ConsistencyReport;
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
    mode: &str,
    dominant: Option<&Dominant>,
    requested: Option<Rgb8>,
    main: Option<Lab>,
) -> ConsistencyReport {
    let Some(d) = dominant else {
        return ConsistencyReport {
            mode: mode.to_owned(),
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
        mode: mode.to_owned(),
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
            "anchor",
            Some(&dom([0x25, 0x55, 0xa5])),
            Some(blue),
            Some(lab(blue)),
        );
        assert!(ok.ok && ok.verified);
        assert_eq!(ok.dominant_hex.as_deref(), Some("#2555a5"));
        assert!(ok.delta_e_requested.unwrap() < 5.0);
        let red = judge("anchor", Some(&dom([0xb3, 0x12, 0x1b])), Some(blue), None);
        assert!(!red.ok);
        assert!(red.delta_e_requested.unwrap() > MAX_DELTA_E_REQUESTED);
        let drifted_from_main = judge(
            "per-angle",
            Some(&dom([0x7f, 0xb2, 0xe0])),
            None,
            Some(lab(blue)),
        );
        assert!(!drifted_from_main.ok, "{drifted_from_main:?}");
        let unverified = judge("shared-seed", None, Some(blue), None);
        assert!(unverified.ok && !unverified.verified);
        assert!(distance(&red) > distance(&ok));
    }

    #[test]
    fn comparing_with_the_main_view_afterwards() {
        let blue = [0x1f, 0x4e, 0x9c];
        let mut near = judge(
            "per-angle",
            Some(&dom([0x25, 0x55, 0xa5])),
            Some(blue),
            None,
        );
        assert!(!compare_with_main(&mut near, blue));
        assert!(near.ok && near.delta_e_main.unwrap() < 5.0);
        let mut far = judge("per-angle", Some(&dom([0x7f, 0xb2, 0xe0])), None, None);
        assert!(compare_with_main(&mut far, blue));
        assert!(!far.ok && far.delta_e_main.unwrap() > MAX_DELTA_E_MAIN);
        let mut done = judge(
            "anchor",
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
        let mut unchecked = judge("per-angle", None, None, None);
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
