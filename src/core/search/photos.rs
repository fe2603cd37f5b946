//! Reference photos: one Commons file search per angle and the choice of
//! the best candidate — a raster, landscape photo at least 640 px wide that
//! names the model, preferring the view's words and the requested year.

use crate::core::angles::Angle;
use crate::core::generate::encode::{join_url, percent_encode};
use crate::core::generate::response::Reference;
use crate::core::raw::Raw;
use crate::core::request::CarData;
use crate::core::search::html::strip_html;
use crate::core::text::{digits, lookup_key, prefix};

/// The narrowest photo worth using as a reference.
pub const MIN_WIDTH: f64 = 640.0;

/// The words Commons photographers use in file names for a view.
pub fn view_words(angle: Angle) -> &'static str {
    match angle {
        Angle::Front | Angle::FrontLeft | Angle::FrontRight => "front",
        Angle::Side | Angle::SideRight => "side",
        Angle::Rear | Angle::RearLeft | Angle::RearRight => "rear",
        Angle::Top => "top",
        Angle::Interior => "interior",
    }
}

/// The search text of one view: `Renault Clio front`. The year is left out
/// of the query (Commons matches every word, and most file names carry no
/// year) and used to rank the answers instead.
pub fn commons_query(car: &CarData, angle: Angle) -> String {
    format!("{} {} {}", car.brand, car.model, view_words(angle))
}

/// The Commons file search for a query, with the image facts and licence
/// metadata carviews needs, anonymous CORS (`origin=*`).
pub fn commons_url(base: &str, query: &str) -> String {
    join_url(
        base,
        &format!(
            "w/api.php?action=query&format=json&formatversion=2&origin=*&generator=search&gsrnamespace=6&gsrlimit=20&gsrsearch={}&prop=imageinfo&iiprop=url%7Csize%7Cmime%7Cextmetadata&iiurlwidth=1024&iiextmetadatafilter=LicenseShortName%7CLicenseUrl%7CArtist%7CCredit%7CAttributionRequired%7CImageDescription",
            percent_encode(query)
        ),
    )
}

/// A file the search found.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The search's rank (lower is more relevant).
    pub rank: f64,
    /// `File:…` title.
    pub title: String,
    /// A ≤1024 px rendition (`thumburl`), else the original.
    pub url: String,
    /// The file's page on Commons.
    pub page_url: String,
    /// MIME type.
    pub mime: String,
    /// Original width.
    pub width: f64,
    /// Original height.
    pub height: f64,
    /// Author, as plain text.
    pub author: String,
    /// Licence short name.
    pub license: String,
    /// Description, as plain text.
    pub description: String,
}

/// Reads the candidates of a search answer (`query.pages[].imageinfo[0]`),
/// in the search's order; files without a usable URL are skipped.
pub fn parse_candidates(raw: &Raw) -> Vec<Candidate> {
    // With formatversion=2, `index` is the search rank; it breaks ties in [`pick`].
    let pages = raw.get("query").get("pages").items();
    pages
        .iter()
        .filter_map(|page| {
            let info = page.get("imageinfo").at(0);
            let meta = |k: &str| {
                info.get("extmetadata")
                    .get(k)
                    .get("value")
                    .as_str()
                    .map(strip_html)
                    .unwrap_or_default()
            };
            let url = info
                .get("thumburl")
                .as_str()
                .or_else(|| info.get("url").as_str())?;
            if !url.starts_with("https://") && !url.starts_with("http://") {
                return None;
            }
            Some(Candidate {
                rank: page.get("index").as_f64().unwrap_or(f64::MAX),
                title: page.get("title").as_str().unwrap_or_default().to_owned(),
                url: url.to_owned(),
                page_url: info
                    .get("descriptionurl")
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                mime: info.get("mime").as_str().unwrap_or_default().to_owned(),
                width: info.get("width").as_f64().unwrap_or(0.0),
                height: info.get("height").as_f64().unwrap_or(0.0),
                author: meta("Artist"),
                license: meta("LicenseShortName"),
                description: meta("ImageDescription"),
            })
        })
        .collect()
}

/// Years (1886…2099) written in a text.
fn years_in(text: &str) -> Vec<i32> {
    let bytes = text.as_bytes();
    let mut years = Vec::new();
    // Every run of four ASCII digits, from `start` to the byte after it.
    let mut start = 0;
    for end in 0..=bytes.len() {
        if bytes.get(end).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        if end - start == 4 {
            if let Some(y) = text.get(start..end).and_then(|w| digits(w, 10)) {
                if (1886..2100).contains(&y) {
                    years.push(y as i32);
                }
            }
        }
        start = end + 1;
    }
    years
}

/// The best candidate for a view, as the reference of the response.
pub fn pick(candidates: &[Candidate], car: &CarData, angle: Angle) -> Option<Reference> {
    let model = lookup_key(&car.model);
    let view = view_words(angle);
    candidates
        .iter()
        .filter(|c| matches!(c.mime.as_str(), "image/jpeg" | "image/png" | "image/webp"))
        .filter(|c| c.width >= MIN_WIDTH && c.width > c.height)
        .filter(|c| {
            !model.is_empty()
                && (lookup_key(&c.title).contains(&model)
                    || lookup_key(&c.description).contains(&model))
        })
        .map(|c| {
            let title = c.title.to_lowercase();
            let mut score = 0i32;
            if title.contains(view) {
                score += 4;
            }
            if let Some(d) = years_in(&c.title)
                .iter()
                .map(|y| (y - car.year).abs())
                .min()
            {
                score += match d {
                    0 => 3,
                    1 => 2,
                    2..=3 => 1,
                    _ => -2,
                };
            }
            if c.width >= 1280.0 {
                score += 1;
            }
            (score, c)
        })
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.rank.total_cmp(&a.1.rank)))
        .map(|(_, c)| Reference {
            url: c.url.clone(),
            page_url: c.page_url.clone(),
            author: if c.author.is_empty() {
                "unknown".to_owned()
            } else {
                prefix(&c.author, 200).to_owned()
            },
            license: if c.license.is_empty() {
                "see the file page".to_owned()
            } else {
                prefix(&c.license, 80).to_owned()
            },
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_runs_of_four_digits_in_range() {
        // What splitting at every non-digit character and keeping the
        // four-digit words from 1886 to 2099 gives.
        let by_split = |t: &str| -> Vec<i32> {
            t.split(|c: char| !c.is_ascii_digit())
                .filter(|w| w.len() == 4)
                .filter_map(|w| w.parse::<i32>().ok())
                .filter(|y| (1886..2100).contains(y))
                .collect()
        };
        for t in [
            "File:2019 Renault Clio Iconic TCe 1.0 Front.jpg",
            "2013-renault-clio_2019.jpg",
            "12345 1885 1886 2099 2100 0199",
            "Рено Кліо 2019р.",
            "2019",
            "",
            "x2019y20205",
        ] {
            assert_eq!(years_in(t), by_split(t), "{t}");
        }
        assert_eq!(years_in("Clio 2013 or 2019"), [2013, 2019]);
    }
}
