//! A minimal SVG writer: compact numbers, colours, and XML escaping of
//! every text that comes from input.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rgb(pub(crate) [u8; 3]);

impl Rgb {
    /// Every channel times `k`, clamped.
    pub(crate) fn scale(self, k: f64) -> Rgb {
        Rgb(self
            .0
            .map(|c| (f64::from(c) * k).round().clamp(0.0, 255.0) as u8))
    }

    /// `t` of the way from `self` to `other`.
    pub(crate) fn mix(self, other: Rgb, t: f64) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let mut out = [0u8; 3];
        for ((o, a), b) in out.iter_mut().zip(self.0).zip(other.0) {
            *o = (f64::from(a) + (f64::from(b) - f64::from(a)) * t)
                .round()
                .clamp(0.0, 255.0) as u8;
        }
        Rgb(out)
    }
}

/// White.
pub(crate) const WHITE: Rgb = Rgb([255, 255, 255]);

/// Appends `#rrggbb`.
pub(crate) fn push_hex(out: &mut String, c: Rgb) {
    out.push('#');
    out.push_str(&crate::core::text::hex(&c.0));
}

/// Appends a number rounded to `decimals` decimals, trailing zeros and
/// a leading `0` before the point dropped (`12.5`, `-3`, `.25`), so the
/// drawings stay compact and byte-identical on every platform.
pub(crate) fn push_num(out: &mut String, x: f64, decimals: u32) {
    let decimals = decimals.min(6);
    let scale = 10f64.powi(decimals as i32);
    // Rounded on the decimal grid first (half away from zero); `as`
    // saturates and maps NaN to 0: geometry never produces either, but a
    // bad number must not become a panic.
    let steps = (x * scale).round() as i64;
    let text = format!("{:.*}", decimals as usize, steps as f64 / scale);
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    match text {
        "-0" => out.push('0'),
        t => match t.strip_prefix("0.").or_else(|| t.strip_prefix("-0.")) {
            Some(fraction) => {
                if t.starts_with('-') {
                    out.push('-');
                }
                out.push('.');
                out.push_str(fraction);
            }
            None => out.push_str(t),
        },
    }
}

/// Appends `x,y x,y …` for a `points` attribute, with one decimal.
pub(crate) fn push_points(out: &mut String, points: &[(f64, f64)]) {
    for (i, &(x, y)) in points.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_num(out, x, 1);
        out.push(',');
        push_num(out, y, 1);
    }
}

/// Appends text with `&`, `<`, `>`, `"` and `'` escaped, and characters
/// XML 1.0 forbids dropped, so input can never break out of an element
/// or an attribute.
pub(crate) fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(x: f64, d: u32) -> String {
        let mut s = String::new();
        push_num(&mut s, x, d);
        s
    }

    #[test]
    fn numbers_are_compact() {
        assert_eq!(num(12.0, 1), "12");
        assert_eq!(num(12.25, 1), "12.3");
        assert_eq!(num(-3.04, 1), "-3");
        assert_eq!(num(0.25, 2), ".25");
        assert_eq!(num(-0.25, 2), "-.25");
        assert_eq!(num(0.0, 2), "0");
        assert_eq!(num(-0.001, 1), "0");
        assert_eq!(num(1.05, 3), "1.05");
        assert_eq!(num(f64::NAN, 1), "0");
    }

    #[test]
    fn escaping_covers_markup_and_quotes() {
        let mut s = String::new();
        push_escaped(&mut s, "<script>\"&'\u{0}x");
        assert_eq!(s, "&lt;script&gt;&quot;&amp;&#39;x");
    }

    #[test]
    fn colours() {
        let mut s = String::new();
        push_hex(&mut s, Rgb([31, 78, 156]).scale(0.5));
        assert_eq!(s, "#10274e");
        assert_eq!(Rgb([0, 0, 0]).mix(WHITE, 0.5), Rgb([128, 128, 128]));
    }
}
