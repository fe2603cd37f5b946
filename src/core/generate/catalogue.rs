//! Pollinations' model catalogue (`GET {base}/image/models`, no key): which
//! models exist, which take an image as input (a reference model must),
//! and which are paid-only.

use serde::Serialize;

use crate::core::error::{CarViewsError, Rule};
use crate::core::generate::encode::join_url;
use crate::core::generate::options::PollinationsOptions;
use crate::core::raw::Raw;

/// One model of the catalogue, as `pollinationsModels` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    target_arch = "wasm32",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct ModelInfo {
    /// The name to pass as `model` / `referenceModel`.
    pub name: String,
    /// What the service says about it.
    pub description: String,
    /// `text`, `image`, …: what it takes.
    pub input_modalities: Vec<String>,
    /// What it makes.
    pub output_modalities: Vec<String>,
    /// Whether only paid balance may use it.
    pub paid_only: bool,
}

impl ModelInfo {
    /// Whether it takes an image as input (a reference model must).
    pub fn takes_image(&self) -> bool {
        self.input_modalities.iter().any(|m| m == "image")
    }
}

/// The catalogue's URL.
pub fn catalogue_url(base_url: &str) -> String {
    join_url(base_url, "image/models")
}

fn strings(raw: &Raw) -> Vec<String> {
    raw.items()
        .iter()
        .filter_map(|m| m.as_str().map(str::to_owned))
        .collect()
}

/// The models of the catalogue's answer: an array of objects (or of bare
/// names, as older deployments answered); anything else is an error.
pub fn parse_catalogue(raw: &Raw) -> Result<Vec<ModelInfo>, String> {
    let Raw::List(items) = raw else {
        return Err("the model catalogue is not a list".to_owned());
    };
    let models: Vec<ModelInfo> = items
        .iter()
        .filter_map(|item| {
            let (name, entry) = match item {
                Raw::Text(name) => (name.clone(), &Raw::Missing),
                entry => (entry.get("name").as_str()?.to_owned(), entry),
            };
            Some(ModelInfo {
                name,
                description: entry.get("description").as_str().unwrap_or("").to_owned(),
                input_modalities: strings(entry.get("input_modalities")),
                output_modalities: strings(entry.get("output_modalities")),
                paid_only: matches!(entry.get("paid_only"), Raw::Bool(true)),
            })
        })
        .collect();
    if models.is_empty() {
        return Err("the model catalogue lists no model".to_owned());
    }
    Ok(models)
}

/// Refuses a reference model that the catalogue says takes no image
/// (it would ignore the main view, and the views would not match). A model
/// the catalogue does not list, or lists without modalities, passes.
pub fn check_reference_model(
    o: &PollinationsOptions,
    catalogue: &[ModelInfo],
) -> Result<(), CarViewsError> {
    match catalogue.iter().find(|m| m.name == o.reference_model) {
        Some(m) if !m.input_modalities.is_empty() && !m.takes_image() => {
            Err(CarViewsError::invalid(
                "options.pollinations.referenceModel",
                Rule::WrongModel,
                format!(
                    "\"{}\" takes no image, so it cannot follow the main view; choose a model whose input_modalities include \"image\" (such as kontext)",
                    o.reference_model
                ),
            ))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::generate::options::GenerateOptions;

    const ANSWER: &str = r#"[
        {"name":"flux","description":"Flux Schnell","input_modalities":["text"],"output_modalities":["image"],"paid_only":false,"pricing":{}},
        {"name":"kontext","description":"FLUX.1 Kontext","input_modalities":["text","image"],"output_modalities":["image"],"paid_only":false},
        {"name":"nanobanana-pro","input_modalities":["text","image"],"output_modalities":["image"],"paid_only":true},
        "oldname",
        {"description":"no name"}
    ]"#;

    fn pollinations(reference: &str) -> PollinationsOptions {
        GenerateOptions::parse(&Raw::object([(
            "pollinations",
            Raw::object([("referenceModel", Raw::text(reference))]),
        )]))
        .unwrap()
        .pollinations
        .unwrap()
    }

    #[test]
    fn reads_the_catalogue() {
        let models = parse_catalogue(&Raw::from_json(ANSWER)).unwrap();
        let names: Vec<&str> = models.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["flux", "kontext", "nanobanana-pro", "oldname"]);
        assert!(!models[0].takes_image() && models[1].takes_image());
        assert!(models[2].paid_only && !models[1].paid_only);
        assert_eq!(models[0].description, "Flux Schnell");
        assert!(parse_catalogue(&Raw::from_json(r#"{"error":"x"}"#)).is_err());
        assert!(parse_catalogue(&Raw::from_json("[]")).is_err());
        assert_eq!(
            catalogue_url("https://gen.pollinations.ai/"),
            "https://gen.pollinations.ai/image/models"
        );
    }

    #[test]
    fn a_reference_model_must_take_an_image() {
        let models = parse_catalogue(&Raw::from_json(ANSWER)).unwrap();
        assert!(check_reference_model(&pollinations("kontext"), &models).is_ok());
        let e = check_reference_model(&pollinations("flux"), &models).unwrap_err();
        assert_eq!(e.field(), Some("options.pollinations.referenceModel"));
        assert_eq!(e.rule(), Some(Rule::WrongModel));
        // Unknown to the catalogue, or listed without modalities: not refused.
        assert!(check_reference_model(&pollinations("future-model"), &models).is_ok());
        assert!(check_reference_model(&pollinations("oldname"), &models).is_ok());
    }
}
