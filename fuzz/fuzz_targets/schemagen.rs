//! Any JSON as the schema of a kind: `proto from-schema` never panics,
//! what it generates without errors compiles (protox), regenerating it
//! with itself as `--previous` changes nothing, and `schema from-proto`
//! makes a JSON Schema of its spec message that compiles.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opensergo::schemagen::{from_proto, previous, to_proto};
use prost::Message as _;

fuzz_target!(|data: &[u8]| {
    let Ok(spec) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let schema = serde_json::json!({"properties": {"spec": spec}});
    let target = to_proto::Target {
        group: "widgets.example.com".into(),
        version: "v1".into(),
        kind: "Widget".into(),
    };
    let Ok((file, _warnings)) = to_proto::generate(&schema, &target, "fuzz") else {
        return;
    };
    let text = file.render();
    let set = opensergo::schemagen::compile_alone(&file.path, &text, false)
        .unwrap_or_else(|e| panic!("generated file does not compile: {e}\n{text}"));
    let descriptor = prost_types::FileDescriptorSet::decode(set.as_slice())
        .unwrap()
        .file
        .into_iter()
        .find(|f| f.name() == file.path)
        .unwrap();
    let mut again = to_proto::generate(&schema, &target, "fuzz").unwrap().0;
    assert!(previous::apply(&mut again, &descriptor, "fuzz").is_empty());
    assert_eq!(again.render(), text);
    let pool = prost_reflect::DescriptorPool::decode(set.as_slice()).unwrap();
    let root = pool
        .get_message_by_name(&format!("{}.WidgetSpec", file.package))
        .unwrap();
    let json = from_proto::json_schema(&root);
    assert!(jsonschema::draft202012::new(&json).is_ok());
});
