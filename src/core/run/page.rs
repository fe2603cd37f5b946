//! What the runs of one page share: the adaptive gate of each provider and
//! key, the answers of the web search (brand facts, reference photos) and
//! the model catalogues, kept for the page's life. The shell holds one; a
//! test makes its own.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::generate::catalogue::ModelInfo;
use crate::core::generate::response::Reference;
use crate::core::pairs::Pairs;
use crate::core::run::gate::Gate;
use crate::core::search::summary::BrandFacts;

/// The page-wide state of the runs.
#[derive(Debug, Default)]
pub struct Page {
    gates: RefCell<Pairs<Rc<Gate>>>,
    facts: RefCell<Pairs<Option<BrandFacts>>>,
    photos: RefCell<Pairs<Option<Reference>>>,
    catalogues: RefCell<Pairs<Vec<ModelInfo>>>,
}

impl Page {
    /// A page no run has used yet.
    pub const fn new() -> Page {
        Page {
            gates: RefCell::new(Pairs::new()),
            facts: RefCell::new(Pairs::new()),
            photos: RefCell::new(Pairs::new()),
            catalogues: RefCell::new(Pairs::new()),
        }
    }

    /// The gate of a provider and key (`key` holds no secret: a hash).
    pub fn gate(&self, key: &str) -> Rc<Gate> {
        let mut gates = self.gates.borrow_mut();
        if let Some(g) = gates.get(key) {
            return Rc::clone(g);
        }
        let gate = Rc::new(Gate::default());
        gates.insert(key, Rc::clone(&gate));
        gate
    }

    /// The brand facts found before under `key` (`Some(None)`: no such page).
    pub fn facts(&self, key: &str) -> Option<Option<BrandFacts>> {
        self.facts.borrow().get(key).cloned()
    }

    /// Keeps brand facts for the page.
    pub fn keep_facts(&self, key: String, facts: Option<BrandFacts>) {
        self.facts.borrow_mut().insert(key, facts);
    }

    /// The reference photo found before under `key` (`Some(None)`: none fits).
    pub fn photo(&self, key: &str) -> Option<Option<Reference>> {
        self.photos.borrow().get(key).cloned()
    }

    /// Keeps a reference photo for the page.
    pub fn keep_photo(&self, key: String, photo: Option<Reference>) {
        self.photos.borrow_mut().insert(key, photo);
    }

    /// The model catalogue of a base URL, when this page has fetched it.
    pub fn catalogue(&self, base_url: &str) -> Option<Vec<ModelInfo>> {
        self.catalogues.borrow().get(base_url).cloned()
    }

    /// Keeps a base URL's model catalogue for the page.
    pub fn keep_catalogue(&self, base_url: String, models: Vec<ModelInfo>) {
        self.catalogues.borrow_mut().insert(base_url, models);
    }
}
