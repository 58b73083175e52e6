//! The control plane's wire envelope: what an SDK receives on
//! `OpenSergoUniversalTransportService.SubscribeConfig`. One
//! `SubscribeResponse` per (namespace, app, kind) group, holding the whole
//! group (state of the world) as `DataWithVersion{data: [Any], version}`.
//! Objects are grouped by `metadata.labels.app`, as the control plane
//! does; the `kind` is the full config kind
//! (`fault-tolerance.opensergo.io/v1alpha1/RateLimitStrategy`) and the Any
//! type URLs are `type.googleapis.com/<full message name>`.

use prost_reflect::{DynamicMessage, MessageDescriptor, ReflectMessage, Value};

use super::mapping::message_name;
use super::{ObjectMessage, descriptors, envoy, wire};
use crate::kinds::{self, KindInfo, Lookup};

pub const TYPE_URL_PREFIX: &str = "type.googleapis.com/";
pub const SUBSCRIBE_RESPONSE: &str = "io.opensergo.proto.transport.v1.SubscribeResponse";
pub const DATA_WITH_VERSION: &str = "io.opensergo.proto.transport.v1.DataWithVersion";

fn message(name: &str) -> Result<MessageDescriptor, String> {
    descriptors::pool()
        .get_message_by_name(name)
        .ok_or_else(|| format!("{name} is missing from the embedded descriptors"))
}

/// `google.protobuf.Any` holding `inner` (deterministically encoded).
pub fn pack(inner: &DynamicMessage) -> Result<DynamicMessage, String> {
    let mut any = DynamicMessage::new(message("google.protobuf.Any")?);
    any.set_field_by_name(
        "type_url",
        Value::String(format!(
            "{TYPE_URL_PREFIX}{}",
            inner.descriptor().full_name()
        )),
    );
    any.set_field_by_name("value", Value::Bytes(wire::encode(inner).into()));
    Ok(any)
}

/// A (namespace, app, config kind) group.
type GroupKey = (String, String, String);

/// The (namespace, app, kind) group of an object.
fn group_key(object: &ObjectMessage) -> GroupKey {
    (
        object
            .namespace
            .clone()
            .unwrap_or_else(|| "default".to_string()),
        object.app.clone().unwrap_or_default(),
        object.kind.config_kind(),
    )
}

/// One `SubscribeResponse` per (namespace, app, kind), in the order the
/// groups first appear; objects keep their order inside a group. Objects
/// without a namespace are in `default`, as the API server would put them.
/// The caller rejects objects without an app label (the control plane
/// never delivers them).
pub fn wrap(objects: &[ObjectMessage], version: i64) -> Result<Vec<DynamicMessage>, String> {
    let mut groups: Vec<(GroupKey, Vec<&ObjectMessage>)> = Vec::new();
    let mut index: std::collections::HashMap<GroupKey, usize> = std::collections::HashMap::new();
    for object in objects {
        let key = group_key(object);
        match index.get(&key) {
            Some(&i) => groups[i].1.push(object),
            None => {
                index.insert(key.clone(), groups.len());
                groups.push((key, vec![object]));
            }
        }
    }
    let response_desc = message(SUBSCRIBE_RESPONSE)?;
    let data_desc = message(DATA_WITH_VERSION)?;
    groups
        .into_iter()
        .map(|((namespace, app, kind), members)| {
            let data = members
                .iter()
                .map(|o| pack(&o.message).map(Value::Message))
                .collect::<Result<Vec<_>, _>>()?;
            let mut with_version = DynamicMessage::new(data_desc.clone());
            with_version.set_field_by_name("data", Value::List(data));
            with_version.set_field_by_name("version", Value::I64(version));
            let mut response = DynamicMessage::new(response_desc.clone());
            response.set_field_by_name("namespace", Value::String(namespace));
            response.set_field_by_name("app", Value::String(app));
            response.set_field_by_name("kind", Value::String(kind));
            response.set_field_by_name("dataWithVersion", Value::Message(with_version));
            Ok(response)
        })
        .collect()
}

/// Whether a message name is an envelope (`SubscribeResponse` or
/// `DataWithVersion`), by full or short name.
pub fn envelope_message(name: &str) -> Option<&'static str> {
    [SUBSCRIBE_RESPONSE, DATA_WITH_VERSION]
        .into_iter()
        .find(|full| *full == name || full.rsplit('.').next() == Some(name))
}

/// The kind a `SubscribeResponse.kind` names (`<group>/<version>/<Kind>`).
fn kind_of_config_kind(config_kind: &str) -> Result<&'static KindInfo, String> {
    let (api_version, kind) = config_kind.rsplit_once('/').unwrap_or(("", config_kind));
    match kinds::lookup(api_version, kind) {
        Lookup::Known(info) if info.proto_message.is_some() => Ok(info),
        Lookup::Known(info) => Err(format!("kind {} has no protobuf message", info.kind)),
        _ => Err(format!(
            "kind `{config_kind}` is not an OpenSergo kind with a protobuf message (expected e.g. fault-tolerance.opensergo.io/v1alpha1/RateLimitStrategy)"
        )),
    }
}

/// Unpacks one Any of an envelope into an object of the expected kind
/// (or of the kind its type URL names, when none is expected).
fn unpack(
    any: &DynamicMessage,
    expected: Option<&'static KindInfo>,
    at: &str,
) -> Result<(&'static KindInfo, DynamicMessage), String> {
    let type_url = any
        .get_field_by_name("type_url")
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let name = type_url.rsplit('/').next().unwrap_or_default();
    let info = match (descriptors::kind_of_message(name), expected) {
        (Some(found), Some(expected)) if !std::ptr::eq(found, expected) => {
            return Err(format!(
                "{at} holds a {} ({type_url}), but the envelope's kind is {}",
                found.kind,
                expected.config_kind()
            ));
        }
        (Some(found), _) => found,
        (None, expected) if name == envoy::ROUTE_CONFIGURATION => {
            let router = kinds::by_kind_name("TrafficRouter")
                .ok_or("TrafficRouter is missing from the kind registry")?;
            if let Some(expected) = expected.filter(|e| !std::ptr::eq(*e, router)) {
                return Err(format!(
                    "{at} holds an envoy RouteConfiguration (a TrafficRouter), but the envelope's kind is {}",
                    expected.config_kind()
                ));
            }
            let desc = message(envoy::ROUTE_CONFIGURATION)?;
            let message = DynamicMessage::decode(desc, any_value(any).as_ref())
                .map_err(|e| format!("{at}: the value is not a valid {name}: {e}"))?;
            return Ok((router, message));
        }
        (None, _) => {
            return Err(format!(
                "{at} has type URL `{type_url}`, which is no OpenSergo kind's message"
            ));
        }
    };
    let desc = descriptors::kind_message(info)
        .ok_or_else(|| format!("{} is missing from the descriptors", info.kind))?;
    let message = DynamicMessage::decode(desc, any_value(any).as_ref())
        .map_err(|e| format!("{at}: the value is not a valid {name}: {e}"))?;
    Ok((info, message))
}

fn any_value(any: &DynamicMessage) -> prost::bytes::Bytes {
    any.get_field_by_name("value")
        .and_then(|v| v.as_bytes().cloned())
        .unwrap_or_default()
}

/// The objects of an envelope (`SubscribeResponse` or `DataWithVersion`).
/// `namespace` and `app` are used where the envelope has none (always for
/// `DataWithVersion`). Objects get the name their message carries, or none
/// (the caller names them).
pub fn unwrap(
    envelope: &DynamicMessage,
    namespace: Option<&str>,
    app: Option<&str>,
) -> Result<Vec<ObjectMessage>, String> {
    let text = |m: &DynamicMessage, name: &str| {
        m.get_field_by_name(name)
            .and_then(|v| v.as_str().map(str::to_string))
            .filter(|s| !s.is_empty())
    };
    let (data, expected, namespace, app) = match envelope.descriptor().full_name() {
        SUBSCRIBE_RESPONSE => {
            let expected = match text(envelope, "kind") {
                Some(kind) => Some(kind_of_config_kind(&kind)?),
                None => None,
            };
            let data = envelope
                .get_field_by_name("dataWithVersion")
                .and_then(|v| v.as_message().cloned());
            (
                data,
                expected,
                text(envelope, "namespace").or(namespace.map(str::to_string)),
                text(envelope, "app").or(app.map(str::to_string)),
            )
        }
        DATA_WITH_VERSION => (
            Some(envelope.clone()),
            None,
            namespace.map(str::to_string),
            app.map(str::to_string),
        ),
        other => return Err(format!("{other} is not an envelope message")),
    };
    let items = data
        .and_then(|d| d.get_field_by_name("data").map(|v| v.into_owned()))
        .and_then(|v| v.as_list().map(<[Value]>::to_vec))
        .unwrap_or_default();
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let any = item
                .as_message()
                .ok_or_else(|| format!("data[{i}] is not a message"))?;
            let (kind, message) = unpack(any, expected, &format!("dataWithVersion.data[{i}]"))?;
            Ok(ObjectMessage {
                kind,
                name: message_name(&message).unwrap_or_default(),
                namespace: namespace.clone(),
                app: app.clone(),
                message,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strategy(name: &str) -> ObjectMessage {
        let info = kinds::by_kind_name("ThrottlingStrategy").unwrap();
        let mut message = DynamicMessage::new(descriptors::kind_message(info).unwrap());
        message.set_field_by_name("name", Value::String(name.into()));
        ObjectMessage {
            kind: info,
            name: name.into(),
            namespace: None,
            app: Some("foo".into()),
            message,
        }
    }

    #[test]
    fn groups_by_namespace_app_and_kind_and_unwraps_back() {
        let mut other_app = strategy("c");
        other_app.app = Some("bar".into());
        let objects = [strategy("a"), other_app, strategy("b")];
        let responses = wrap(&objects, 3).unwrap();
        assert_eq!(responses.len(), 2);
        let back = unwrap(&responses[0], None, None).unwrap();
        let names: Vec<_> = back.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["a", "b"]);
        assert_eq!(back[0].namespace.as_deref(), Some("default"));
        assert_eq!(back[0].app.as_deref(), Some("foo"));
    }

    #[test]
    fn a_route_configuration_is_a_traffic_router_and_only_that() {
        let info = kinds::by_kind_name("TrafficRouter").unwrap();
        let mut message = DynamicMessage::new(message(envoy::ROUTE_CONFIGURATION).unwrap());
        message.set_field_by_name("name", Value::String("r".into()));
        let router = ObjectMessage {
            kind: info,
            name: "r".into(),
            namespace: Some("shop".into()),
            app: Some("foo".into()),
            message,
        };
        let mut responses = wrap(&[router], 1).unwrap();
        let back = unwrap(&responses[0], None, None).unwrap();
        assert_eq!(back[0].kind.kind, "TrafficRouter");
        assert_eq!(back[0].name, "r");
        responses[0].set_field_by_name(
            "kind",
            Value::String("fault-tolerance.opensergo.io/v1alpha1/RateLimitStrategy".into()),
        );
        let err = unwrap(&responses[0], None, None).unwrap_err();
        assert!(err.contains("holds an envoy RouteConfiguration"), "{err}");
    }

    #[test]
    fn a_type_url_that_disagrees_with_the_kind_is_an_error() {
        let mut responses = wrap(&[strategy("a")], 1).unwrap();
        responses[0].set_field_by_name(
            "kind",
            Value::String("fault-tolerance.opensergo.io/v1alpha1/RateLimitStrategy".into()),
        );
        let err = unwrap(&responses[0], None, None).unwrap_err();
        assert!(err.contains("holds a ThrottlingStrategy"), "{err}");
    }
}
