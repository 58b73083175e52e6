//! Reporting references that do not resolve, the same way for every
//! reference rule: what was looked for, where, what exists instead, and a
//! "did you mean" when a name in scope is close.

use crate::document::Document;
use crate::suggest::closest;
use crate::yaml::Node;

use super::index::{Resolution, RuleSet, Scope};
use crate::engine::Sink;

/// A name in one document that should point at an object.
pub struct Reference<'r> {
    pub doc: &'r Document,
    /// The node holding the name (its span is where findings point).
    pub node: &'r Node,
    /// The name looked for (usually the node's text).
    pub name: &'r str,
    /// The expression the name was expanded from, when it is not the
    /// node's text (`ds_${0..2}`).
    pub from: Option<&'r str>,
    /// What the reference is, for messages: "strategy", "fallback action".
    pub what: &'r str,
    /// The kind it must have, or `None` when any kind of `family` fits.
    pub kind: Option<&'r str>,
    /// The kinds a name of this reference could belong to.
    pub family: &'r [&'r str],
    pub scope: Scope<'r>,
    /// What happens at run time, appended to the help.
    pub consequence: &'r str,
}

impl Reference<'_> {
    fn wanted(&self) -> String {
        match (self.kind, self.family) {
            (Some(kind), _) => kind.to_string(),
            (None, [kind]) => (*kind).to_string(),
            (None, _) => self.what.to_string(),
        }
    }

    /// Resolves the reference in `set`.
    pub fn resolve(&self, set: &RuleSet<'_>) -> Resolution {
        set.resolve(self.scope, self.kind, self.family, self.name)
    }

    /// Reports `resolution` unless it is `Found`.
    pub fn report(&self, set: &RuleSet<'_>, sink: &mut Sink, resolution: &Resolution) {
        let name = self.name;
        let wanted = self.wanted();
        let a_wanted = article(&wanted);
        let scope = self.scope;
        let from = self
            .from
            .map(|f| format!(" (from `{f}`)"))
            .unwrap_or_default();
        match resolution {
            Resolution::Found(_) => {}
            Resolution::Missing => {
                let mut help: Vec<String> = self.suggestion(set).into_iter().collect();
                help.push(self.consequence.to_string());
                help.extend(self.kind_note());
                let unreadable = set.unreadable();
                if unreadable > 0 {
                    help.push(format!(
                        "({} of this run could not be read to the end; the {wanted} may be there)",
                        crate::findings::plural(unreadable, "input")
                    ));
                }
                sink.report(
                    self.doc,
                    self.node.span(),
                    format!(
                        "{} `{name}`{from} not found: no {wanted} of that name in {scope}",
                        self.what
                    ),
                )
                .label(format!("no {wanted} `{name}`"))
                .help(help.join(" "));
            }
            Resolution::Elsewhere(ids) => {
                let mut finding = sink
                    .report(
                        self.doc,
                        self.node.span(),
                        format!(
                            "{} `{name}`{from} is not in {scope}: the {wanted} of that name is in {}",
                            self.what,
                            set.object(ids[0]).group()
                        ),
                    )
                        .label("referenced from here")
                    .help(
                        [
                            "objects are delivered per namespace and `app` label, so this reference cannot reach it: give both the same namespace and `metadata.labels.app`.",
                            self.consequence,
                        ]
                        .into_iter()
                        .chain(self.kind_note().as_deref())
                        .collect::<Vec<_>>()
                        .join(" "),
                    );
                for &id in ids.iter().take(3) {
                    let object = set.object(id);
                    finding = finding.related(
                        object.doc,
                        object.name_span(),
                        format!(
                            "{} `{name}` is defined here, in {}",
                            object.kind(),
                            object.group()
                        ),
                    );
                }
            }
            Resolution::WrongKind(ids) => {
                let kinds = kinds_of(set, ids);
                let mut finding = sink
                    .report(
                        self.doc,
                        self.node.span(),
                        format!(
                            "{} `{name}`{from} is {kinds}, not {a_wanted}, in {scope}",
                            self.what
                        ),
                    )
                    .label(format!("looks for {a_wanted}"))
                    .help(format!(
                        "references match on name and kind: fix `kind`, or point at {a_wanted}. {}",
                        self.consequence
                    ));
                for &id in ids.iter().take(3) {
                    let object = set.object(id);
                    finding = finding.related(
                        object.doc,
                        object.name_span(),
                        format!("`{name}` is {}", article(object.kind())),
                    );
                }
            }
            Resolution::Ambiguous(ids) => {
                let kinds = kinds_of(set, ids);
                let mut finding = sink
                    .report(
                        self.doc,
                        self.node.span(),
                        format!(
                            "{} `{name}` has no `kind` and {scope} has several objects of that name: {kinds}",
                            self.what
                        ),
                    )
                        .label("which one?")
                    .help(format!(
                        "add `kind:` to say which one applies. {}",
                        self.consequence
                    ));
                for &id in ids.iter().take(3) {
                    let object = set.object(id);
                    finding = finding.related(
                        object.doc,
                        object.name_span(),
                        format!("{} named `{name}`", article(object.kind())),
                    );
                }
            }
        }
    }

    /// For a reference that may name one of several kinds but names none.
    fn kind_note(&self) -> Option<String> {
        (self.kind.is_none() && self.family.len() > 1).then(|| {
            "The reference also has no `kind`: consumers select by kind, so it would be skipped even where the name exists.".to_string()
        })
    }

    /// "did you mean `encrypt-db`?" when a name in scope is close.
    fn suggestion(&self, set: &RuleSet<'_>) -> Option<String> {
        let name = self.name;
        let kinds: Vec<&str> = match self.kind {
            Some(kind) => vec![kind],
            None => self.family.to_vec(),
        };
        let candidates = kinds
            .iter()
            .flat_map(|kind| set.in_scope(self.scope, kind).iter().take(500))
            .map(|&id| set.object(id).name());
        closest(name, candidates).map(|c| format!("did you mean `{c}`?"))
    }
}

/// Reports `value` (a name in `doc`) when it is not among `defined`, the
/// names the same document declares elsewhere (`shardingAlgorithms`,
/// `loadBalancers`...).
pub fn report_undefined_local(
    sink: &mut Sink,
    doc: &Document,
    value: &Node,
    defined: &[&str],
    what: &str,
    section: &str,
) {
    let Some(name) = value.as_str().filter(|s| !s.is_empty()) else {
        return;
    };
    if defined.contains(&name) {
        return;
    }
    let mut help = closest(name, defined.iter().copied())
        .map(|c| format!("did you mean `{c}`? "))
        .unwrap_or_default();
    if defined.is_empty() {
        help.push_str(&format!("this object defines no `{section}`"));
    } else {
        help.push_str(&format!("`{section}` defines: {}", defined.join(", ")));
    }
    sink.report(
        doc,
        value.span(),
        format!("{what} `{name}` is not defined in `{section}`"),
    )
    .label(format!("no {what} `{name}`"))
    .help(help);
}

/// "a RateLimitStrategy and a ConcurrencyLimitStrategy".
fn kinds_of(set: &RuleSet<'_>, ids: &[usize]) -> String {
    let mut kinds: Vec<&str> = ids.iter().map(|&id| set.object(id).kind()).collect();
    kinds.dedup();
    kinds
        .iter()
        .map(|k| article(k))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// "a Sharding", "an Encryption".
pub fn article(word: &str) -> String {
    let an = word.starts_with(['A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u']);
    format!("{} {word}", if an { "an" } else { "a" })
}
