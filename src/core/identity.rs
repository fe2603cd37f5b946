//! Reproducible identity: the session id of a car and the seed of each view.
//!
//! These formulas are public (the design document, §3) so that a backend in
//! any language can recompute them; golden values in the tests pin them.
//!
//! - canonical = `"{brand}_{model}_{year}_{color}_{body_type}"`, each part the
//!   normalised lowercase English value, plus `"_{variation}"` when given;
//! - `session_id = "CAR-" + first 8 hex digits of md5(canonical)`;
//! - `seed(angle) = u32 from the first 4 bytes (big-endian) of
//!   md5("{session_id}_{angle}") % 1_000_000`.

use md5::{Digest, Md5};

use crate::core::text::hex;

use crate::core::angles::Angle;
use crate::core::request::CarData;

/// Seeds lie in `0..SEED_MODULUS`.
pub const SEED_MODULUS: u32 = 1_000_000;

/// The canonical string a session id hashes.
pub fn canonical(car: &CarData, variation: Option<&str>) -> String {
    let mut s = format!(
        "{}_{}_{}_{}_{}",
        car.brand_key(),
        car.model_key(),
        car.year,
        car.colour_name(),
        car.body_name()
    );
    if let Some(v) = variation {
        s.push('_');
        s.push_str(v);
    }
    s
}

/// `"CAR-"` and the first 8 hex digits of the md5 of a canonical string.
pub fn session_id_of_canonical(canonical: &str) -> String {
    let digest = Md5::digest(canonical.as_bytes());
    format!("CAR-{}", hex(digest.get(..4).unwrap_or_default()))
}

/// The session id of a car (and an optional variation).
pub fn session_id(car: &CarData, variation: Option<&str>) -> String {
    session_id_of_canonical(&canonical(car, variation))
}

/// The seed of one angle in a session.
pub fn seed(session_id: &str, angle: Angle) -> u32 {
    seed_of(&format!("{session_id}_{}", angle.name()))
}

/// The seed formula of §3 for any text: the first 4 bytes (big-endian) of
/// its md5, modulo 1 000 000. Views and their regenerations use it alike.
pub fn seed_of(text: &str) -> u32 {
    let digest: [u8; 16] = Md5::digest(text.as_bytes()).into();
    let [a, b, c, d, ..] = digest;
    u32::from_be_bytes([a, b, c, d]) % SEED_MODULUS
}

#[cfg(test)]
mod tests {
    use super::*;

    // Golden values computed independently (Python's hashlib) for the seed
    // document's example car: Renault Clio 2019, blue, hatchback.
    #[test]
    fn golden_session_id_and_seeds() {
        assert_eq!(
            session_id_of_canonical("renault_clio_2019_blue_hatchback"),
            "CAR-7671f0b6"
        );
        let sid = "CAR-7671f0b6";
        let want = [
            (Angle::Front, 242_103),
            (Angle::FrontLeft, 845_347),
            (Angle::FrontRight, 269_852),
            (Angle::Side, 735_798),
            (Angle::SideRight, 399_638),
            (Angle::Rear, 214_351),
            (Angle::RearLeft, 639_996),
            (Angle::RearRight, 689_071),
            (Angle::Top, 857_958),
            (Angle::Interior, 11_592),
        ];
        for (angle, seed_value) in want {
            assert_eq!(seed(sid, angle), seed_value, "{angle:?}");
        }
    }

    #[test]
    fn seeds_stay_below_the_modulus() {
        for i in 0..200 {
            let sid = session_id_of_canonical(&format!("car{i}"));
            for a in Angle::ALL {
                assert!(seed(&sid, a) < SEED_MODULUS);
            }
        }
    }
}
