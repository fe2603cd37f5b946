//! Plain text from the HTML snippets of Commons' `extmetadata`.

use crate::core::text::digits;

/// Drops tags, decodes the common entities, collapses white space.
pub fn strip_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if in_tag => {}
            '&' => {
                let mut entity = String::new();
                while let Some(&n) = chars.peek() {
                    if n == ';' || entity.len() > 8 || !(n.is_ascii_alphanumeric() || n == '#') {
                        break;
                    }
                    entity.push(n);
                    chars.next();
                }
                if chars.peek() == Some(&';') {
                    chars.next();
                    match decode_entity(&entity) {
                        Some(d) => out.push(d),
                        None => {
                            out.push('&');
                            out.push_str(&entity);
                            out.push(';');
                        }
                    }
                } else {
                    out.push('&');
                    out.push_str(&entity);
                }
            }
            c => out.push(c),
        }
    }
    crate::core::text::collapse_whitespace(&out)
}

fn decode_entity(e: &str) -> Option<char> {
    match e {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" | "#39" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let n = e.strip_prefix('#')?;
            let code = match n.strip_prefix('x').or_else(|| n.strip_prefix('X')) {
                Some(hex) => digits(hex, 16)?,
                None => digits(n, 10)?,
            };
            char::from_u32(code).filter(|c| !c.is_control())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_decodes_entities() {
        assert_eq!(
            strip_html("<a href=\"//commons.wikimedia.org/wiki/User:Vauxford\" title=\"User:Vauxford\">Vauxford</a>"),
            "Vauxford"
        );
        assert_eq!(
            strip_html("<span class=\"x\">A &amp; B&nbsp;&#169; &#x41;</span>\n  <b>C</b>"),
            "A & B © A C"
        );
        assert_eq!(strip_html("Tom &unknown; & Jerry"), "Tom &unknown; & Jerry");
        assert_eq!(strip_html("<script>x</script>plain"), "x plain");
        assert_eq!(strip_html(""), "");
    }
}
