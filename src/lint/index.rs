//! The rule set every lint rule reads: each OpenSergo object of the run,
//! indexed once the way the control plane groups objects (namespace,
//! `metadata.labels.app`, kind), plus the derived facts several rules
//! share: resolved strategy references, the strategies bound to each
//! target resource, the hosts each router claims, the subsets defined per
//! host. Building it is linear in the number of objects.

use rayon::prelude::*;

use crate::document::{Document, LoadedSource};
use crate::kinds::{KindInfo, Lookup};
use crate::source::Span;
use crate::yaml::Node;

use super::read;
use super::routes::{self, Route};
use rustc_hash::FxHashMap as FxMap;
use std::borrow::Cow;
use std::ops::Range;

/// Position of an object in [`RuleSet::objects`].
pub type DocId = usize;

/// The fault-tolerance strategy kinds a FaultToleranceRule can name.
pub const STRATEGY_KINDS: &[&str] = &[
    "RateLimitStrategy",
    "ThrottlingStrategy",
    "ConcurrencyLimitStrategy",
    "CircuitBreakerStrategy",
    "AdaptiveOverloadProtectionStrategy",
];

/// One OpenSergo object of a kind the registry knows. Its namespace, app
/// and name are read from the document's metadata, not copied: there is
/// one of these per object of the run.
#[derive(Debug)]
pub struct Object<'a> {
    pub id: DocId,
    pub doc: &'a Document,
    pub info: &'static KindInfo,
}

impl<'a> Object<'a> {
    pub fn kind(&self) -> &'static str {
        self.info.kind
    }

    /// `metadata.name`.
    pub fn name(&self) -> &'a str {
        &self.doc.meta.name
    }

    /// `metadata.namespace`, or `default`.
    pub fn ns(&self) -> &'a str {
        self.doc.meta.namespace_or_default()
    }

    /// `metadata.labels.app`, or empty.
    pub fn app(&self) -> &'a str {
        self.doc.meta.app().unwrap_or_default()
    }

    /// The `metadata.name` value, or the document head.
    pub fn name_span(&self) -> Span {
        self.doc
            .root
            .get_path(&["metadata", "name"])
            .map_or_else(|| self.doc.head_span(), |n| n.span())
    }

    pub fn spec(&self) -> Option<&'a Node> {
        self.doc.root.get("spec")
    }

    /// "namespace `prod`, app `my-app`".
    pub fn group(&self) -> String {
        Scope::Group {
            ns: self.ns(),
            app: self.app(),
        }
        .to_string()
    }
}

/// Where a reference looks for its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'a> {
    /// The objects delivered together: same namespace and `app` label.
    Group { ns: &'a str, app: &'a str },
    /// Any object of the namespace (database kinds, which no control
    /// plane delivers per app).
    Namespace(&'a str),
}

impl std::fmt::Display for Scope<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Scope::Group { ns, app: "" } => {
                write!(f, "namespace `{ns}`, no app label")
            }
            Scope::Group { ns, app } => write!(f, "namespace `{ns}`, app `{app}`"),
            Scope::Namespace(ns) => write!(f, "namespace `{ns}`"),
        }
    }
}

/// What a name resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Objects of the wanted kind in scope (several only when duplicated).
    Found(Vec<DocId>),
    /// The name exists in scope, but only under other kinds of the family.
    WrongKind(Vec<DocId>),
    /// No kind was given and the name exists under several kinds.
    Ambiguous(Vec<DocId>),
    /// Not in scope; objects of that name and kind exist elsewhere.
    Elsewhere(Vec<DocId>),
    Missing,
}

/// One entry of a FaultToleranceRule's `spec.strategies`.
#[derive(Debug)]
pub struct StrategyRef<'a> {
    /// The FaultToleranceRule.
    pub rule: DocId,
    pub index: usize,
    /// The `name` value node.
    pub name: &'a Node,
    pub kind: Option<&'a str>,
    pub resolution: Resolution,
}

impl<'a> StrategyRef<'a> {
    pub fn name(&self) -> &'a str {
        self.name.as_str().unwrap_or_default()
    }
}

/// One strategy applied to one target resource by one rule.
#[derive(Debug, Clone, Copy)]
pub struct Binding<'a> {
    pub rule: DocId,
    /// The `targetResourceName` value node.
    pub target: &'a Node,
    pub strategy: DocId,
    /// The strategy reference's `name` node in the rule.
    pub reference: &'a Node,
}

/// The resources strategies apply to: (namespace, app, targetResourceName).
pub type ResourceKey<'a> = (&'a str, &'a str, &'a str);

/// A host listed in a TrafficRouter's `spec.hosts`.
#[derive(Debug, Clone, Copy)]
pub struct HostClaim<'a> {
    pub router: DocId,
    pub node: &'a Node,
}

/// Subsets an object (VirtualWorkload, Istio DestinationRule) defines for a host.
#[derive(Debug)]
pub struct SubsetProvider<'a> {
    pub doc: &'a Document,
    pub names: Vec<&'a str>,
}

/// Strings of the run as small numbers, so that lookups with keys of
/// any lifetime work on maps keyed by tuples.
#[derive(Debug, Default)]
struct Interner<'a> {
    ids: FxMap<&'a str, u32>,
}

impl<'a> Interner<'a> {
    fn intern(&mut self, s: &'a str) -> u32 {
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        *self.ids.entry(s).or_insert(next)
    }

    fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }
}

#[derive(Debug, Default)]
pub struct RuleSet<'a> {
    sources: &'a [LoadedSource],
    objects: Vec<Object<'a>>,
    strings: Interner<'a>,
    by_kind: FxMap<&'a str, Vec<DocId>>,
    /// (kind, name) -> where [`Self::named_ids`] holds the objects of that
    /// kind and name. One table for the three scopes a name is looked up
    /// in: a run of a million objects has about as many names, and a
    /// table per scope cost more than the objects' index entries.
    by_name: FxMap<(u32, u32), Range<u32>>,
    /// Every named object, by kind and name, then (namespace, app), then
    /// input order: a scope's objects of one name are a slice of it.
    named_ids: Vec<DocId>,
    /// The (namespace, app) of each entry of `named_ids`.
    named_scopes: Vec<(u32, u32)>,
    /// (namespace, app, kind)
    by_group_kind: FxMap<(u32, u32, u32), Vec<DocId>>,
    /// (namespace, kind)
    by_ns_kind: FxMap<(u32, u32), Vec<DocId>>,
    strategy_refs: Vec<StrategyRef<'a>>,
    bindings: FxMap<ResourceKey<'a>, Vec<Binding<'a>>>,
    /// (namespace, short host)
    hosts: FxMap<(u32, String), Vec<HostClaim<'a>>>,
    subsets: FxMap<(u32, String), Vec<SubsetProvider<'a>>>,
    /// The HTTP routes of every TrafficRouter, read once.
    routes: Vec<(DocId, Vec<Route<'a>>)>,
}

impl<'a> RuleSet<'a> {
    pub fn build(sources: &'a [LoadedSource]) -> Self {
        Self::build_where(sources, |_| true)
    }

    /// The rule set of the documents `keep` accepts, for a caller that
    /// needs only some groups (diff's summary indexes the groups a change
    /// touches, not the whole set).
    pub fn build_where(
        sources: &'a [LoadedSource],
        keep: impl Fn(&Document) -> bool + Sync,
    ) -> Self {
        let mut set = RuleSet {
            sources,
            ..RuleSet::default()
        };
        // Reading each document's kind and metadata touches memory all
        // over the heap: done in parallel, indexed in order after.
        let found: Vec<Found<'a>> = sources
            .par_iter()
            .flat_map_iter(|s| &s.documents)
            .filter(|doc| keep(doc))
            .filter_map(|doc| match doc.lookup() {
                Lookup::Known(info) => Some(Found::Object(Object { id: 0, doc, info })),
                Lookup::Foreign if is_destination_rule(doc) => Some(Found::DestinationRule(doc)),
                _ => None,
            })
            .collect();
        // Sized once: growing would hold the old and the new table at
        // once, and these are the largest of the run.
        set.objects.reserve_exact(found.len());
        set.strings.ids.reserve(found.len());
        // (kind, name, namespace, app, id) of every named object.
        let mut named = Vec::with_capacity(found.len());
        for found in found {
            match found {
                Found::Object(object) => set.add(object, &mut named),
                Found::DestinationRule(doc) => set.add_subsets(doc, "default"),
            }
        }
        set.index_names(named);
        set.resolve_strategy_refs();
        set.bind_targets();
        set.index_traffic();
        set
    }

    fn add(&mut self, mut object: Object<'a>, named: &mut Vec<[u32; 5]>) {
        let id = self.objects.len();
        object.id = id;
        let (ns, app, kind, name) = (object.ns(), object.app(), object.info.kind, object.name());
        self.objects.push(object);
        self.by_kind.entry(kind).or_default().push(id);
        let (n, a, k) = (
            self.strings.intern(ns),
            self.strings.intern(app),
            self.strings.intern(kind),
        );
        self.by_group_kind.entry((n, a, k)).or_default().push(id);
        self.by_ns_kind.entry((n, k)).or_default().push(id);
        if name.is_empty() {
            return;
        }
        let m = self.strings.intern(name);
        // Ids fit: the index of a run holds fewer than 2^32 objects
        // (each takes far more than a byte of input).
        named.push([k, m, n, a, id as u32]);
    }

    /// Sorts the named objects into [`Self::named_ids`] and indexes the
    /// run of each (kind, name).
    fn index_names(&mut self, mut named: Vec<[u32; 5]>) {
        named.sort_unstable();
        let runs = named.chunk_by(|x, y| x[..2] == y[..2]);
        self.by_name.reserve(runs.clone().count());
        let mut start = 0;
        for run in runs {
            let end = start + run.len() as u32;
            self.by_name.insert((run[0][0], run[0][1]), start..end);
            start = end;
        }
        self.named_ids = named.iter().map(|e| e[4] as DocId).collect();
        self.named_scopes = named.iter().map(|e| (e[2], e[3])).collect();
    }

    /// Where `named_ids` holds the objects of `kind` named `name`.
    fn name_run(&self, kind: &str, name: &str) -> Range<usize> {
        let s = |x: &str| self.strings.get(x);
        (|| self.by_name.get(&(s(kind)?, s(name)?)))()
            .map_or(0..0, |r| r.start as usize..r.end as usize)
    }

    /// The inputs of the run, in order.
    pub fn sources(&self) -> &'a [LoadedSource] {
        self.sources
    }

    /// How many inputs could not be read or parsed to their end: targets
    /// may hide there.
    pub fn unreadable(&self) -> usize {
        self.sources.iter().filter(|s| !s.errors.is_empty()).count()
    }

    pub fn objects(&self) -> &[Object<'a>] {
        &self.objects
    }

    pub fn object(&self, id: DocId) -> &Object<'a> {
        &self.objects[id]
    }

    pub fn of_kind(&self, kind: &str) -> impl Iterator<Item = &Object<'a>> {
        self.by_kind
            .get(kind)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&id| &self.objects[id])
    }

    /// Objects of `kind` in `scope`, whatever their name.
    pub fn in_scope(&self, scope: Scope<'_>, kind: &str) -> &[DocId] {
        let s = |x: &str| self.strings.get(x);
        let ids = match scope {
            Scope::Group { ns, app } => (|| self.by_group_kind.get(&(s(ns)?, s(app)?, s(kind)?)))(),
            Scope::Namespace(ns) => (|| self.by_ns_kind.get(&(s(ns)?, s(kind)?)))(),
        };
        ids.map_or(&[], Vec::as_slice)
    }

    /// Objects of `kind` named `name` in `scope`, in input order.
    pub fn named(&self, scope: Scope<'_>, kind: &str, name: &str) -> Cow<'_, [DocId]> {
        let run = self.name_run(kind, name);
        let scopes = &self.named_scopes[run.clone()];
        let ids = &self.named_ids[run];
        // Within the run entries are sorted by (namespace, app): a scope
        // is the slice between two binary searches.
        let slice = |below: &dyn Fn(&(u32, u32)) -> bool, upto: &dyn Fn(&(u32, u32)) -> bool| {
            &ids[scopes.partition_point(below)..scopes.partition_point(upto)]
        };
        match scope {
            Scope::Group { ns, app } => {
                let (Some(n), Some(a)) = (self.strings.get(ns), self.strings.get(app)) else {
                    return Cow::Borrowed(&[]);
                };
                Cow::Borrowed(slice(&|s| *s < (n, a), &|s| *s <= (n, a)))
            }
            Scope::Namespace(ns) => {
                let Some(n) = self.strings.get(ns) else {
                    return Cow::Borrowed(&[]);
                };
                in_input_order(slice(&|s| s.0 < n, &|s| s.0 <= n))
            }
        }
    }

    /// Groups of two or more objects with the same namespace, kind and
    /// name (kinds are unique across the OpenSergo API groups), each in
    /// input order.
    pub fn duplicates(&self) -> impl Iterator<Item = Cow<'_, [DocId]>> {
        self.by_name.values().flat_map(move |run| {
            let (start, end) = (run.start as usize, run.end as usize);
            let scopes = &self.named_scopes[start..end];
            scopes
                .chunk_by(|x, y| x.0 == y.0)
                .scan(start, |at, same_ns| {
                    let ids = &self.named_ids[*at..*at + same_ns.len()];
                    *at += same_ns.len();
                    Some(ids)
                })
                .filter(|ids| ids.len() > 1)
                .map(in_input_order)
        })
    }

    /// Objects of `kind` named `name` anywhere in the run.
    pub fn named_anywhere(&self, kind: &str, name: &str) -> Cow<'_, [DocId]> {
        in_input_order(&self.named_ids[self.name_run(kind, name)])
    }

    /// Resolves a reference to `name`: of kind `wanted` (or, without one,
    /// of any kind of `family`) in `scope`.
    pub fn resolve(
        &self,
        scope: Scope<'_>,
        wanted: Option<&str>,
        family: &[&str],
        name: &str,
    ) -> Resolution {
        let in_scope: Vec<DocId> = family
            .iter()
            .chain(wanted.filter(|w| !family.contains(w)).as_slice())
            .flat_map(|kind| self.named(scope, kind, name).into_owned())
            .collect();
        let elsewhere = |kinds: &[&str]| {
            let ids: Vec<DocId> = kinds
                .iter()
                .flat_map(|kind| self.named_anywhere(kind, name).into_owned())
                .collect();
            if ids.is_empty() {
                Resolution::Missing
            } else {
                Resolution::Elsewhere(ids)
            }
        };
        match wanted {
            Some(wanted) => {
                let (exact, other): (Vec<DocId>, Vec<DocId>) = in_scope
                    .into_iter()
                    .partition(|&id| self.objects[id].kind() == wanted);
                if !exact.is_empty() {
                    Resolution::Found(exact)
                } else if !other.is_empty() {
                    Resolution::WrongKind(other)
                } else {
                    elsewhere(&[wanted])
                }
            }
            None => {
                let first = in_scope.first().map(|&id| self.objects[id].kind());
                if in_scope.is_empty() {
                    elsewhere(family)
                } else if in_scope
                    .iter()
                    .all(|&id| Some(self.objects[id].kind()) == first)
                {
                    Resolution::Found(in_scope)
                } else {
                    Resolution::Ambiguous(in_scope)
                }
            }
        }
    }

    /// Every `spec.strategies[]` entry of every FaultToleranceRule.
    pub fn strategy_refs(&self) -> &[StrategyRef<'a>] {
        &self.strategy_refs
    }

    /// Strategies applied per target resource.
    pub fn bindings(&self) -> impl Iterator<Item = (&ResourceKey<'a>, &[Binding<'a>])> {
        self.bindings.iter().map(|(k, v)| (k, v.as_slice()))
    }

    /// Hosts claimed by TrafficRouters, per (namespace, short host).
    pub fn host_claims(&self) -> impl Iterator<Item = &[HostClaim<'a>]> {
        self.hosts.values().map(Vec::as_slice)
    }

    /// Every TrafficRouter with its HTTP routes.
    pub fn http_routes(&self) -> impl Iterator<Item = (&Object<'a>, &[Route<'a>])> {
        self.routes
            .iter()
            .map(|(id, routes)| (&self.objects[*id], routes.as_slice()))
    }

    /// Objects defining subsets for `host` (as written in a destination) in `ns`.
    pub fn subset_providers(&self, ns: &str, host: &str) -> &[SubsetProvider<'a>] {
        self.strings
            .get(ns)
            .and_then(|n| self.subsets.get(&(n, short_host(host, ns))))
            .map_or(&[], Vec::as_slice)
    }

    fn resolve_strategy_refs(&mut self) {
        let mut refs = Vec::new();
        for object in self.of_kind("FaultToleranceRule") {
            let scope = Scope::Group {
                ns: object.ns(),
                app: object.app(),
            };
            let Some(items) = object.doc.root.get_path(&["spec", "strategies"]) else {
                continue;
            };
            for (index, item) in items.as_seq().iter().enumerate() {
                let Some((name, kind)) = read::reference(item) else {
                    continue;
                };
                let kind = kind.filter(|k| !k.is_empty());
                let resolution = self.resolve(
                    scope,
                    kind,
                    STRATEGY_KINDS,
                    name.as_str().unwrap_or_default(),
                );
                refs.push(StrategyRef {
                    rule: object.id,
                    index,
                    name,
                    kind,
                    resolution,
                });
            }
        }
        refs.shrink_to_fit();
        self.strategy_refs = refs;
    }

    /// Binds strategies to target resources. A reference without `kind`
    /// is never applied (Sentinel selects strategies by kind), so it binds
    /// nothing; of duplicated strategies the last one wins, as in
    /// Kubernetes.
    fn bind_targets(&mut self) {
        let mut bindings: FxMap<ResourceKey<'a>, Vec<Binding<'a>>> = FxMap::default();
        for r in &self.strategy_refs {
            let (Resolution::Found(ids), Some(_)) = (&r.resolution, r.kind) else {
                continue;
            };
            let Some(&strategy) = ids.last() else {
                continue;
            };
            let rule = &self.objects[r.rule];
            let targets = rule.doc.root.get_path(&["spec", "targets"]);
            for target in targets.map_or(&[][..], Node::as_seq) {
                let Some(node) = target.get("targetResourceName") else {
                    continue;
                };
                let Some(resource) = node.as_str().filter(|s| !s.is_empty()) else {
                    continue;
                };
                // Nearly always one binding per resource: room for one,
                // not the four a first push reserves.
                bindings
                    .entry((rule.ns(), rule.app(), resource))
                    .or_insert_with(|| Vec::with_capacity(1))
                    .push(Binding {
                        rule: r.rule,
                        target: node,
                        strategy,
                        reference: r.name,
                    });
            }
        }
        self.bindings = bindings;
    }

    fn index_traffic(&mut self) {
        let mut hosts: FxMap<(u32, String), Vec<HostClaim<'a>>> = FxMap::default();
        let routers: Vec<(DocId, &'a Document, &'a str)> = self
            .of_kind("TrafficRouter")
            .map(|o| (o.id, o.doc, o.ns()))
            .collect();
        for (router, doc, ns) in routers {
            let n = self.strings.intern(ns);
            let list = doc.root.get_path(&["spec", "hosts"]);
            for node in list.map_or(&[][..], Node::as_seq) {
                if let Some(host) = node.as_str().filter(|h| !h.is_empty()) {
                    hosts
                        .entry((n, short_host(host, ns)))
                        .or_default()
                        .push(HostClaim { router, node });
                }
            }
        }
        self.hosts = hosts;
        self.routes = self
            .of_kind("TrafficRouter")
            .map(|o| (o.id, routes::http_routes(&o.doc.root)))
            .collect();
        let providers: Vec<(&'a Document, &'a str)> = self
            .of_kind("VirtualWorkload")
            .map(|o| (o.doc, o.ns()))
            .collect();
        for (doc, ns) in providers {
            self.add_subsets(doc, ns);
        }
    }

    /// Indexes the subsets a VirtualWorkload or DestinationRule defines
    /// (`spec.host`, else `metadata.name`; `spec.subsets[].name`).
    fn add_subsets(&mut self, doc: &'a Document, default_ns: &'a str) {
        let ns = if doc.meta.namespace.is_empty() {
            default_ns
        } else {
            doc.meta.namespace.as_str()
        };
        let Some(host) = read::text(&doc.root, &["spec", "host"])
            .or_else(|| Some(doc.meta.name.as_str()).filter(|n| !n.is_empty()))
        else {
            return;
        };
        let names = read::select(&doc.root, &["spec", "subsets", "[]", "name"])
            .into_iter()
            .filter_map(|f| f.node.as_str())
            .collect();
        let n = self.strings.intern(ns);
        self.subsets
            .entry((n, short_host(host, ns)))
            .or_default()
            .push(SubsetProvider { doc, names });
    }
}

/// Ids sorted by (namespace, app) back in input order; most slices are
/// one id or one app already, and are returned as they are.
fn in_input_order(ids: &[DocId]) -> Cow<'_, [DocId]> {
    if ids.is_sorted() {
        Cow::Borrowed(ids)
    } else {
        let mut ids = ids.to_vec();
        ids.sort_unstable();
        Cow::Owned(ids)
    }
}

/// What the parallel pass finds in one document.
enum Found<'a> {
    Object(Object<'a>),
    DestinationRule(&'a Document),
}

fn is_destination_rule(doc: &Document) -> bool {
    doc.meta.kind == "DestinationRule" && doc.meta.group() == "networking.istio.io"
}

/// The host as the namespace sees it: `reviews.prod.svc.cluster.local`
/// and `reviews.prod` are `reviews` in namespace `prod`.
pub fn short_host(host: &str, ns: &str) -> String {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    let host = host.strip_suffix(".svc.cluster.local").unwrap_or(&host);
    let host = host.strip_suffix(".svc").unwrap_or(host);
    let local = host
        .strip_suffix(ns)
        .and_then(|h| h.strip_suffix('.'))
        .unwrap_or(host);
    local.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::parse_source;
    use crate::source::SourceFile;
    use std::sync::Arc;

    fn sources(text: &str) -> Vec<LoadedSource> {
        vec![parse_source(&Arc::new(SourceFile::new(
            "t.yaml",
            text.to_string(),
        )))]
    }

    const SET: &str = "\
apiVersion: fault-tolerance.opensergo.io/v1alpha1
kind: RateLimitStrategy
metadata: {name: a, namespace: prod, labels: {app: x}}
---
apiVersion: fault-tolerance.opensergo.io/v1alpha1
kind: ConcurrencyLimitStrategy
metadata: {name: a, namespace: prod, labels: {app: x}}
---
apiVersion: fault-tolerance.opensergo.io/v1alpha1
kind: RateLimitStrategy
metadata: {name: b, namespace: other, labels: {app: x}}
---
apiVersion: fault-tolerance.opensergo.io/v1alpha1
kind: FaultToleranceRule
metadata: {name: r, namespace: prod, labels: {app: x}}
spec:
  targets: [{targetResourceName: /foo}]
  strategies:
    - {name: a, kind: RateLimitStrategy}
    - {name: a, kind: ThrottlingStrategy}
    - {name: a}
    - {name: b, kind: RateLimitStrategy}
    - {name: c, kind: RateLimitStrategy}
";

    #[test]
    fn strategy_references_resolve_by_group_name_and_kind() {
        let loaded = sources(SET);
        let set = RuleSet::build(&loaded);
        let got: Vec<_> = set
            .strategy_refs()
            .iter()
            .map(|r| r.resolution.clone())
            .collect();
        assert_eq!(
            got,
            [
                Resolution::Found(vec![0]),
                Resolution::WrongKind(vec![0, 1]),
                Resolution::Ambiguous(vec![0, 1]),
                Resolution::Elsewhere(vec![2]),
                Resolution::Missing,
            ]
        );
        let bound: Vec<_> = set.bindings().collect();
        assert_eq!(bound.len(), 1);
        assert_eq!(*bound[0].0, ("prod", "x", "/foo"));
        assert_eq!(bound[0].1.len(), 1);
    }

    #[test]
    fn names_resolve_per_scope_in_input_order() {
        // `x` is interned before `y`, so the two `a`s sort as (x, y):
        // lookups still list them in input order.
        let meta = |name: &str, app: &str| {
            format!(
                "apiVersion: fault-tolerance.opensergo.io/v1alpha1\nkind: RateLimitStrategy\nmetadata: {{name: {name}, labels: {{app: {app}}}}}\n"
            )
        };
        let text = [meta("b", "x"), meta("a", "y"), meta("a", "x")].join("---\n");
        let loaded = sources(&text);
        let set = RuleSet::build(&loaded);
        let kind = "RateLimitStrategy";
        let dups: Vec<Vec<DocId>> = set.duplicates().map(|ids| ids.to_vec()).collect();
        assert_eq!(dups, [vec![1, 2]]);
        assert_eq!(*set.named(Scope::Namespace("default"), kind, "a"), [1, 2]);
        let group = |app| Scope::Group { ns: "default", app };
        assert_eq!(*set.named(group("x"), kind, "a"), [2]);
        assert_eq!(*set.named(group("y"), kind, "a"), [1]);
        assert!(set.named(group("z"), kind, "a").is_empty());
        assert!(set.named(Scope::Namespace("prod"), kind, "a").is_empty());
        assert_eq!(*set.named_anywhere(kind, "a"), [1, 2]);
        assert_eq!(*set.named_anywhere(kind, "b"), [0]);
    }

    #[test]
    fn hosts_are_compared_in_their_namespace() {
        assert_eq!(
            short_host("Reviews.prod.svc.cluster.local", "prod"),
            "reviews"
        );
        assert_eq!(short_host("reviews.prod", "prod"), "reviews");
        assert_eq!(short_host("reviews.other", "prod"), "reviews.other");
        assert_eq!(short_host("example.com", "prod"), "example.com");
    }
}
