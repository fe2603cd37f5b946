//! The parametric car: one set of proportions per body type, built into a
//! small 3D model (convex parts, details attached to their faces, wheels)
//! that every camera of the renderer looks at. The same model seen from
//! another angle is the same car, by construction.

use crate::core::preview::geometry::{clip_x, edges, inset, v3, P2, V3};
use crate::core::vocab::BodyType;

/// Proportions of one body type, in metres.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Proportions {
    /// Overall length.
    pub(crate) length: f64,
    /// Overall width (without mirrors).
    pub(crate) width: f64,
    /// Roof height.
    pub(crate) height: f64,
    /// Front overhang: bumper to front axle.
    pub(crate) front_overhang: f64,
    /// Axle to axle.
    pub(crate) wheelbase: f64,
    /// Wheel radius, tyre included.
    pub(crate) wheel: f64,
    /// Ground to the bottom of the body.
    pub(crate) clearance: f64,
    /// Height of the bonnet's leading edge.
    pub(crate) nose: f64,
    /// Height of the waist (bottom of the side windows).
    pub(crate) belt: f64,
    /// Where the windscreen meets the bonnet.
    pub(crate) cowl: f64,
    /// Where the roof begins and ends.
    pub(crate) roof: (f64, f64),
    /// A point that rounds the fall of the roof to the tail (fastbacks), if any.
    pub(crate) fastback: Option<P2>,
    /// Where the rear window meets the body.
    pub(crate) glass_end: f64,
    /// Height of the rear deck (boot lid or bed rails) at the tail.
    pub(crate) tail: f64,
    /// Door cuts along the side, front to back.
    pub(crate) doors: &'static [f64],
    /// Pillars between side windows.
    pub(crate) pillars: &'static [f64],
    /// Side windows end here (vans glaze only the cab); `None`: all glazed.
    pub(crate) glass_until: Option<f64>,
    /// Special shapes.
    pub(crate) kind: Kind,
}

/// Shapes that are more than proportions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A closed car.
    Closed,
    /// An open cockpit behind a windscreen frame.
    Open,
    /// A cab and an open load bed.
    Bed,
}

/// The proportions of each body type, in the order of [`BodyType`], in
/// centimetres: length, width, height, front overhang, wheelbase, wheel,
/// clearance, nose, belt, cowl, roof start and end, glass end, tail,
/// fastback point (x, z; 0: none) and glass until (0: all glazed): whole
/// centimetres, as makers' dimension sheets give them, one body a row.
const CENTIMETRES: [[u16; 17]; 11] = [
    [
        470, 182, 145, 95, 275, 33, 15, 74, 99, 155, 225, 330, 395, 95, 0, 0, 0,
    ], // Sedan
    [
        410, 177, 147, 85, 260, 32, 15, 74, 99, 135, 200, 355, 402, 99, 0, 0, 0,
    ], // Hatchback
    [
        470, 182, 143, 95, 275, 33, 15, 74, 99, 155, 225, 300, 450, 97, 385, 127, 0,
    ], // Liftback
    [
        475, 182, 150, 95, 275, 33, 15, 74, 99, 155, 220, 445, 468, 99, 0, 0, 0,
    ], // Wagon
    [
        475, 193, 180, 92, 285, 39, 21, 100, 125, 160, 215, 445, 468, 125, 0, 0, 0,
    ], // Suv
    [
        445, 184, 163, 90, 268, 36, 19, 88, 112, 145, 205, 385, 433, 112, 0, 0, 0,
    ], // Crossover
    [
        455, 185, 133, 95, 270, 34, 13, 68, 93, 175, 245, 295, 400, 93, 355, 120, 0,
    ], // Coupe
    [
        445, 182, 125, 95, 265, 34, 13, 68, 93, 175, 212, 220, 220, 93, 0, 0, 0,
    ], // Convertible
    [
        530, 190, 182, 95, 320, 39, 23, 105, 120, 175, 230, 320, 330, 120, 0, 0, 0,
    ], // Pickup
    [
        490, 190, 175, 90, 295, 34, 16, 85, 105, 120, 200, 465, 486, 105, 0, 0, 0,
    ], // Minivan
    [
        525, 200, 230, 90, 325, 35, 18, 95, 115, 95, 160, 520, 524, 115, 0, 0, 200,
    ], // Van
];

/// Door cuts of each body type, in the order of [`BodyType`].
static DOORS: [&[f64]; 11] = [
    &[1.45, 2.6, 3.55], // Sedan
    &[1.25, 2.3, 3.2],  // Hatchback
    &[1.45, 2.6, 3.55], // Liftback
    &[1.45, 2.6, 3.55], // Wagon
    &[1.5, 2.7, 3.7],   // Suv
    &[1.35, 2.5, 3.5],  // Crossover
    &[1.65, 2.95],      // Coupe
    &[1.65, 2.95],      // Convertible
    &[1.65, 2.55, 3.3], // Pickup
    &[1.1, 2.15, 3.35], // Minivan
    &[0.95, 1.95, 3.1], // Van
];

/// Pillars between side windows, in the order of [`BodyType`].
static PILLARS: [&[f64]; 11] = [
    &[2.62],       // Sedan
    &[2.32],       // Hatchback
    &[2.62],       // Liftback
    &[2.62, 3.7],  // Wagon
    &[2.72, 3.85], // Suv
    &[2.52, 3.62], // Crossover
    &[],           // Coupe
    &[],           // Convertible
    &[2.57],       // Pickup
    &[2.17, 3.6],  // Minivan
    &[],           // Van
];

/// The proportions of a body type.
pub(crate) fn proportions(body: BodyType) -> Proportions {
    let i = body as usize;
    let row = CENTIMETRES.get(i).copied().unwrap_or_default();
    // An exact integer divided by 100 rounds to the same f64 as the decimal.
    let m = |k: usize| f64::from(row.get(k).copied().unwrap_or(0)) / 100.0;
    Proportions {
        length: m(0),
        width: m(1),
        height: m(2),
        front_overhang: m(3),
        wheelbase: m(4),
        wheel: m(5),
        clearance: m(6),
        nose: m(7),
        belt: m(8),
        cowl: m(9),
        roof: (m(10), m(11)),
        glass_end: m(12),
        tail: m(13),
        fastback: (m(14) > 0.0).then(|| (m(14), m(15))),
        glass_until: (m(16) > 0.0).then(|| m(16)),
        doors: DOORS.get(i).copied().unwrap_or_default(),
        pillars: PILLARS.get(i).copied().unwrap_or_default(),
        kind: match body {
            BodyType::Convertible => Kind::Open,
            BodyType::Pickup => Kind::Bed,
            _ => Kind::Closed,
        },
    }
}

/// What a surface is made of; the renderer picks colours from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Finish {
    /// Body colour, flat-shaded by the light.
    Paint,
    /// Body colour with a vertical gradient: light shoulder, darker lower body.
    PaintSide,
    /// Tinted glass.
    Glass,
    /// Black plastic and rubber.
    Trim,
    /// Headlamp.
    HeadLamp,
    /// Tail lamp.
    TailLamp,
    /// Number plate.
    Plate,
    /// Upholstery seen from outside (open cockpit, load bed).
    Cabin,
    /// A thin lighter line along the shoulder.
    Highlight,
    /// A thin dark line (door cut).
    Seam,
}

/// Which edge of a side profile a face comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edge {
    Front,
    Nose,
    Bonnet,
    Waist,
    Deck,
    TailTop,
    Rear,
    Under,
    Windscreen,
    Roof,
    Backlight,
    Plain,
}

/// A detail drawn on top of a face, visible when the face is.
#[derive(Debug, Clone)]
pub(crate) enum Detail {
    /// A filled polygon.
    Area(Vec<V3>, Finish),
    /// A stroked polyline.
    Line(Vec<V3>, Finish),
    /// The brand badge: centre, the face's horizontal and vertical directions.
    Badge { centre: V3, across: V3, up: V3 },
}

/// One planar face of a part.
#[derive(Debug, Clone)]
pub(crate) struct Face {
    pub(crate) points: Vec<V3>,
    pub(crate) normal: V3,
    pub(crate) finish: Finish,
    pub(crate) details: Vec<Detail>,
    edge: Option<Edge>,
    side: f64,
}

/// A convex part: its faces.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub(crate) faces: Vec<Face>,
}

/// A wheel: the centre of its outer face, which side it is on (+1 left,
/// −1 right), its radius and tyre width.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Wheel {
    pub(crate) centre: V3,
    pub(crate) side: f64,
    pub(crate) radius: f64,
    pub(crate) width: f64,
}

/// The whole car, ready for a camera.
#[derive(Debug, Clone)]
pub(crate) struct CarModel {
    pub(crate) proportions: Proportions,
    pub(crate) body: Part,
    pub(crate) cabin: Part,
    pub(crate) mirrors: [Part; 2],
    pub(crate) wheels: Vec<Wheel>,
}

/// Half-widths of an extrusion at its bottom and top: (left y, right y).
#[derive(Debug, Clone, Copy)]
struct Span {
    bottom: (f64, f64),
    top: (f64, f64),
    z: (f64, f64),
}

impl Span {
    fn at(&self, z: f64) -> (f64, f64) {
        let t = if self.z.1 > self.z.0 {
            ((z - self.z.0) / (self.z.1 - self.z.0)).clamp(0.0, 1.0)
        } else {
            0.0
        };
        (
            self.bottom.0 + (self.top.0 - self.bottom.0) * t,
            self.bottom.1 + (self.top.1 - self.bottom.1) * t,
        )
    }
}

/// The points of a profile, without their edges.
fn points(profile: &[(P2, Edge)]) -> Vec<P2> {
    let mut out = Vec::with_capacity(profile.len());
    for &(p, _) in profile {
        out.push(p);
    }
    out
}

/// Extrudes a convex side profile across the car between `span`'s sides.
fn extrude(profile: &[(P2, Edge)], span: Span, finish_of: fn(Edge) -> Finish) -> Part {
    let points = points(profile);
    let left = |p: P2| v3(p.0, span.at(p.1).0, p.1);
    let right = |p: P2| v3(p.0, span.at(p.1).1, p.1);
    let mid = {
        let all: Vec<V3> = points.iter().flat_map(|&p| [left(p), right(p)]).collect();
        crate::core::preview::geometry::centroid(&all)
    };
    let mut faces = Vec::new();
    for (&(a, edge), (b, _)) in profile.iter().zip(profile.iter().cycle().skip(1)) {
        let b = *b;
        if (a.0 - b.0).abs() + (a.1 - b.1).abs() < 1e-6 {
            continue;
        }
        let quad = vec![right(a), right(b), left(b), left(a)];
        faces.push(face(quad, mid, finish_of(edge), Some(edge), 0.0));
    }
    for side in [1.0, -1.0] {
        let poly: Vec<V3> = points
            .iter()
            .map(|&p| if side > 0.0 { left(p) } else { right(p) })
            .collect();
        faces.push(face(poly, mid, Finish::PaintSide, None, side));
    }
    Part { faces }
}

fn face(points: Vec<V3>, mid: V3, finish: Finish, edge: Option<Edge>, side: f64) -> Face {
    let n = match (points.first(), points.get(1), points.last()) {
        (Some(&a), Some(&b), Some(&c)) => {
            let n = (b - a).cross(c - a);
            // Quads here are planar; a degenerate first corner falls back to the centroid.
            if n.len() > 1e-9 {
                n
            } else {
                crate::core::preview::geometry::centroid(&points) - mid
            }
        }
        _ => v3(0.0, 0.0, 1.0),
    };
    let centre = crate::core::preview::geometry::centroid(&points);
    let normal = if n.dot(centre - mid) < 0.0 {
        n * -1.0
    } else {
        n
    }
    .unit();
    Face {
        points,
        normal,
        finish,
        details: Vec::new(),
        edge,
        side,
    }
}

/// The horizontal extent of a convex profile at height `z`.
fn span_at(poly: &[P2], z: f64) -> Option<(f64, f64)> {
    let xs: Vec<f64> = edges(poly)
        .filter(|(a, b)| (a.1 - z) * (b.1 - z) <= 0.0 && (a.1 - b.1).abs() > 1e-9)
        .map(|(a, b)| a.0 + (b.0 - a.0) * (z - a.1) / (b.1 - a.1))
        .collect();
    let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (lo < hi).then_some((lo, hi))
}

/// A point on the face swept by profile edge `a → b`: `t` along the edge, at `y`.
fn on_edge(a: P2, b: P2, t: f64, y: f64) -> V3 {
    v3(a.0 + (b.0 - a.0) * t, y, a.1 + (b.1 - a.1) * t)
}

/// A quad on that face: `t` and `y` ranges.
fn edge_quad(a: P2, b: P2, t: (f64, f64), y: (f64, f64)) -> Vec<V3> {
    vec![
        on_edge(a, b, t.0, y.0),
        on_edge(a, b, t.0, y.1),
        on_edge(a, b, t.1, y.1),
        on_edge(a, b, t.1, y.0),
    ]
}

/// Builds the model of a body type.
pub(crate) fn build(body: BodyType) -> CarModel {
    let p = proportions(body);
    let hw = p.width / 2.0;
    let (len, gc) = (p.length, p.clearance);

    let body_profile: Vec<(P2, Edge)> = vec![
        ((0.0, gc + 0.1), Edge::Front),
        ((0.0, p.nose - 0.04), Edge::Nose),
        ((0.1, p.nose), Edge::Bonnet),
        ((p.cowl, p.belt), Edge::Waist),
        ((p.glass_end, p.belt), Edge::Deck),
        ((len - 0.08, p.tail), Edge::TailTop),
        ((len, p.tail - 0.06), Edge::Rear),
        ((len, gc + 0.15), Edge::Under),
        ((len - 0.15, gc), Edge::Under),
        ((0.15, gc), Edge::Under),
    ];
    let body_points = points(&body_profile);
    // The sides tuck in towards the sills, so the tyres show from the front and rear.
    let body_span = Span {
        bottom: (hw - 0.06, -(hw - 0.06)),
        top: (hw, -hw),
        z: (gc, p.belt),
    };
    let mut body_part = extrude(&body_profile, body_span, |e| match e {
        Edge::Under => Finish::Trim,
        Edge::Front | Edge::Rear => Finish::PaintSide,
        _ => Finish::Paint,
    });

    let roof_hw = hw
        * match (p.kind, p.glass_until.is_some() || p.height > 1.7) {
            (Kind::Open, _) => 0.92,
            // Tall boxes (vans, SUVs) keep their sides nearly upright.
            (_, true) => 0.88,
            _ => 0.8,
        };
    let mut cabin_profile: Vec<(P2, Edge)> = vec![
        ((p.cowl + 0.02, p.belt), Edge::Windscreen),
        ((p.roof.0, p.height), Edge::Roof),
        ((p.roof.1, p.height), Edge::Backlight),
    ];
    if let Some(fb) = p.fastback {
        cabin_profile.push((fb, Edge::Backlight));
    }
    cabin_profile.push(((p.glass_end, p.belt), Edge::Plain));
    let cabin_span = Span {
        bottom: (hw - 0.04, -(hw - 0.04)),
        top: (roof_hw, -roof_hw),
        z: (p.belt, p.height),
    };
    let mut cabin = extrude(&cabin_profile, cabin_span, |e| match e {
        Edge::Windscreen | Edge::Backlight => Finish::Glass,
        Edge::Plain => Finish::Trim,
        _ => Finish::Paint,
    });
    if p.kind == Kind::Open {
        // Only a windscreen frame stands: its roof edge is the frame's top.
        for f in &mut cabin.faces {
            if f.edge == Some(Edge::Backlight) {
                f.finish = Finish::Trim;
            }
        }
    }

    for f in &mut body_part.faces {
        add_body_details(f, &p, &body_points, body_span);
    }
    let cabin_points = points(&cabin_profile);
    for f in &mut cabin.faces {
        if f.side != 0.0 {
            add_windows(f, &p, &cabin_points, cabin_span);
        }
    }

    let mirror = |side: f64| {
        let x = p.cowl - 0.02;
        let profile = [
            ((x, p.belt), Edge::Plain),
            ((x + 0.04, p.belt + 0.13), Edge::Plain),
            ((x + 0.18, p.belt + 0.12), Edge::Plain),
            ((x + 0.18, p.belt + 0.01), Edge::Plain),
        ];
        let (inner, outer) = (hw - 0.04, hw + 0.11);
        let y = if side > 0.0 {
            (outer, inner)
        } else {
            (-inner, -outer)
        };
        let mut part = extrude(
            &profile,
            Span {
                bottom: y,
                top: y,
                z: (0.0, 1.0),
            },
            |_| Finish::Paint,
        );
        for f in &mut part.faces {
            if f.side != 0.0 {
                f.finish = Finish::Paint;
            }
        }
        part
    };

    let tyre_width = 0.22 + (p.wheel - 0.32) * 0.4;
    let wheels = [p.front_overhang, p.front_overhang + p.wheelbase]
        .into_iter()
        .flat_map(|x| {
            [1.0, -1.0].map(|side| Wheel {
                centre: v3(x, side * (hw - 0.015), p.wheel),
                side,
                radius: p.wheel,
                width: tyre_width,
            })
        })
        .collect();

    CarModel {
        proportions: p,
        body: body_part,
        cabin,
        mirrors: [mirror(1.0), mirror(-1.0)],
        wheels,
    }
}

/// Unit directions from 240° down to −60° in 20° steps: the wheel arch is
/// the part of this arc above the sill, to five decimals, so that every
/// platform draws the same bytes (libm implementations differ in the last
/// bits).
const ARC: [(f64, f64); 16] = [
    (-0.5, -0.86603),
    (-0.76604, -0.64279),
    (-0.93969, -0.34202),
    (-1.0, 0.0),
    (-0.93969, 0.34202),
    (-0.76604, 0.64279),
    (-0.5, 0.86603),
    (-0.17365, 0.98481),
    (0.17365, 0.98481),
    (0.5, 0.86603),
    (0.76604, 0.64279),
    (0.93969, 0.34202),
    (1.0, 0.0),
    (0.93969, -0.34202),
    (0.76604, -0.64279),
    (0.5, -0.86603),
];

/// Lamps, grille, badge and plate on the front and rear faces; wheel
/// arches, door cuts, handles, shoulder line and sill on the sides; the
/// open cockpit or the load bed on the waist.
fn add_body_details(f: &mut Face, p: &Proportions, profile: &[P2], span: Span) {
    let hw = p.width / 2.0;
    let gc = p.clearance;
    match (f.edge, f.side) {
        (Some(Edge::Front), _) => {
            let (a, b) = ((0.0, gc + 0.1), (0.0, p.nose - 0.04));
            let w = hw - 0.05;
            for s in [1.0, -1.0] {
                let lamp = vec![
                    on_edge(a, b, 0.6, s * (w - 0.02)),
                    on_edge(a, b, 0.96, s * w),
                    on_edge(a, b, 0.96, s * (w - 0.4)),
                    on_edge(a, b, 0.7, s * (w - 0.42)),
                ];
                f.details.push(Detail::Area(lamp, Finish::HeadLamp));
            }
            let grille = vec![
                on_edge(a, b, 0.36, -0.42),
                on_edge(a, b, 0.92, -0.38),
                on_edge(a, b, 0.92, 0.38),
                on_edge(a, b, 0.36, 0.42),
            ];
            f.details.push(Detail::Area(grille, Finish::Trim));
            f.details.push(Detail::Area(
                edge_quad(a, b, (0.04, 0.22), (-0.55, 0.55)),
                Finish::Trim,
            ));
            f.details.push(Detail::Badge {
                centre: on_edge(a, b, 0.64, 0.0),
                across: v3(0.0, 1.0, 0.0),
                up: v3(0.0, 0.0, 1.0),
            });
        }
        (Some(Edge::Rear), _) => {
            let (a, b) = ((p.length, p.tail - 0.06), (p.length, gc + 0.15));
            for s in [1.0, -1.0] {
                let lamp = edge_quad(a, b, (0.05, 0.3), (s * (hw - 0.06), s * (hw - 0.4)));
                f.details.push(Detail::Area(lamp, Finish::TailLamp));
            }
            f.details.push(Detail::Area(
                edge_quad(a, b, (0.42, 0.66), (-0.26, 0.26)),
                Finish::Plate,
            ));
            f.details.push(Detail::Area(
                edge_quad(a, b, (0.84, 0.97), (-0.6, 0.6)),
                Finish::Trim,
            ));
            f.details.push(Detail::Badge {
                centre: on_edge(a, b, 0.24, 0.0),
                across: v3(0.0, -1.0, 0.0),
                up: v3(0.0, 0.0, 1.0),
            });
        }
        (Some(Edge::Waist), _) if p.kind != Kind::Closed => {
            let (x0, x1) = match p.kind {
                Kind::Bed => (p.glass_end + 0.08, p.length - 0.1),
                _ => (p.cowl + 0.45, p.glass_end + 0.9),
            };
            let z = p.belt;
            let y = hw - 0.09;
            let well = vec![v3(x0, y, z), v3(x1, y, z), v3(x1, -y, z), v3(x0, -y, z)];
            f.details.push(Detail::Area(well, Finish::Cabin));
        }
        (None, side) if side != 0.0 => {
            let at = |x: f64, z: f64| v3(x, side * span.at(z).0, z);
            for x in [p.front_overhang, p.front_overhang + p.wheelbase] {
                let r = p.wheel + 0.07;
                // The arch is the circle above the sill: from where it meets the
                // sill at the front, over the top, to the sill at the back.
                let below = gc - p.wheel;
                let half = (r * r - below * below).max(0.0).sqrt();
                let mut arch = vec![at(x - half, gc)];
                arch.extend(
                    ARC.iter()
                        .filter(|(_, s)| r * s > below)
                        .map(|&(c, s)| at(x + r * c, p.wheel + r * s)),
                );
                arch.push(at(x + half, gc));
                f.details.push(Detail::Area(arch, Finish::Trim));
            }
            if let Some((x0, x1)) = span_at(profile, gc + 0.1) {
                let sill = vec![
                    at(x0 + 0.1, gc + 0.02),
                    at(x1 - 0.1, gc + 0.02),
                    at(x1 - 0.1, gc + 0.11),
                    at(x0 + 0.1, gc + 0.11),
                ];
                f.details.push(Detail::Area(sill, Finish::Trim));
            }
            for &x in p.doors {
                f.details.push(Detail::Line(
                    vec![at(x, gc + 0.14), at(x, p.belt - 0.01)],
                    Finish::Seam,
                ));
            }
            for w in p.doors.windows(2) {
                if let [_, back] = *w {
                    let z = p.belt - 0.12;
                    let handle = vec![
                        at(back - 0.26, z),
                        at(back - 0.1, z),
                        at(back - 0.1, z + 0.035),
                        at(back - 0.26, z + 0.035),
                    ];
                    f.details.push(Detail::Area(handle, Finish::Trim));
                }
            }
            let z = p.belt - 0.07;
            if let Some((x0, x1)) = span_at(profile, z) {
                f.details.push(Detail::Line(
                    vec![at(x0 + 0.12, z), at(x1 - 0.06, z)],
                    Finish::Highlight,
                ));
            }
        }
        _ => {}
    }
}

/// Side windows: the cabin side inset by the pillars, cut where the glass
/// ends (vans), with dark pillars between the panes.
fn add_windows(f: &mut Face, p: &Proportions, cabin: &[P2], span: Span) {
    let pillar = if p.kind == Kind::Open { 0.03 } else { 0.07 };
    let mut dist = vec![pillar; cabin.len()];
    if let Some(last) = dist.last_mut() {
        *last = 0.025;
    }
    let mut glass = inset(cabin, &dist);
    if let Some(limit) = p.glass_until {
        glass = clip_x(&glass, limit, true);
    }
    if glass.len() < 3 {
        return;
    }
    let side = f.side;
    let lift = |q: &P2| {
        let (l, r) = span.at(q.1);
        v3(q.0, if side > 0.0 { l } else { r }, q.1)
    };
    f.details.push(Detail::Area(
        glass.iter().map(lift).collect(),
        Finish::Glass,
    ));
    for &x in p.pillars {
        let strip = clip_x(&clip_x(&glass, x - 0.045, false), x + 0.045, true);
        if strip.len() >= 3 {
            f.details
                .push(Detail::Area(strip.iter().map(lift).collect(), Finish::Trim));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_body_type_builds_closed_convex_parts() {
        for body in BodyType::ALL {
            let m = build(body);
            assert!(m.body.faces.len() >= 10, "{body:?}");
            assert!(m.cabin.faces.len() >= 5, "{body:?}");
            assert_eq!(m.wheels.len(), 4);
            for f in m.body.faces.iter().chain(&m.cabin.faces) {
                assert!((f.normal.len() - 1.0).abs() < 1e-6, "{body:?}");
            }
            let p = m.proportions;
            assert!(p.front_overhang + p.wheelbase < p.length);
            assert!(p.nose < p.belt && p.belt < p.height, "{body:?}");
        }
    }

    #[test]
    fn body_types_have_distinct_proportions() {
        let key = |b| {
            let p = proportions(b);
            (p.length, p.height, p.roof, p.glass_end, p.kind)
        };
        for (i, a) in BodyType::ALL.iter().enumerate() {
            for b in &BodyType::ALL[i + 1..] {
                assert_ne!(
                    format!("{:?}", key(*a)),
                    format!("{:?}", key(*b)),
                    "{a:?} = {b:?}"
                );
            }
        }
    }

    #[test]
    fn span_of_a_square() {
        let sq = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)];
        assert_eq!(span_at(&sq, 1.0), Some((0.0, 2.0)));
        assert_eq!(span_at(&sq, 3.0), None);
    }
}
