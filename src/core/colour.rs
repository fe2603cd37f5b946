//! Colour science for the consistency check: sRGB to CIELAB (D65), the
//! CIEDE2000 colour difference, and the dominant paint colour of an image.
//!
//! Thresholds, and why: a ΔE00 of about 1 is invisible and 2.3 is a
//! just-noticeable difference between two flat patches side by side. Paint
//! in two photographs is never that close — light, reflections, exposure and
//! the model's own rendering move it by 5–15 — while a different paint (blue
//! against red, silver against yellow) is 30 or more apart. The limits below
//! sit between the two, and are named so they can be tuned with evidence.

/// An sRGB colour, 8 bits a channel.
pub type Rgb8 = [u8; 3];

/// Largest ΔE00 between the dominant paint of an image and the requested
/// colour's reference value for the image to pass.
pub const MAX_DELTA_E_REQUESTED: f64 = 25.0;
/// Largest ΔE00 between a view's paint and the main view's paint.
pub const MAX_DELTA_E_MAIN: f64 = 18.0;
/// Below this chroma a colour counts as achromatic (white, grey, black, silver).
pub const ACHROMATIC_CHROMA: f64 = 10.0;
/// A cluster this close (ΔE76) to the image's border colour is background.
pub const BACKGROUND_DELTA: f64 = 10.0;

/// A colour in CIELAB (D65).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lab {
    /// Lightness, 0…100.
    pub l: f64,
    /// Green–red.
    pub a: f64,
    /// Blue–yellow.
    pub b: f64,
}

impl Lab {
    /// Chroma.
    pub fn chroma(self) -> f64 {
        (self.a * self.a + self.b * self.b).sqrt()
    }

    /// Euclidean distance (ΔE76), cheap enough for clustering.
    pub fn distance(self, o: Lab) -> f64 {
        self.distance_sq(o).sqrt()
    }

    /// The square of [`Lab::distance`]: what comparisons need, without the root.
    pub fn distance_sq(self, o: Lab) -> f64 {
        (self.l - o.l).powi(2) + (self.a - o.a).powi(2) + (self.b - o.b).powi(2)
    }
}

fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn f(t: f64) -> f64 {
    const D: f64 = 6.0 / 29.0;
    if t > D * D * D {
        t.cbrt()
    } else {
        t / (3.0 * D * D) + 4.0 / 29.0
    }
}

/// sRGB (8 bits a channel) to CIELAB under D65.
pub fn lab(rgb: Rgb8) -> Lab {
    lab_of_linear(rgb.map(linear))
}

/// CIELAB of linear-light RGB (see [`lab`]).
fn lab_of_linear([r, g, b]: [f64; 3]) -> Lab {
    let x = (0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b) / 0.950_47;
    let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175 * b;
    let z = (0.019_333_9 * r + 0.119_192 * g + 0.950_304_1 * b) / 1.088_83;
    let (fx, fy, fz) = (f(x), f(y), f(z));
    Lab {
        l: 116.0 * fy - 16.0,
        a: 500.0 * (fx - fy),
        b: 200.0 * (fy - fz),
    }
}

/// The CIEDE2000 colour difference (kL = kC = kH = 1), as in Sharma, Wu and
/// Dalal (2005).
pub fn delta_e00(p: Lab, q: Lab) -> f64 {
    let pow7 = |x: f64| x.powi(7);
    let deg = |r: f64| r.to_degrees();
    let rad = |d: f64| d.to_radians();
    let (c1, c2) = (p.chroma(), q.chroma());
    let cbar = (c1 + c2) / 2.0;
    let g = 0.5 * (1.0 - (pow7(cbar) / (pow7(cbar) + pow7(25.0))).sqrt());
    let (a1, a2) = ((1.0 + g) * p.a, (1.0 + g) * q.a);
    let (c1p, c2p) = ((a1 * a1 + p.b * p.b).sqrt(), (a2 * a2 + q.b * q.b).sqrt());
    let hue = |b: f64, a: f64| {
        if a == 0.0 && b == 0.0 {
            0.0
        } else {
            let h = deg(b.atan2(a));
            if h < 0.0 {
                h + 360.0
            } else {
                h
            }
        }
    };
    let (h1, h2) = (hue(p.b, a1), hue(q.b, a2));
    let dl = q.l - p.l;
    let dc = c2p - c1p;
    let dh = if c1p * c2p == 0.0 {
        0.0
    } else if (h2 - h1).abs() <= 180.0 {
        h2 - h1
    } else if h2 - h1 > 180.0 {
        h2 - h1 - 360.0
    } else {
        h2 - h1 + 360.0
    };
    let dhh = 2.0 * (c1p * c2p).sqrt() * (rad(dh) / 2.0).sin();
    let lbar = (p.l + q.l) / 2.0;
    let cbarp = (c1p + c2p) / 2.0;
    let hbar = if c1p * c2p == 0.0 {
        h1 + h2
    } else if (h1 - h2).abs() <= 180.0 {
        (h1 + h2) / 2.0
    } else if h1 + h2 < 360.0 {
        (h1 + h2 + 360.0) / 2.0
    } else {
        (h1 + h2 - 360.0) / 2.0
    };
    let t = 1.0 - 0.17 * rad(hbar - 30.0).cos()
        + 0.24 * rad(2.0 * hbar).cos()
        + 0.32 * rad(3.0 * hbar + 6.0).cos()
        - 0.20 * rad(4.0 * hbar - 63.0).cos();
    let dtheta = 30.0 * (-((hbar - 275.0) / 25.0).powi(2)).exp();
    let rc = 2.0 * (pow7(cbarp) / (pow7(cbarp) + pow7(25.0))).sqrt();
    let sl = 1.0 + 0.015 * (lbar - 50.0).powi(2) / (20.0 + (lbar - 50.0).powi(2)).sqrt();
    let sc = 1.0 + 0.045 * cbarp;
    let sh = 1.0 + 0.015 * cbarp * t;
    let rt = -rad(2.0 * dtheta).sin() * rc;
    let (x, y, z) = (dl / sl, dc / sc, dhh / sh);
    (x * x + y * y + z * z + rt * y * z).max(0.0).sqrt()
}

/// The paint the check found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dominant {
    /// Mean sRGB of the cluster.
    pub rgb: Rgb8,
    /// Its CIELAB value.
    pub lab: Lab,
    /// Its share of the centre-weighted image.
    pub share: f64,
}

/// The dominant paint colour of an RGBA image (row-major, 4 bytes a pixel).
///
/// Pixels are weighted towards the centre (where the car is), clustered by
/// k-means in CIELAB (k = 5, deterministic start), and the clusters that
/// look like the backdrop (close to the border's colour) or like glass,
/// tyres and shadow (low chroma) are set aside — unless the requested paint
/// is itself achromatic, or as close to the backdrop as that; then the
/// heaviest remaining cluster is the paint.
pub fn dominant_colour(
    rgba: &[u8],
    width: usize,
    height: usize,
    requested: Option<Rgb8>,
) -> Option<Dominant> {
    if width == 0 || height == 0 || rgba.len() < width * height * 4 {
        return None;
    }
    // At most ~6000 samples, whatever the image size.
    let step = ((width * height) as f64 / 6000.0).sqrt().ceil().max(1.0) as usize;
    let (cx, cy) = (width as f64 / 2.0, height as f64 / 2.0);
    let mut samples: Vec<(Lab, Rgb8, f64)> = Vec::new();
    let mut border = (0.0, 0.0, 0.0, 0.0);
    // The transfer curve once per channel value, and the last conversion
    // kept: neighbouring pixels are often the same colour.
    let curve: Vec<f64> = (0..=255u8).map(linear).collect();
    let to_linear = |c: u8| curve.get(usize::from(c)).copied().unwrap_or(0.0);
    let mut last: Option<(Rgb8, Lab)> = None;
    for y in (0..height).step_by(step) {
        for x in (0..width).step_by(step) {
            let i = (y * width + x) * 4;
            let Some(&[r, g, b, alpha]) = rgba.get(i..i + 4) else {
                continue;
            };
            let rgb = [r, g, b];
            if alpha < 128 {
                continue;
            }
            let l = match last {
                Some((prev, l)) if prev == rgb => l,
                _ => lab_of_linear(rgb.map(to_linear)),
            };
            last = Some((rgb, l));
            let edge =
                x < step * 2 || y < step * 2 || x + step * 2 >= width || y + step * 2 >= height;
            if edge {
                border = (
                    border.0 + l.l,
                    border.1 + l.a,
                    border.2 + l.b,
                    border.3 + 1.0,
                );
            }
            let (dx, dy) = (
                (x as f64 + 0.5 - cx) / (cx * 1.05),
                (y as f64 + 0.5 - cy) / (cy * 1.05),
            );
            let w = (1.0 - (dx * dx + dy * dy)).max(0.0);
            if w > 0.0 {
                samples.push((l, rgb, w));
            }
        }
    }
    if samples.is_empty() {
        return None;
    }
    let backdrop = (border.3 > 0.0).then(|| Lab {
        l: border.0 / border.3,
        a: border.1 / border.3,
        b: border.2 / border.3,
    });
    let clusters = kmeans(&samples, 5);
    let total: f64 = clusters.iter().map(|c| c.share).sum();
    let req = requested.map(lab);
    let achromatic = req.is_some_and(|r| r.chroma() < ACHROMATIC_CHROMA);
    let paint_like_backdrop =
        matches!((req, backdrop), (Some(r), Some(b)) if r.distance(b) < BACKGROUND_DELTA);
    let is_backdrop = |c: &Dominant| {
        !paint_like_backdrop && backdrop.is_some_and(|b| c.lab.distance(b) < BACKGROUND_DELTA)
    };
    let heaviest = |keep: &dyn Fn(&Dominant) -> bool| {
        clusters
            .iter()
            .filter(|c| keep(c))
            .max_by(|a, b| a.share.total_cmp(&b.share))
            .copied()
    };
    let found = heaviest(&|c| {
        !is_backdrop(c) && (achromatic || req.is_none() || c.lab.chroma() >= ACHROMATIC_CHROMA)
    })
    .or_else(|| heaviest(&|c| !is_backdrop(c)))
    .or_else(|| heaviest(&|_| true))?;
    Some(Dominant {
        share: if total > 0.0 {
            found.share / total
        } else {
            0.0
        },
        ..found
    })
}

fn kmeans(samples: &[(Lab, Rgb8, f64)], k: usize) -> Vec<Dominant> {
    // Deterministic start: the heaviest-weighted sample, then repeatedly the
    // sample farthest from every centre chosen so far.
    let mut centres: Vec<Lab> = Vec::with_capacity(k);
    if let Some(first) = samples.iter().max_by(|a, b| a.2.total_cmp(&b.2)) {
        centres.push(first.0);
    }
    while centres.len() < k {
        let far = samples
            .iter()
            .map(|s| {
                (
                    s,
                    centres
                        .iter()
                        .map(|c| c.distance_sq(s.0))
                        .fold(f64::MAX, f64::min),
                )
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match far {
            Some((s, d_sq)) if d_sq > 1.0 => centres.push(s.0),
            _ => break,
        }
    }
    let mut assign = vec![usize::MAX; samples.len()];
    for _ in 0..12 {
        let mut changed = false;
        for (slot, s) in assign.iter_mut().zip(samples) {
            let n = nearest(&centres, s.0);
            changed |= *slot != n;
            *slot = n;
        }
        // The same assignment gives the same centres: a fixed point.
        if !changed {
            break;
        }
        let mut sums = vec![(0.0, 0.0, 0.0, 0.0); centres.len()];
        for (&c, s) in assign.iter().zip(samples) {
            if let Some(acc) = sums.get_mut(c) {
                *acc = (
                    acc.0 + s.0.l * s.2,
                    acc.1 + s.0.a * s.2,
                    acc.2 + s.0.b * s.2,
                    acc.3 + s.2,
                );
            }
        }
        for (centre, acc) in centres.iter_mut().zip(&sums) {
            if acc.3 > 0.0 {
                *centre = Lab {
                    l: acc.0 / acc.3,
                    a: acc.1 / acc.3,
                    b: acc.2 / acc.3,
                };
            }
        }
    }
    let mut out: Vec<(f64, [f64; 3], f64)> = vec![(0.0, [0.0; 3], 0.0); centres.len()];
    for (&c, s) in assign.iter().zip(samples) {
        if let Some(o) = out.get_mut(c) {
            o.0 += s.2;
            for (sum, ch) in o.1.iter_mut().zip(s.1) {
                *sum += f64::from(ch) * s.2;
            }
            o.2 += 1.0;
        }
    }
    centres
        .iter()
        .zip(out)
        .filter(|(_, o)| o.0 > 0.0)
        .map(|(lab, (w, sum, _))| Dominant {
            rgb: sum.map(|v| (v / w).round().clamp(0.0, 255.0) as u8),
            lab: *lab,
            share: w,
        })
        .collect()
}

fn nearest(centres: &[Lab], p: Lab) -> usize {
    centres
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c.distance_sq(p)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(0, |(i, _)| i)
}

/// `#rrggbb`.
pub fn hex(rgb: Rgb8) -> String {
    let mut out = String::from("#");
    out.push_str(&crate::core::text::hex(&rgb));
    out
}
