//! Native tests of the colour science: CIEDE2000 against the published test
//! pairs of Sharma, Wu and Dalal (2005), sRGB→Lab, and the dominant paint of
//! synthetic images.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use carviews::core::colour::{delta_e00, dominant_colour, lab, Lab, Rgb8, MAX_DELTA_E_REQUESTED};

#[test]
fn ciede2000_matches_all_34_published_pairs() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ciede2000-sharma2005.tsv"
    ))
    .unwrap();
    let mut n = 0;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("pair"))
    {
        let v: Vec<f64> = line
            .split('\t')
            .skip(1)
            .map(|x| x.trim().parse().unwrap())
            .collect();
        let (p, q) = (
            Lab {
                l: v[0],
                a: v[1],
                b: v[2],
            },
            Lab {
                l: v[3],
                a: v[4],
                b: v[5],
            },
        );
        let d = delta_e00(p, q);
        assert!((d - v[6]).abs() < 1e-4, "pair {line}: {d}");
        assert!((delta_e00(q, p) - v[6]).abs() < 1e-4, "symmetric");
        n += 1;
    }
    assert_eq!(n, 34);
}

#[test]
fn srgb_to_lab_reference_values() {
    let close = |c: Lab, l: f64, a: f64, b: f64| {
        (c.l - l).abs() < 0.05 && (c.a - a).abs() < 0.05 && (c.b - b).abs() < 0.05
    };
    assert!(
        close(lab([255, 255, 255]), 100.0, 0.0, 0.0),
        "{:?}",
        lab([255, 255, 255])
    );
    assert!(close(lab([0, 0, 0]), 0.0, 0.0, 0.0));
    assert!(
        close(lab([255, 0, 0]), 53.24, 80.09, 67.20),
        "{:?}",
        lab([255, 0, 0])
    );
    assert!(
        close(lab([0, 0, 255]), 32.30, 79.19, -107.86),
        "{:?}",
        lab([0, 0, 255])
    );
    assert!(
        close(lab([128, 128, 128]), 53.59, 0.0, 0.0),
        "{:?}",
        lab([128, 128, 128])
    );
}

/// A studio picture: backdrop, a car body in `paint` across the middle, dark
/// glass above it, two dark tyres and a shadow under it.
fn car(paint: Rgb8, backdrop: Rgb8, w: usize, h: usize) -> Vec<u8> {
    let mut px = vec![0u8; w * h * 4];
    for y in 0..h {
        for x in 0..w {
            let (fx, fy) = (x as f64 / w as f64, y as f64 / h as f64);
            let mut c = backdrop;
            if (0.12..0.88).contains(&fx) && (0.45..0.7).contains(&fy) {
                c = paint;
            }
            if (0.3..0.68).contains(&fx) && (0.32..0.45).contains(&fy) {
                c = [38, 46, 58];
            }
            let tyre = |cx: f64| (fx - cx).powi(2) * 4.0 + (fy - 0.7).powi(2) * 9.0 < 0.012;
            if tyre(0.28) || tyre(0.72) {
                c = [22, 22, 24];
            }
            if (0.1..0.9).contains(&fx) && (0.78..0.84).contains(&fy) {
                c = [120, 122, 126];
            }
            px[(y * w + x) * 4..(y * w + x) * 4 + 4].copy_from_slice(&[c[0], c[1], c[2], 255]);
        }
    }
    px
}

fn de(a: Rgb8, b: Rgb8) -> f64 {
    delta_e00(lab(a), lab(b))
}

#[test]
fn a_blue_car_on_white() {
    let blue = [0x1f, 0x4e, 0x9c];
    let d = dominant_colour(&car(blue, [245, 246, 248], 96, 72), 96, 72, Some(blue)).unwrap();
    assert!(de(d.rgb, blue) < 3.0, "{:?}", d);
}

#[test]
fn a_white_car_on_a_white_grey_backdrop() {
    let white = [0xf2, 0xf2, 0xf0];
    let d = dominant_colour(&car(white, [228, 230, 233], 96, 72), 96, 72, Some(white)).unwrap();
    assert!(
        de(d.rgb, white) < MAX_DELTA_E_REQUESTED,
        "{:?}: {}",
        d,
        de(d.rgb, white)
    );
}

#[test]
fn a_black_car_with_a_dark_shadow() {
    let black = [0x11, 0x12, 0x14];
    let mut img = car(black, [235, 236, 238], 96, 72);
    // A broad dark shadow under and around the car.
    for y in 50..62 {
        for x in 5..91 {
            img[(y * 96 + x) * 4..(y * 96 + x) * 4 + 3].copy_from_slice(&[60, 60, 62]);
        }
    }
    let d = dominant_colour(&img, 96, 72, Some(black)).unwrap();
    assert!(
        de(d.rgb, black) < MAX_DELTA_E_REQUESTED,
        "{:?}: {}",
        d,
        de(d.rgb, black)
    );
}

#[test]
fn a_red_car_on_a_grey_road() {
    let red = [0xb3, 0x12, 0x1b];
    let d = dominant_colour(&car(red, [110, 112, 115], 120, 80), 120, 80, Some(red)).unwrap();
    assert!(de(d.rgb, red) < 3.0, "{:?}", d);
    // Asked for blue, the red paint is still what is found: the check then fails it.
    let blue = [0x1f, 0x4e, 0x9c];
    let d = dominant_colour(&car(red, [110, 112, 115], 120, 80), 120, 80, Some(blue)).unwrap();
    assert!(de(d.rgb, red) < 3.0);
    assert!(de(d.rgb, blue) > MAX_DELTA_E_REQUESTED);
}

#[test]
fn degenerate_inputs_give_none_not_a_panic() {
    assert!(dominant_colour(&[], 0, 0, None).is_none());
    assert!(
        dominant_colour(&[1, 2, 3], 10, 10, None).is_none(),
        "buffer shorter than the size"
    );
    let transparent = vec![0u8; 16 * 16 * 4];
    assert!(dominant_colour(&transparent, 16, 16, None).is_none());
    let one = [200u8, 10, 10, 255];
    assert!(dominant_colour(&one, 1, 1, None).is_some());
}
