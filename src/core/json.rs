//! JSON text for the values the module hands to JavaScript (plans,
//! responses, events). The shell turns it into objects with one
//! `JSON.parse`, which is smaller in the wasm than a serialiser framework
//! and faster than setting properties one call at a time.

use crate::core::generate::encode::push_json_string;
use crate::core::pairs::Pairs;
use crate::core::text::{push_digits, push_fraction};

/// Implements [`ToJson`] for a struct as a JSON object of the listed
/// fields, in this order: `json_object!(Reference { "url": url, … })`.
macro_rules! json_object {
    ($t:ty { $($key:literal: $field:ident),* $(,)? }) => {
        impl $crate::core::json::ToJson for $t {
            fn write(&self, w: &mut $crate::core::json::Json) {
                w.begin_object();
                $( w.field($key, &self.$field); )*
                w.end_object();
            }
        }
    };
}
pub(crate) use json_object;

/// A value that can write itself as JSON.
pub trait ToJson {
    /// Appends this value to `w`.
    fn write(&self, w: &mut Json);
}

/// A JSON document being written; the writer places the commas.
#[derive(Debug, Default)]
pub struct Json {
    out: String,
    /// True right after `{`, `[` or a key: the next value needs no comma.
    fresh: bool,
}

impl Json {
    /// The JSON text of `value`.
    pub fn text(value: &dyn ToJson) -> String {
        let mut w = Json {
            out: String::with_capacity(256),
            fresh: true,
        };
        value.write(&mut w);
        w.out
    }

    fn value(&mut self) -> &mut String {
        if !self.fresh {
            self.out.push(',');
        }
        self.fresh = false;
        &mut self.out
    }

    /// Opens an object; fill it with [`Json::field`], end it with [`Json::end_object`].
    pub fn begin_object(&mut self) {
        self.value().push('{');
        self.fresh = true;
    }

    /// Closes the object opened last.
    pub fn end_object(&mut self) {
        self.out.push('}');
        self.fresh = false;
    }

    /// Writes `"key":value` into the open object.
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) {
        self.key(key);
        value.write(self);
    }

    /// Writes `"key":`, once for every field rather than inlined into each.
    #[inline(never)]
    fn key(&mut self, key: &str) {
        push_json_string(self.value(), key);
        self.out.push(':');
        self.fresh = true;
    }

    /// Writes the field only when `value` is `Some` (the key is absent otherwise).
    pub fn field_if_some<T: ToJson>(&mut self, key: &str, value: &Option<T>) {
        if let Some(v) = value {
            self.field(key, v);
        }
    }

    fn raw(&mut self, text: &str) {
        self.value().push_str(text);
    }
}

impl ToJson for str {
    fn write(&self, w: &mut Json) {
        push_json_string(w.value(), self);
    }
}

impl ToJson for String {
    fn write(&self, w: &mut Json) {
        self.as_str().write(w);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write(&self, w: &mut Json) {
        (**self).write(w);
    }
}

impl ToJson for bool {
    fn write(&self, w: &mut Json) {
        w.raw(if *self { "true" } else { "false" });
    }
}

impl ToJson for i64 {
    fn write(&self, w: &mut Json) {
        let out = w.value();
        if *self < 0 {
            out.push('-');
        }
        push_digits(out, self.unsigned_abs());
    }
}

macro_rules! integer {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write(&self, w: &mut Json) {
                (*self as i64).write(w);
            }
        }
    )*};
}
integer!(u32, i32, usize);

/// Finite numbers with at most six decimals (the module's fractional
/// numbers are ΔE values rounded to one decimal, which stay exact);
/// `null` for NaN and infinities, as `JSON.stringify` writes them.
impl ToJson for f64 {
    fn write(&self, w: &mut Json) {
        if !self.is_finite() || self.abs() >= 9e12 {
            return w.raw("null");
        }
        let micros = (self * 1e6).round() as i64;
        let out = w.value();
        if micros < 0 {
            out.push('-');
        }
        let m = micros.unsigned_abs();
        push_digits(out, m / 1_000_000);
        push_fraction(out, m % 1_000_000, 6);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write(&self, w: &mut Json) {
        match self {
            Some(v) => v.write(w),
            None => w.raw("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write(&self, w: &mut Json) {
        w.value().push('[');
        w.fresh = true;
        for item in self {
            item.write(w);
        }
        w.out.push(']');
        w.fresh = false;
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write(&self, w: &mut Json) {
        self.as_slice().write(w);
    }
}

impl<V: ToJson> ToJson for Pairs<V> {
    fn write(&self, w: &mut Json) {
        w.begin_object();
        for (k, v) in self.iter() {
            w.field(k, v);
        }
        w.end_object();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Sample {
        name: &'static str,
        tags: Vec<String>,
        score: Option<f64>,
        missing: Option<u32>,
        absent: Option<u32>,
    }

    impl ToJson for Sample {
        fn write(&self, w: &mut Json) {
            w.begin_object();
            w.field("name", self.name);
            w.field("tags", &self.tags);
            w.field("score", &self.score);
            w.field("missing", &self.missing);
            w.field_if_some("absent", &self.absent);
            w.end_object();
        }
    }

    #[test]
    fn writes_objects_arrays_and_nulls_with_commas_in_place() {
        let s = Sample {
            name: "a\"b",
            tags: vec!["x".into(), "y".into()],
            score: Some(12.5),
            missing: None,
            absent: None,
        };
        assert_eq!(
            Json::text(&s),
            r#"{"name":"a\"b","tags":["x","y"],"score":12.5,"missing":null}"#
        );
        assert_eq!(Json::text(&Vec::<u32>::new()), "[]");
        assert_eq!(Json::text(&vec![vec![1u32], vec![]]), "[[1],[]]");
        let mut p = Pairs::new();
        p.insert("front", 3u32);
        p.insert("rear", 40u32);
        assert_eq!(Json::text(&p), r#"{"front":3,"rear":40}"#);
    }

    #[test]
    fn numbers_are_exact_integers_and_short_decimals() {
        let cases: [(f64, &str); 9] = [
            (0.0, "0"),
            (-0.0, "0"),
            (7.0, "7"),
            (12.3, "12.3"),
            (-0.5, "-0.5"),
            (0.000001, "0.000001"),
            (1.05, "1.05"),
            (f64::NAN, "null"),
            (f64::INFINITY, "null"),
        ];
        for (x, text) in cases {
            assert_eq!(Json::text(&x), text, "{x}");
        }
        assert_eq!(Json::text(&u32::MAX), "4294967295");
        assert_eq!(Json::text(&i32::MIN), "-2147483648");
        assert_eq!(Json::text(&0usize), "0");
        // A value rounded to tenths reads back as the same double.
        for tenths in 0..2000 {
            let x = f64::from(tenths) / 10.0;
            assert_eq!(Json::text(&x).parse::<f64>().ok(), Some(x));
        }
    }
}
