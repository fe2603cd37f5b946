//! The little 3D geometry the renderer needs: vectors, the orthographic
//! camera of each canonical angle, and convex-polygon helpers.

use std::ops::{Add, Mul, Sub};

use crate::core::angles::Angle;

/// A point or direction in car space, in metres: `x` from the front bumper
/// backwards, `y` towards the car's left, `z` up from the ground.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct V3 {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) z: f64,
}

/// Shorthand constructor.
pub(crate) const fn v3(x: f64, y: f64, z: f64) -> V3 {
    V3 { x, y, z }
}

impl V3 {
    pub(crate) fn dot(self, o: V3) -> f64 {
        self.x * o.x + self.y * o.y + self.z * o.z
    }

    pub(crate) fn cross(self, o: V3) -> V3 {
        v3(
            self.y * o.z - self.z * o.y,
            self.z * o.x - self.x * o.z,
            self.x * o.y - self.y * o.x,
        )
    }

    pub(crate) fn len(self) -> f64 {
        self.dot(self).sqrt()
    }

    pub(crate) fn unit(self) -> V3 {
        let l = self.len();
        if l > 1e-12 {
            self * (1.0 / l)
        } else {
            self
        }
    }
}

impl Add for V3 {
    type Output = V3;
    fn add(self, o: V3) -> V3 {
        v3(self.x + o.x, self.y + o.y, self.z + o.z)
    }
}

impl Sub for V3 {
    type Output = V3;
    fn sub(self, o: V3) -> V3 {
        v3(self.x - o.x, self.y - o.y, self.z - o.z)
    }
}

impl Mul<f64> for V3 {
    type Output = V3;
    fn mul(self, k: f64) -> V3 {
        v3(self.x * k, self.y * k, self.z * k)
    }
}

/// The mean of some points.
pub(crate) fn centroid(points: &[V3]) -> V3 {
    let n = points.len().max(1) as f64;
    points.iter().fold(v3(0.0, 0.0, 0.0), |acc, p| acc + *p) * (1.0 / n)
}

/// An orthographic camera: screen axes and the direction towards the viewer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Camera {
    /// Screen right, in car space.
    pub(crate) right: V3,
    /// Screen up, in car space.
    pub(crate) up: V3,
    /// From the car towards the camera.
    pub(crate) toward: V3,
    /// Towards the key light (above, a little to the viewer's left).
    pub(crate) light: V3,
}

const H: f64 = std::f64::consts::FRAC_1_SQRT_2;

impl Camera {
    /// The camera of an exterior angle. Yaw is the direction from the car to
    /// the camera (the nose points to −x); pitch lifts the camera a little,
    /// so roof and bonnet show as they do in a photograph.
    pub(crate) fn for_angle(angle: Angle) -> Camera {
        // (cos, sin) of the yaw and of the pitch; fixed angles, so no trigonometry.
        let (yaw, pitch) = match angle {
            // Orthographic, so small pitches: a photograph's perspective
            // shrinks the far end of the roof; this projection does not.
            Angle::Front => ((-1.0, 0.0), (0.99756, 0.06976)),
            Angle::FrontLeft => ((-H, H), (0.98163, 0.19081)),
            Angle::FrontRight => ((-H, -H), (0.98163, 0.19081)),
            Angle::Side => ((0.0, 1.0), (0.99863, 0.05234)),
            Angle::SideRight => ((0.0, -1.0), (0.99863, 0.05234)),
            Angle::Rear => ((1.0, 0.0), (0.99756, 0.06976)),
            Angle::RearLeft => ((H, H), (0.98163, 0.19081)),
            Angle::RearRight => ((H, -H), (0.98163, 0.19081)),
            // From high above the left side, nose to the left: a bird's-eye
            // view that still reads as a car (straight down it is a slab).
            Angle::Top | Angle::Interior => ((0.0, 1.0), (0.34202, 0.93969)),
        };
        let ((cy, sy), (cp, sp)) = (yaw, pitch);
        let toward = v3(cp * cy, cp * sy, sp);
        let right = v3(sy, -cy, 0.0);
        let up = right.cross(toward);
        let light = (toward * 0.55 + v3(0.0, 0.0, 1.0) - right * 0.45).unit();
        Camera {
            right,
            up,
            toward,
            light,
        }
    }

    /// Screen coordinates (x right, y up) of a point, in metres.
    pub(crate) fn project(&self, p: V3) -> (f64, f64) {
        (p.dot(self.right), p.dot(self.up))
    }

    /// Whether a face with this outward normal faces the viewer.
    pub(crate) fn sees(&self, normal: V3) -> bool {
        normal.dot(self.toward) > 1e-6
    }
}

/// A 2D point in a car's side profile: (`x` along the car, `z` up).
pub(crate) type P2 = (f64, f64);

/// The edges of a closed polygon, as (start, end) pairs.
pub(crate) fn edges(poly: &[P2]) -> impl Iterator<Item = (P2, P2)> + '_ {
    poly.iter()
        .copied()
        .zip(poly.iter().copied().cycle().skip(1))
}

/// Insets a convex polygon: each edge moves inwards by its own distance
/// (`dist[i]` for the edge from point `i` to `i + 1`), and adjacent moved
/// edges are intersected. Works for either orientation.
pub(crate) fn inset(poly: &[P2], dist: &[f64]) -> Vec<P2> {
    let n = poly.len();
    if n < 3 || dist.len() != n {
        return poly.to_vec();
    }
    let area2: f64 = edges(poly).map(|(a, b)| a.0 * b.1 - b.0 * a.1).sum();
    let inward = if area2 > 0.0 { 1.0 } else { -1.0 };
    // Each edge as a point and a direction, moved along its inward normal.
    let lines: Vec<(P2, P2)> = edges(poly)
        .zip(dist)
        .map(|((a, b), d)| {
            let (dx, dz) = (b.0 - a.0, b.1 - a.1);
            let l = (dx * dx + dz * dz).sqrt().max(1e-12);
            let (nx, nz) = (-dz / l * inward, dx / l * inward);
            ((a.0 + nx * d, a.1 + nz * d), (dx, dz))
        })
        .collect();
    // Point i is where the line of edge i − 1 meets the line of edge i.
    lines
        .iter()
        .cycle()
        .skip(n - 1)
        .zip(&lines)
        .map(|(&(p1, d1), &(p2, d2))| {
            let det = d1.0 * d2.1 - d1.1 * d2.0;
            if det.abs() < 1e-12 {
                return p2;
            }
            let t = ((p2.0 - p1.0) * d2.1 - (p2.1 - p1.1) * d2.0) / det;
            (p1.0 + d1.0 * t, p1.1 + d1.1 * t)
        })
        .collect()
}

/// Keeps the part of a polygon left of `x = limit` (`keep_below`) or right
/// of it (Sutherland–Hodgman against one vertical line).
pub(crate) fn clip_x(poly: &[P2], limit: f64, keep_below: bool) -> Vec<P2> {
    let inside = |p: P2| {
        if keep_below {
            p.0 <= limit
        } else {
            p.0 >= limit
        }
    };
    let mut out = Vec::with_capacity(poly.len() + 2);
    for (a, b) in edges(poly) {
        if inside(a) {
            out.push(a);
        }
        if inside(a) != inside(b) {
            let t = (limit - a.0) / (b.0 - a.0);
            out.push((limit, a.1 + (b.1 - a.1) * t));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cameras_are_orthonormal_and_see_the_right_side() {
        for a in Angle::ALL {
            let c = Camera::for_angle(a);
            assert!((c.right.len() - 1.0).abs() < 1e-3);
            assert!((c.up.len() - 1.0).abs() < 1e-3, "{a:?}");
            assert!(c.right.dot(c.toward).abs() < 1e-3);
            assert!(c.up.dot(c.toward).abs() < 1e-3);
        }
        assert!(Camera::for_angle(Angle::Front).sees(v3(-1.0, 0.0, 0.0)));
        assert!(Camera::for_angle(Angle::Side).sees(v3(0.0, 1.0, 0.0)));
        assert!(!Camera::for_angle(Angle::Side).sees(v3(0.0, -1.0, 0.0)));
        assert!(Camera::for_angle(Angle::RearRight).sees(v3(1.0, 0.0, 0.0)));
        assert!(Camera::for_angle(Angle::Top).sees(v3(0.0, 0.0, 1.0)));
        // Looking at the front, the car's left (+y) is on screen right.
        assert!(Camera::for_angle(Angle::Front).project(v3(0.0, 1.0, 0.0)).0 > 0.0);
        // In the left profile, the nose (−x) is on screen left.
        assert!(Camera::for_angle(Angle::Side).project(v3(-1.0, 0.0, 0.0)).0 < 0.0);
    }

    #[test]
    fn inset_shrinks_a_square_evenly() {
        let sq = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)];
        let r = inset(&sq, &[0.5; 4]);
        let want = [(0.5, 0.5), (1.5, 0.5), (1.5, 1.5), (0.5, 1.5)];
        for (p, w) in r.iter().zip(want) {
            assert!(
                (p.0 - w.0).abs() < 1e-9 && (p.1 - w.1).abs() < 1e-9,
                "{r:?}"
            );
        }
    }

    #[test]
    fn clip_keeps_one_side() {
        let sq = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)];
        let left = clip_x(&sq, 1.0, true);
        assert!(left.iter().all(|p| p.0 <= 1.0));
        assert_eq!(left.len(), 4);
        let right = clip_x(&sq, 1.0, false);
        assert!(right.iter().all(|p| p.0 >= 1.0));
    }
}
