//! The seller's photo (`referencePhoto`), read from the options and
//! prepared in the browser before it goes anywhere: decoded with
//! `createImageBitmap` (its EXIF orientation applied), scaled to at most
//! 1536 px on its long side and re-encoded as JPEG on an `OffscreenCanvas`,
//! which leaves every EXIF field behind, GPS location included.

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

use crate::core::generate::providers::HttpRequest;
use crate::core::photo::{
    check_bytes, check_dimensions, check_photo_url, check_type, scaled, PhotoChoice, FIELD,
    IMAGE_FIELD, JPEG_QUALITY,
};
use crate::core::run::io::{fetch, Body, FetchError};
use crate::core::run::Photo;
use crate::core::{CarViewsError, Rule};
use crate::web::interop::{read, Shape};
use crate::web::io::WebIo;
use crate::web::pixels::{self, call, get};

/// Where the photo comes from.
#[derive(Debug)]
pub(crate) enum Source {
    /// A `Blob` or `File` the page holds.
    Bytes(Blob),
    /// An `https:` (or loopback `http:`) URL, fetched with CORS.
    Url(String),
}

fn invalid(field: &str, rule: Rule, message: impl Into<String>) -> JsValue {
    CarViewsError::invalid(field, rule, message).into()
}

/// `options.referencePhoto`, when given, read with every access caught.
pub(crate) fn read_option(options: &JsValue) -> Result<Option<(Source, PhotoChoice)>, JsValue> {
    if !options.is_object() {
        return Ok(None);
    }
    let photo = Reflect::get(options, &"referencePhoto".into())
        .map_err(|_| invalid(FIELD, Rule::Unreadable, "could not be read"))?;
    if photo.is_undefined() || photo.is_null() {
        return Ok(None);
    }
    if !photo.is_object() {
        return Err(invalid(
            FIELD,
            Rule::NotObject,
            "must be {image, angle, upload?}",
        ));
    }
    let image = Reflect::get(&photo, &"image".into())
        .map_err(|_| invalid(IMAGE_FIELD, Rule::Unreadable, "could not be read"))?;
    let source = if let Some(blob) = image.dyn_ref::<Blob>() {
        Source::Bytes(blob.clone())
    } else if let Some(url) = image.as_string().filter(|u| u.len() <= 2048) {
        check_photo_url(&url)?;
        Source::Url(url)
    } else if image.is_undefined() || image.is_null() {
        return Err(invalid(
            IMAGE_FIELD,
            Rule::Missing,
            "is required: a Blob, a File or an https URL",
        ));
    } else {
        return Err(invalid(
            IMAGE_FIELD,
            Rule::NotObject,
            "must be a Blob, a File or an https URL",
        ));
    };
    let rest = read(
        &photo,
        Shape::Object(&[("angle", Shape::Value), ("upload", Shape::Value)]),
    );
    Ok(Some((source, PhotoChoice::parse(&rest)?)))
}

/// The photo's bytes: the page's own, or fetched from its URL.
async fn bytes(io: &WebIo, source: Source, timeout_ms: u32) -> Result<Blob, JsValue> {
    let url = match source {
        Source::Bytes(blob) => return Ok(blob),
        Source::Url(url) => url,
    };
    match fetch(io, &HttpRequest::image(url.clone()), None, timeout_ms).await {
        Ok(answer) if (200..300).contains(&answer.status) => match answer.body {
            Body::Image(blob) => Ok(blob),
            Body::Text(_) => Err(invalid(IMAGE_FIELD, Rule::Unreadable, "is not an image")),
        },
        Ok(answer) => Err(invalid(
            IMAGE_FIELD,
            Rule::Unreadable,
            format!("could not be fetched from {url}: HTTP {}", answer.status),
        )),
        Err(FetchError::Aborted) => Err(crate::web::callbacks::abort_error()),
        Err(e) => Err(invalid(
            IMAGE_FIELD,
            Rule::Unreadable,
            format!(
                "could not be fetched from {url}: its server does not let this page read it (CORS), or it is unreachable ({})",
                e.describe()
            ),
        )),
    }
}

/// Reads, checks, decodes, scales and re-encodes the photo.
pub(crate) async fn prepare(
    io: &WebIo,
    source: Source,
    choice: PhotoChoice,
    timeout_ms: u32,
) -> Result<Photo<Blob>, JsValue> {
    let original = bytes(io, source, timeout_ms).await?;
    check_type(&original.type_())?;
    check_bytes(original.size())?;
    let global = js_sys::global();
    if get(&global, "OffscreenCanvas").is_none() || !pixels::supported() {
        return Err(CarViewsError::Unavailable(
            "preparing a reference photo needs createImageBitmap and OffscreenCanvas (a browser)"
                .into(),
        )
        .into());
    }
    let undecodable = || {
        invalid(
            IMAGE_FIELD,
            Rule::OutOfRange,
            "could not be decoded as an image",
        )
    };
    let how = Object::new();
    let _ = Reflect::set(&how, &"imageOrientation".into(), &"from-image".into());
    let bitmap = match call(&global, "createImageBitmap", &[original.into(), how.into()]) {
        Some(p) => JsFuture::from(Promise::from(p))
            .await
            .map_err(|_| undecodable())?,
        None => return Err(undecodable()),
    };
    let side = |key| get(&bitmap, key).and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
    let (width, height) = (side("width"), side("height"));
    check_dimensions(width, height)?;
    let (w, h) = scaled(width, height);
    let failed = |what: &str| -> JsValue {
        crate::web::error::internal(&format!("preparing the photo: {what} failed"))
    };
    let canvas = pixels::canvas(w.into(), h.into()).ok_or_else(|| failed("OffscreenCanvas"))?;
    let ctx = call(&canvas, "getContext", &["2d".into()]).ok_or_else(|| failed("getContext"))?;
    call(
        &ctx,
        "drawImage",
        &[bitmap.clone(), 0.into(), 0.into(), w.into(), h.into()],
    )
    .ok_or_else(|| failed("drawImage"))?;
    // The colour check reads the same decoded photo, drawn small.
    let thumbnail = pixels::thumbnail(&bitmap);
    let _ = call(&bitmap, "close", &[]);
    let format = Object::new();
    let _ = Reflect::set(&format, &"type".into(), &"image/jpeg".into());
    let _ = Reflect::set(&format, &"quality".into(), &JPEG_QUALITY.into());
    let encoded =
        call(&canvas, "convertToBlob", &[format.into()]).ok_or_else(|| failed("convertToBlob"))?;
    let jpeg: Blob = JsFuture::from(Promise::from(encoded))
        .await
        .map_err(|_| failed("convertToBlob"))?
        .dyn_into()
        .map_err(|_| failed("convertToBlob"))?;
    Ok(Photo {
        choice,
        jpeg,
        pixels: thumbnail,
    })
}
