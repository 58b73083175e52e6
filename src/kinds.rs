//! The registry of OpenSergo kinds: what exists, where its schema comes
//! from, which proto message carries it, and which draft kinds were
//! replaced. Every command asks this module, never a list of its own.

/// Where a kind's embedded JSON Schema comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaOrigin {
    /// Converted from a published CustomResourceDefinition.
    Crd,
    /// Written from the spec documents: no CRD is published.
    Spec,
}

#[derive(Debug)]
pub struct KindInfo {
    pub group: &'static str,
    pub version: &'static str,
    pub kind: &'static str,
    pub origin: SchemaOrigin,
    /// The JSON Schema text, embedded in the binary.
    pub schema: &'static str,
    /// The proto message the control plane delivers for this kind.
    pub proto_message: Option<&'static str>,
}

impl KindInfo {
    pub fn api_version(&self) -> String {
        format!("{}/{}", self.group, self.version)
    }

    /// The "config kind" string SDKs subscribe with: `<group>/<version>/<Kind>`.
    pub fn config_kind(&self) -> String {
        format!("{}/{}/{}", self.group, self.version, self.kind)
    }

    /// Path of the schema file inside `schemas/`.
    pub fn schema_path(&self) -> String {
        format!("{}/{}/{}.json", self.group, self.version, self.kind)
    }
}

/// A draft kind from an earlier spec revision.
#[derive(Debug)]
pub struct SupersededKind {
    pub group: &'static str,
    pub kind: &'static str,
    pub replaced_by: &'static str,
}

macro_rules! kinds {
    ($($group:literal $version:literal $kind:ident $origin:ident $proto:expr;)*) => {
        pub static KINDS: &[KindInfo] = &[$(KindInfo {
            group: $group,
            version: $version,
            kind: stringify!($kind),
            origin: SchemaOrigin::$origin,
            schema: include_str!(concat!("../schemas/", $group, "/", $version, "/", stringify!($kind), ".json")),
            proto_message: $proto,
        }),*];
    };
}

kinds! {
    "fault-tolerance.opensergo.io" "v1alpha1" FaultToleranceRule Crd Some("io.opensergo.proto.fault_tolerance.v1.FaultToleranceRule");
    "fault-tolerance.opensergo.io" "v1alpha1" RateLimitStrategy Crd Some("io.opensergo.proto.fault_tolerance.v1.RateLimitStrategy");
    "fault-tolerance.opensergo.io" "v1alpha1" ThrottlingStrategy Crd Some("io.opensergo.proto.fault_tolerance.v1.ThrottlingStrategy");
    "fault-tolerance.opensergo.io" "v1alpha1" ConcurrencyLimitStrategy Crd Some("io.opensergo.proto.fault_tolerance.v1.ConcurrencyLimitStrategy");
    "fault-tolerance.opensergo.io" "v1alpha1" CircuitBreakerStrategy Crd Some("io.opensergo.proto.fault_tolerance.v1.CircuitBreakerStrategy");
    "fault-tolerance.opensergo.io" "v1alpha1" HttpRequestFallbackAction Spec None;
    "fault-tolerance.opensergo.io" "v1alpha1" AdaptiveOverloadProtectionStrategy Spec None;
    "traffic.opensergo.io" "v1alpha1" TrafficRouter Crd Some("opensergo.traffic.v1alpha1.TrafficRouterSpec");
    "traffic.opensergo.io" "v1alpha1" VirtualWorkload Spec None;
    "traffic.opensergo.io" "v1alpha1" TrafficLane Spec None;
    "traffic.opensergo.io" "v1alpha1" DatabaseAccessTarget Spec None;
    "database.opensergo.io" "v1alpha1" VirtualDatabase Spec None;
    "database.opensergo.io" "v1alpha1" DatabaseEndpoint Spec None;
    "database.opensergo.io" "v1alpha1" ReadWriteSplitting Spec None;
    "database.opensergo.io" "v1alpha1" Sharding Spec None;
    "database.opensergo.io" "v1alpha1" Encryption Spec None;
    "database.opensergo.io" "v1alpha1" Shadow Spec None;
    "database.opensergo.io" "v1alpha1" DatabaseDiscovery Spec None;
    "database.opensergo.io" "v1alpha1" DistributedTransaction Spec None;
    "policy.opensergo.io" "v1alpha1" RateLimit Crd Some("io.opensergo.policy.v1alpha1.RateLimit");
    "policy.opensergo.io" "v1alpha1" ConcurrencyLimit Crd Some("io.opensergo.policy.v1alpha1.ConcurrencyLimit");
    "policy.opensergo.io" "v1alpha1" CircuitBreaker Crd Some("io.opensergo.policy.v1alpha1.CircuitBreaker");
}

pub static SUPERSEDED: &[SupersededKind] = &[
    SupersededKind {
        group: "traffic.opensergo.io",
        kind: "RouterRule",
        replaced_by: "TrafficRouter (traffic.opensergo.io/v1alpha1)",
    },
    SupersededKind {
        group: "traffic.opensergo.io",
        kind: "VirtualWorkloads",
        replaced_by: "VirtualWorkload (traffic.opensergo.io/v1alpha1)",
    },
    SupersededKind {
        group: "traffic.opensergo.io",
        kind: "WorkloadLabelRule",
        replaced_by: "VirtualWorkload and TrafficRouter (traffic.opensergo.io/v1alpha1)",
    },
    SupersededKind {
        group: "traffic.opensergo.io",
        kind: "TrafficLabelRule",
        replaced_by: "TrafficRouter header matches (traffic.opensergo.io/v1alpha1)",
    },
];

/// What the registry knows of an (apiVersion, kind) pair.
#[derive(Debug, Clone, Copy)]
pub enum Lookup {
    Known(&'static KindInfo),
    Superseded(&'static SupersededKind),
    /// An `*.opensergo.io` group, but a kind (or version) nobody defined.
    UnknownOpenSergo,
    /// Not an OpenSergo object (a Deployment, a CRD, ...).
    Foreign,
}

pub fn split_api_version(api_version: &str) -> (&str, &str) {
    match api_version.rsplit_once('/') {
        Some((group, version)) => (group, version),
        None => ("", api_version),
    }
}

pub fn is_opensergo_group(group: &str) -> bool {
    group == "opensergo.io" || group.ends_with(".opensergo.io")
}

pub fn lookup(api_version: &str, kind: &str) -> Lookup {
    let (group, version) = split_api_version(api_version);
    if let Some(info) = KINDS
        .iter()
        .find(|k| k.kind == kind && k.group == group && k.version == version)
    {
        return Lookup::Known(info);
    }
    if let Some(old) = SUPERSEDED
        .iter()
        .find(|k| k.kind == kind && k.group == group)
    {
        return Lookup::Superseded(old);
    }
    if is_opensergo_group(group) {
        Lookup::UnknownOpenSergo
    } else {
        Lookup::Foreign
    }
}

/// Finds a kind by its name alone (`RateLimitStrategy`), case-insensitively.
pub fn by_kind_name(kind: &str) -> Option<&'static KindInfo> {
    KINDS.iter().find(|k| k.kind.eq_ignore_ascii_case(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_schema_is_json_for_its_kind() {
        for info in KINDS {
            let schema: serde_json::Value = serde_json::from_str(info.schema)
                .unwrap_or_else(|e| panic!("{}: {e}", info.schema_path()));
            assert!(schema.is_object(), "{}", info.schema_path());
        }
    }

    #[test]
    fn lookup_distinguishes_known_superseded_unknown_and_foreign() {
        assert!(matches!(
            lookup("fault-tolerance.opensergo.io/v1alpha1", "RateLimitStrategy"),
            Lookup::Known(_)
        ));
        assert!(matches!(
            lookup("traffic.opensergo.io/v1alpha1", "RouterRule"),
            Lookup::Superseded(_)
        ));
        assert!(matches!(
            lookup("fault-tolerance.opensergo.io/v1alpha1", "FooStrategy"),
            Lookup::UnknownOpenSergo
        ));
        assert!(matches!(lookup("apps/v1", "Deployment"), Lookup::Foreign));
        assert_eq!(
            by_kind_name("ratelimitstrategy").unwrap().config_kind(),
            "fault-tolerance.opensergo.io/v1alpha1/RateLimitStrategy"
        );
    }
}
