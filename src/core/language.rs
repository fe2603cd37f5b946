//! The languages carviews speaks to people: titles and messages.

/// A language for titles and captions. Input words are accepted in all three
/// whatever this is set to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// English (the default).
    #[default]
    En,
    /// Ukrainian.
    Uk,
    /// Russian.
    Ru,
}

impl Language {
    /// Parses a language tag: `en`, `uk`, `ru`, also with a region (`uk-UA`)
    /// and the common mistake `ua`. Unknown tags give `None`.
    pub fn parse(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Language::En),
            "uk" | "ua" => Some(Language::Uk),
            "ru" => Some(Language::Ru),
            _ => None,
        }
    }

    /// The tag this language is written as (`en`, `uk`, `ru`).
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Uk => "uk",
            Language::Ru => "ru",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_with_regions_and_rejects_others() {
        assert_eq!(Language::parse("en"), Some(Language::En));
        assert_eq!(Language::parse("uk-UA"), Some(Language::Uk));
        assert_eq!(Language::parse(" UA "), Some(Language::Uk));
        assert_eq!(Language::parse("ru_RU"), Some(Language::Ru));
        assert_eq!(Language::parse("de"), None);
        assert_eq!(Language::parse(""), None);
    }
}
