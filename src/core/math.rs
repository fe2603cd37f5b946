//! The transcendental functions the colour science needs. In the browser
//! they are JavaScript's `Math` (correctly rounded to within an ulp, as
//! std's are), so the release wasm carries no copy of libm (about 9 KB);
//! natively they are std's.

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::Math;

    pub(super) fn sin(x: f64) -> f64 {
        Math::sin(x)
    }
    pub(super) fn cos(x: f64) -> f64 {
        Math::cos(x)
    }
    pub(super) fn atan2(y: f64, x: f64) -> f64 {
        Math::atan2(y, x)
    }
    pub(super) fn exp(x: f64) -> f64 {
        Math::exp(x)
    }
    pub(super) fn powf(x: f64, y: f64) -> f64 {
        Math::pow(x, y)
    }
    pub(super) fn cbrt(x: f64) -> f64 {
        Math::cbrt(x)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub(super) fn sin(x: f64) -> f64 {
        x.sin()
    }
    pub(super) fn cos(x: f64) -> f64 {
        x.cos()
    }
    pub(super) fn atan2(y: f64, x: f64) -> f64 {
        y.atan2(x)
    }
    pub(super) fn exp(x: f64) -> f64 {
        x.exp()
    }
    pub(super) fn powf(x: f64, y: f64) -> f64 {
        x.powf(y)
    }
    pub(super) fn cbrt(x: f64) -> f64 {
        x.cbrt()
    }
}

/// Sine of `x` radians.
pub fn sin(x: f64) -> f64 {
    imp::sin(x)
}

/// Cosine of `x` radians.
pub fn cos(x: f64) -> f64 {
    imp::cos(x)
}

/// The angle of the point `(x, y)`, in radians in `(-π, π]`.
pub fn atan2(y: f64, x: f64) -> f64 {
    imp::atan2(y, x)
}

/// `e` to the power `x`.
pub fn exp(x: f64) -> f64 {
    imp::exp(x)
}

/// `x` to the power `y`.
pub fn powf(x: f64, y: f64) -> f64 {
    imp::powf(x, y)
}

/// Cube root of `x`.
pub fn cbrt(x: f64) -> f64 {
    imp::cbrt(x)
}
