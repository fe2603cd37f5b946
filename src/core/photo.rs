//! The seller's own photo as the main view (`referencePhoto`): what is
//! accepted, how it is scaled before it leaves the browser, and where it
//! goes in the request. The shell decodes and re-encodes it.

use crate::core::angles::Angle;
use crate::core::error::{CarViewsError, Rule};
use crate::core::generate::options::check_url;
use crate::core::raw::Raw;

/// The largest photo accepted, in bytes (20 MB).
pub const MAX_BYTES: f64 = 20.0 * 1024.0 * 1024.0;
/// The shortest short side accepted, in pixels: smaller shows too little car.
pub const MIN_SHORT_SIDE: u32 = 256;
/// The long side a photo is scaled down to before it is sent anywhere.
pub const MAX_LONG_SIDE: u32 = 1536;
/// The JPEG quality of the prepared photo.
pub const JPEG_QUALITY: f64 = 0.9;

/// Where errors about the photo point.
pub const FIELD: &str = "options.referencePhoto";
/// Where errors about the photo's image point.
pub const IMAGE_FIELD: &str = "options.referencePhoto.image";

/// What the caller said about the photo, besides the image itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhotoChoice {
    /// The view the photo shows; it becomes the main view.
    pub angle: Angle,
    /// Consent to upload it to Pollinations' media service (default false).
    pub upload: bool,
}

impl PhotoChoice {
    /// Reads `angle` (required, any alias) and `upload` (a boolean).
    pub fn parse(raw: &Raw) -> Result<PhotoChoice, CarViewsError> {
        let angle = match raw.get("angle") {
            Raw::Text(t) => Angle::parse(t).ok_or_else(|| {
                CarViewsError::invalid(
                    format!("{FIELD}.angle"),
                    Rule::UnknownAngle,
                    format!("\"{t}\" is not an angle carviews knows"),
                )
            })?,
            Raw::Missing | Raw::Null => {
                return Err(CarViewsError::invalid(
                    format!("{FIELD}.angle"),
                    Rule::Missing,
                    "is required: which view the photo shows (front_left, side, …)",
                ))
            }
            _ => {
                return Err(CarViewsError::invalid(
                    format!("{FIELD}.angle"),
                    Rule::NotString,
                    "must be an angle name",
                ))
            }
        };
        let upload = match raw.get("upload") {
            Raw::Missing | Raw::Null => false,
            Raw::Bool(b) => *b,
            _ => {
                return Err(CarViewsError::invalid(
                    format!("{FIELD}.upload"),
                    Rule::OutOfRange,
                    "must be true or false",
                ))
            }
        };
        Ok(PhotoChoice { angle, upload })
    }
}

/// Checks a photo given by URL: `https:`, or `http:` on a loopback host.
pub fn check_photo_url(url: &str) -> Result<(), CarViewsError> {
    check_url(url, IMAGE_FIELD, true)
}

/// Checks the photo's type (as its `Blob` says; an empty type is left to the decoder).
pub fn check_type(mime: &str) -> Result<(), CarViewsError> {
    if mime.is_empty() || mime.to_ascii_lowercase().starts_with("image/") {
        Ok(())
    } else {
        Err(CarViewsError::invalid(
            IMAGE_FIELD,
            Rule::OutOfRange,
            format!("is not an image ({mime})"),
        ))
    }
}

/// Checks the photo's size in bytes.
pub fn check_bytes(size: f64) -> Result<(), CarViewsError> {
    if size <= MAX_BYTES {
        Ok(())
    } else {
        Err(CarViewsError::invalid(
            IMAGE_FIELD,
            Rule::TooLong,
            format!(
                "is {:.1} MB; at most 20 MB is accepted",
                size / 1024.0 / 1024.0
            ),
        ))
    }
}

/// Checks the decoded photo's dimensions.
pub fn check_dimensions(width: u32, height: u32) -> Result<(), CarViewsError> {
    if width.min(height) >= MIN_SHORT_SIDE {
        Ok(())
    } else {
        Err(CarViewsError::invalid(
            IMAGE_FIELD,
            Rule::OutOfRange,
            format!("is {width}×{height} px; its short side must be at least {MIN_SHORT_SIDE} px"),
        ))
    }
}

/// The size the photo is re-encoded at: its long side at most
/// [`MAX_LONG_SIDE`], its proportions kept; never enlarged.
pub fn scaled(width: u32, height: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= MAX_LONG_SIDE {
        return (width, height);
    }
    let k = f64::from(MAX_LONG_SIDE) / f64::from(long);
    let fit = |x: u32| ((f64::from(x) * k).round() as u32).clamp(1, MAX_LONG_SIDE);
    (fit(width), fit(height))
}

/// The requested angles with the photo's first (added when it was not
/// requested, moved to the front when it was).
pub fn lead_with(angles: &mut Vec<Angle>, angle: Angle) {
    angles.retain(|a| *a != angle);
    angles.insert(0, angle);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_are_read_and_checked() {
        let ok = PhotoChoice::parse(&Raw::object([
            ("angle", Raw::text("3/4")),
            ("upload", Raw::Bool(true)),
        ]))
        .unwrap();
        assert_eq!(
            ok,
            PhotoChoice {
                angle: Angle::FrontLeft,
                upload: true
            }
        );
        assert!(
            !PhotoChoice::parse(&Raw::object([("angle", Raw::text("side"))]))
                .unwrap()
                .upload
        );
        let field = |raw: Raw| {
            PhotoChoice::parse(&raw)
                .unwrap_err()
                .field()
                .map(str::to_owned)
        };
        assert_eq!(
            field(Raw::object([("angle", Raw::text("underneath"))])).as_deref(),
            Some("options.referencePhoto.angle")
        );
        assert_eq!(
            field(Raw::object(Vec::<(&str, Raw)>::new())).as_deref(),
            Some("options.referencePhoto.angle")
        );
        assert_eq!(
            field(Raw::object([
                ("angle", Raw::text("side")),
                ("upload", Raw::text("yes"))
            ]))
            .as_deref(),
            Some("options.referencePhoto.upload")
        );
    }

    #[test]
    fn limits() {
        assert!(check_photo_url("https://cdn.example/car.jpg?w=2000").is_ok());
        assert!(check_photo_url("http://127.0.0.1:9/car.jpg").is_ok());
        assert_eq!(
            check_photo_url("http://cdn.example/car.jpg")
                .unwrap_err()
                .field(),
            Some(IMAGE_FIELD)
        );
        assert!(check_type("image/jpeg").is_ok() && check_type("").is_ok());
        assert!(check_type("application/pdf").is_err());
        assert!(check_bytes(20.0 * 1024.0 * 1024.0).is_ok());
        assert!(check_bytes(20.0 * 1024.0 * 1024.0 + 1.0).is_err());
        assert!(check_dimensions(256, 300).is_ok());
        assert!(check_dimensions(4000, 255).is_err());
    }

    #[test]
    fn photos_are_scaled_to_1536_on_the_long_side() {
        assert_eq!(scaled(4032, 3024), (1536, 1152));
        assert_eq!(scaled(3024, 4032), (1152, 1536));
        assert_eq!(scaled(1200, 800), (1200, 800));
        assert_eq!(scaled(6000, 400), (1536, 102));
    }

    #[test]
    fn the_photo_view_leads() {
        let mut a = vec![Angle::Front, Angle::Side, Angle::Rear];
        lead_with(&mut a, Angle::Side);
        assert_eq!(a, [Angle::Side, Angle::Front, Angle::Rear]);
        lead_with(&mut a, Angle::FrontLeft);
        assert_eq!(
            a,
            [Angle::FrontLeft, Angle::Side, Angle::Front, Angle::Rear]
        );
    }
}
