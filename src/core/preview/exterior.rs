//! Drawing the model from an exterior camera: fit to the frame, then paint
//! back to front — shadow, far wheels, body, far mirror, cabin, near
//! mirror, near wheels. Each part is convex, so culling the faces that look
//! away is all the hidden-surface work a part needs.

use crate::core::angles::Angle;
use crate::core::preview::geometry::{centroid, v3, Camera, V3};
use crate::core::preview::model::{CarModel, Detail, Face, Finish, Part, Wheel};
use crate::core::preview::svg::{push_hex, push_num, push_points, Rgb, WHITE};

const TRIM: Rgb = Rgb([0x23, 0x26, 0x2b]);
const CABIN: Rgb = Rgb([0x2e, 0x2f, 0x33]);

/// Where in the picture the car goes: the box to fit it in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    /// Centre of the car's box, in pixels.
    pub(crate) centre: (f64, f64),
    /// The largest box the car may fill, in pixels.
    pub(crate) room: (f64, f64),
}

/// Maps car space to pixels for one camera.
struct View {
    cam: Camera,
    scale: f64,
    offset: (f64, f64),
}

impl View {
    fn new(model: &CarModel, angle: Angle, frame: Frame) -> View {
        let cam = Camera::for_angle(angle);
        let p = model.proportions;
        let mut pts: Vec<V3> = [
            &model.body,
            &model.cabin,
            &model.mirrors[0],
            &model.mirrors[1],
        ]
        .iter()
        .flat_map(|part| part.faces.iter().flat_map(|f| f.points.iter().copied()))
        .collect();
        for w in &model.wheels {
            for (dx, dz) in [(1.0, 0.0), (-1.0, 0.0), (0.0, -1.0)] {
                pts.push(w.centre + v3(dx * w.radius, 0.0, dz * w.radius));
            }
        }
        let (mut lo, mut hi) = ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
        for q in &pts {
            let (x, y) = cam.project(*q);
            lo = (lo.0.min(x), lo.1.min(y));
            hi = (hi.0.max(x), hi.1.max(y));
        }
        let (w, h) = ((hi.0 - lo.0).max(0.1), (hi.1 - lo.1).max(0.1));
        let scale = (frame.room.0 / w)
            .min(frame.room.1 / h)
            .min(frame.room.0 / (p.length * 0.78));
        let mid = ((lo.0 + hi.0) / 2.0, (lo.1 + hi.1) / 2.0);
        View {
            cam,
            scale,
            offset: (
                frame.centre.0 - mid.0 * scale,
                frame.centre.1 + mid.1 * scale,
            ),
        }
    }

    fn px(&self, p: V3) -> (f64, f64) {
        let (x, y) = self.cam.project(p);
        (
            self.offset.0 + x * self.scale,
            self.offset.1 - y * self.scale,
        )
    }

    /// Every point in pixels.
    fn pxs(&self, pts: &[V3]) -> Vec<(f64, f64)> {
        let mut out = Vec::with_capacity(pts.len());
        for &p in pts {
            out.push(self.px(p));
        }
        out
    }

    /// A car-space vector as a pixel-space vector.
    fn vec(&self, d: V3) -> (f64, f64) {
        let (x, y) = self.cam.project(d);
        (x * self.scale, -y * self.scale)
    }
}

/// The colours of one rendering.
pub(crate) struct Palette {
    pub(crate) paint: Rgb,
    /// Prefix of this SVG's ids, so several inline SVGs never clash.
    pub(crate) id: String,
}

struct Painter<'a> {
    out: &'a mut String,
    view: View,
    palette: &'a Palette,
    badge: &'a str,
    gradients: String,
    next_gradient: usize,
}

impl Painter<'_> {
    fn shade(&self, n: V3) -> Rgb {
        let lambert = n.dot(self.view.cam.light).max(0.0);
        let base = self.palette.paint.scale(0.5 + 0.62 * lambert);
        base.mix(WHITE, (lambert - 0.65).max(0.0) * 0.35)
    }

    fn polygon(&mut self, pts: &[V3], fill: &str, extra: &str) {
        let px = self.view.pxs(pts);
        self.out.push_str("<polygon points=\"");
        push_points(self.out, &px);
        self.out.push_str("\" fill=\"");
        self.out.push_str(fill);
        self.out.push('"');
        self.out.push_str(extra);
        self.out.push_str("/>");
    }

    fn colour(c: Rgb) -> String {
        let mut s = String::new();
        push_hex(&mut s, c);
        s
    }

    fn fill_of(&mut self, face_normal: V3, finish: Finish) -> String {
        match finish {
            Finish::Paint => Self::colour(self.shade(face_normal)),
            Finish::PaintSide => {
                // Vertical panels: the requested paint itself across the middle,
                // a lighter shoulder and a darker lower body; the panel facing
                // away from the light a little darker overall.
                let facing = face_normal.dot(self.view.cam.light) >= 0.0;
                let mid = if facing {
                    self.palette.paint
                } else {
                    self.palette.paint.scale(0.9)
                };
                let id = format!("{}p{}", self.palette.id, self.next_gradient);
                self.next_gradient += 1;
                let g = &mut self.gradients;
                g.push_str("<linearGradient id=\"");
                g.push_str(&id);
                g.push_str("\" x2=\"0\" y2=\"1\"><stop stop-color=\"");
                push_hex(g, mid.scale(1.08).mix(WHITE, 0.14));
                g.push_str("\"/><stop offset=\".45\" stop-color=\"");
                push_hex(g, mid);
                g.push_str("\"/><stop offset=\"1\" stop-color=\"");
                push_hex(g, mid.scale(0.6));
                g.push_str("\"/></linearGradient>");
                format!("url(#{id})")
            }
            Finish::Glass => format!("url(#{}g)", self.palette.id),
            Finish::Trim | Finish::Seam => Self::colour(TRIM),
            Finish::Cabin => Self::colour(CABIN),
            Finish::HeadLamp => format!("url(#{}l)", self.palette.id),
            Finish::TailLamp => "#b5121b".to_owned(),
            Finish::Plate => "#f3f3ef".to_owned(),
            Finish::Highlight => Self::colour(self.shade(face_normal).mix(WHITE, 0.55)),
        }
    }

    fn face(&mut self, f: &Face) {
        let fill = self.fill_of(f.normal, f.finish);
        self.polygon(&f.points, &fill, "");
        for d in &f.details {
            self.detail(f.normal, d);
        }
    }

    fn detail(&mut self, normal: V3, d: &Detail) {
        match d {
            Detail::Area(pts, finish) => {
                let fill = self.fill_of(normal, *finish);
                let extra = match finish {
                    Finish::HeadLamp => " stroke=\"#7d8791\" stroke-width=\"1\"",
                    Finish::TailLamp => " stroke=\"#5a0a0f\" stroke-width=\"1\"",
                    Finish::Plate => " stroke=\"#6b6f75\" stroke-width=\"1\"",
                    _ => "",
                };
                self.polygon(pts, &fill, extra);
            }
            Detail::Line(pts, finish) => {
                let px = self.view.pxs(pts);
                let stroke = self.fill_of(normal, *finish);
                let (width, opacity) = match finish {
                    Finish::Highlight => (0.014, ".85"),
                    _ => (0.008, ".45"),
                };
                self.out.push_str("<polyline points=\"");
                push_points(self.out, &px);
                self.out.push_str("\" fill=\"none\" stroke=\"");
                self.out.push_str(&stroke);
                self.out.push_str("\" stroke-width=\"");
                push_num(self.out, width * self.view.scale, 1);
                self.out
                    .push_str("\" stroke-linecap=\"round\" stroke-opacity=\"");
                self.out.push_str(opacity);
                self.out.push_str("\"/>");
            }
            Detail::Badge { centre, across, up } => self.badge(*centre, *across, *up),
        }
    }

    /// Opens `<g transform="matrix(…)">` mapping local units of `unit`
    /// metres along `a` (right) and `b` (down) at `origin`.
    fn open_group(&mut self, origin: V3, a: V3, b: V3, unit: f64) {
        let (ax, ay) = self.view.vec(a * unit);
        let (bx, by) = self.view.vec(b * unit);
        let (ox, oy) = self.view.px(origin);
        self.out.push_str("<g transform=\"matrix(");
        for (i, v) in [ax, ay, bx, by].into_iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            push_num(self.out, v, 3);
        }
        self.out.push(' ');
        push_num(self.out, ox, 1);
        self.out.push(' ');
        push_num(self.out, oy, 1);
        self.out.push_str(")\">");
    }

    fn badge(&mut self, centre: V3, across: V3, up: V3) {
        // Local units are centimetres; text reads left to right on the face.
        let across = if self.view.vec(across).0 < 0.0 {
            across * -1.0
        } else {
            across
        };
        self.open_group(centre, across, up * -1.0, 0.01);
        let size = if self.badge.chars().count() > 1 {
            "5"
        } else {
            "7.5"
        };
        self.out.push_str("<ellipse rx=\"10\" ry=\"6\" fill=\"#dfe3e8\" stroke=\"#7f868f\" stroke-width=\".8\"/><text y=\"2.5\" font-size=\"");
        self.out.push_str(size);
        self.out.push_str("\" font-family=\"Arial,Helvetica,sans-serif\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#2b2f35\">");
        self.out.push_str(self.badge);
        self.out.push_str("</text></g>");
    }

    fn part(&mut self, part: &Part) {
        for f in &part.faces {
            if self.view.cam.sees(f.normal) {
                self.face(f);
            }
        }
    }

    /// The tyre as a solid: the inner rim's ellipse and the tread between
    /// the two rims. Drawn before the body, which hides what it covers.
    fn tyre(&mut self, w: &Wheel) {
        let inner = w.centre - v3(0.0, w.side * w.width, 0.0);
        let u = self.view.vec(v3(w.radius, 0.0, 0.0));
        let v = self.view.vec(v3(0.0, 0.0, w.radius));
        let (co, ci) = (self.view.px(w.centre), self.view.px(inner));
        let tyre = "#1c1d20";
        self.ellipse(ci, u, v, tyre);
        let axis = (co.0 - ci.0, co.1 - ci.1);
        let alen = (axis.0 * axis.0 + axis.1 * axis.1).sqrt();
        if alen > 0.5 {
            // The tread: the hull of the two rims' ellipses across the axis.
            let n = (-axis.1 / alen, axis.0 / alen);
            let (nu, nv) = (n.0 * u.0 + n.1 * u.1, n.0 * v.0 + n.1 * v.1);
            let k = (nu * nu + nv * nv).sqrt().max(1e-9);
            let e = ((u.0 * nu + v.0 * nv) / k, (u.1 * nu + v.1 * nv) / k);
            let band = [
                (co.0 + e.0, co.1 + e.1),
                (co.0 - e.0, co.1 - e.1),
                (ci.0 - e.0, ci.1 - e.1),
                (ci.0 + e.0, ci.1 + e.1),
            ];
            self.out.push_str("<polygon points=\"");
            push_points(self.out, &band);
            self.out.push_str("\" fill=\"#26272b\"/>");
        }
        if !self.view.cam.sees(v3(0.0, w.side, 0.0)) {
            self.ellipse(co, u, v, tyre);
        }
    }

    /// The outer face of a wheel on the side the camera sees: tyre wall, dark
    /// rim well, five silver spokes, lip and hub, in units of R/100.
    fn wheel_face(&mut self, w: &Wheel) {
        self.open_group(
            w.centre,
            v3(1.0, 0.0, 0.0),
            v3(0.0, 0.0, -1.0),
            w.radius / 100.0,
        );
        self.out.push_str(concat!(
            "<circle r=\"100\" fill=\"#1c1d20\"/><circle r=\"66\" fill=\"#3b3f45\"/>",
            "<path d=\"M0-15V-62M14-5L59-19M9 12L36 50M-9 12L-36 50M-14-5L-59-19\" stroke=\"#c3c8cf\" stroke-width=\"12\" stroke-linecap=\"round\"/>",
            "<circle r=\"63\" fill=\"none\" stroke=\"#aab0b8\" stroke-width=\"6\"/><circle r=\"16\" fill=\"#c3c8cf\"/></g>",
        ));
    }

    fn ellipse(&mut self, c: (f64, f64), u: (f64, f64), v: (f64, f64), fill: &str) {
        self.out.push_str("<circle r=\"1\" fill=\"");
        self.out.push_str(fill);
        self.out.push_str("\" transform=\"matrix(");
        for (i, x) in [u.0, u.1, v.0, v.1].into_iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            push_num(self.out, x, 1);
        }
        self.out.push(' ');
        push_num(self.out, c.0, 1);
        self.out.push(' ');
        push_num(self.out, c.1, 1);
        self.out.push_str(")\"/>");
    }
}

/// Draws the car from an exterior angle into `out`; returns the `<defs>`
/// content (gradients) the drawing refers to.
pub(crate) fn draw(
    out: &mut String,
    model: &CarModel,
    angle: Angle,
    frame: Frame,
    palette: &Palette,
    badge: &str,
) -> String {
    let view = View::new(model, angle, frame);
    let mut p = Painter {
        out,
        view,
        palette,
        badge,
        gradients: String::new(),
        next_gradient: 0,
    };
    let pr = model.proportions;

    // Shadow on the ground.
    let ground = v3(pr.length / 2.0, 0.0, 0.0);
    let u = p.view.vec(v3(pr.length * 0.56, 0.0, 0.0));
    let v = p.view.vec(v3(0.0, pr.width * 0.7, 0.0));
    let c = p.view.px(ground);
    let shadow = format!("url(#{}s)", palette.id);
    p.ellipse(c, u, v, &shadow);

    for w in &model.wheels {
        p.tyre(w);
    }
    p.part(&model.body);
    let mirror_near = |m: &Part| {
        let c = centroid(
            &m.faces
                .iter()
                .flat_map(|f| f.points.clone())
                .collect::<Vec<_>>(),
        );
        c.y * p.view.cam.toward.y >= -1e-9
    };
    let (near_mirrors, far_mirrors): (Vec<&Part>, Vec<&Part>) =
        model.mirrors.iter().partition(|m| mirror_near(m));
    for m in far_mirrors {
        p.part(m);
    }
    p.part(&model.cabin);
    for m in near_mirrors {
        p.part(m);
    }
    for w in &model.wheels {
        if p.view.cam.sees(v3(0.0, w.side, 0.0)) {
            p.wheel_face(w);
        }
    }
    p.gradients
}
