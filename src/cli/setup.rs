//! Shared set-up of the matching commands: catalogue, glossary, models.

use std::path::Path;

use anyhow::Context;
use stdalign::index::StdIndex;
use stdalign::matching::features::{Model, FEATURE_NAMES, N_FEATURES};
use stdalign::matching::glossary::Glossary;
use stdalign::matching::{default_models, Catalogue, MatchConfig, Matcher};
use stdalign::model::Side;

/// Everything a matcher borrows.
pub struct MatchSetup {
    pub catalogue: Catalogue,
    pub glossary: Option<Glossary>,
    pub model_en: Model,
    pub model_zh: Model,
}

impl MatchSetup {
    /// Loads the international catalogue from the index, the glossary (given
    /// or bundled) and the models (given file or built-in defaults).
    pub fn load(
        idx: &StdIndex,
        glossary: Option<&Path>,
        model: Option<&Path>,
        quiet_missing: bool,
    ) -> anyhow::Result<MatchSetup> {
        let catalogue = Catalogue::new(idx.records(Some(Side::International))?);
        let gpath = glossary.map(Path::to_path_buf).unwrap_or_else(|| super::corpora_dir().join("glossary/zh_en.tsv"));
        let glossary = match std::fs::read_to_string(&gpath) {
            Ok(text) => Some(Glossary::parse(&text).with_context(|| format!("reading glossary {}", gpath.display()))?),
            Err(e) if quiet_missing && e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e).with_context(|| format!("reading glossary {}", gpath.display())),
        };
        let (model_en, model_zh) = ModelFile::models(model)?;
        Ok(MatchSetup { catalogue, glossary, model_en, model_zh })
    }

    /// A matcher over this set-up.
    pub fn matcher<'a>(&'a self, idx: &'a StdIndex, config: MatchConfig) -> Matcher<'a> {
        Matcher {
            cat: &self.catalogue,
            source: idx,
            glossary: self.glossary.as_ref(),
            model_en: self.model_en.clone(),
            model_zh: self.model_zh.clone(),
            config,
        }
    }
}

/// The models file written by `match --learn`.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct ModelFile {
    pub english: Model,
    pub chinese: Model,
}

impl ModelFile {
    /// The (English-titled, Chinese-only) models of a file written by
    /// `match --save-model`, or the built-in ones when `path` is `None`.
    /// A file whose weight count differs from today's feature set (saved by
    /// another version) is refused rather than silently misread.
    pub fn models(path: Option<&Path>) -> anyhow::Result<(Model, Model)> {
        let Some(p) = path else { return Ok(default_models()) };
        let text = std::fs::read_to_string(p).with_context(|| format!("reading model {}", p.display()))?;
        let m: ModelFile = serde_json::from_str(&text).with_context(|| format!("parsing model {}", p.display()))?;
        for (name, model) in [("english", &m.english), ("chinese", &m.chinese)] {
            if model.weights.len() != N_FEATURES {
                anyhow::bail!(
                    "model {}: the {name} model has {} weights, this version uses {N_FEATURES} features ({}); \
                     learn it again with `stdalign match --save-model`",
                    p.display(),
                    model.weights.len(),
                    FEATURE_NAMES.join(", ")
                );
            }
        }
        Ok((m.english, m.chinese))
    }
}
