//! Native tests of the web-search logic on fixture JSON: parsing Commons
//! answers (HTML in metadata, missing fields, non-photos) and choosing the
//! reference photo.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use carviews::core::request::{parse_car_data, CarData};
use carviews::core::search::photos::{commons_query, commons_url, parse_candidates, pick};
use carviews::core::{Angle, Raw};

fn fixture(name: &str) -> Raw {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    Raw::from_json(&text)
}

fn clio(year: f64) -> CarData {
    let r = Raw::object([
        ("brand", Raw::text("Renault")),
        ("model", Raw::text("Clio")),
        ("year", Raw::Number(year)),
        ("color", Raw::text("blue")),
        ("body_type", Raw::text("hatchback")),
    ]);
    parse_car_data(&r, 2026, &mut Vec::new()).unwrap()
}

#[test]
fn queries_name_brand_model_and_view() {
    let car = clio(2019.0);
    assert_eq!(commons_query(&car, Angle::Front), "Renault Clio front");
    assert_eq!(commons_query(&car, Angle::RearLeft), "Renault Clio rear");
    assert_eq!(commons_query(&car, Angle::SideRight), "Renault Clio side");
    let url = commons_url("https://commons.wikimedia.org", "Renault Clio front");
    assert!(url.starts_with("https://commons.wikimedia.org/w/api.php?action=query&format=json&formatversion=2&origin=*&generator=search&gsrnamespace=6"));
    assert!(url.contains("&gsrsearch=Renault%20Clio%20front&"));
    assert!(url.contains("iiurlwidth=1024"));
}

#[test]
fn candidates_are_parsed_with_html_stripped_and_broken_entries_skipped() {
    let c = parse_candidates(&fixture("commons_search_renault_clio_front.json"));
    assert_eq!(c.len(), 7, "the entry without imageinfo is skipped");
    let iconic = c.iter().find(|c| c.title.contains("Iconic")).unwrap();
    assert_eq!(iconic.author, "Vauxford");
    assert_eq!(iconic.license, "CC BY-SA 4.0");
    assert_eq!(iconic.description, "2019 Renault Clio Iconic & more");
    assert_eq!(
        iconic.url,
        "https://upload.wikimedia.org/thumb/2019-clio-front.jpg/1024px.jpg"
    );
    let tif = c.iter().find(|c| c.mime == "image/tiff").unwrap();
    assert_eq!(
        tif.url, "https://upload.wikimedia.org/scan.tif",
        "no thumburl: the original"
    );
    assert_eq!(tif.author, "");
}

#[test]
fn the_best_photo_is_a_landscape_raster_of_the_model_near_the_year() {
    let c = parse_candidates(&fixture("commons_search_renault_clio_front.json"));
    let r = pick(&c, &clio(2019.0), Angle::Front).unwrap();
    assert_eq!(
        r.url,
        "https://upload.wikimedia.org/thumb/2019-clio-front.jpg/1024px.jpg"
    );
    assert_eq!(
        r.page_url,
        "https://commons.wikimedia.org/wiki/File:2019_Renault_Clio_Iconic_TCe_1.0_Front.jpg"
    );
    assert_eq!(
        (r.author.as_str(), r.license.as_str()),
        ("Vauxford", "CC BY-SA 4.0")
    );
    // For a 2012 car, the third-generation photo wins.
    let r = pick(&c, &clio(2012.0), Angle::Front).unwrap();
    assert!(r.url.contains("2012-clio-front"), "{}", r.url);
    assert_eq!(r.author, "OSX");
}

#[test]
fn non_photos_portraits_small_files_and_other_models_are_never_picked() {
    let c = parse_candidates(&fixture("commons_search_renault_clio_front.json"));
    let only_bad: Vec<_> = c
        .into_iter()
        .filter(|c| !c.title.contains("Clio III") && !c.title.contains("Iconic"))
        .collect();
    assert_eq!(
        pick(&only_bad, &clio(2019.0), Angle::Front),
        None,
        "svg, portrait, 480 px, Megane, tiff"
    );
    assert_eq!(pick(&[], &clio(2019.0), Angle::Front), None);
    assert!(
        parse_candidates(&Raw::object([("batchcomplete", Raw::Bool(true))])).is_empty(),
        "no results"
    );
}
