//! Unwrapping arbitrary bytes as control-plane envelopes (SubscribeResponse
//! or DataWithVersion) and turning the objects into CRD YAML never panics,
//! and the YAML written loads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opensergo::convert::{self, Encoding, depth, descriptors, envelope};
use opensergo::yaml_out;

fuzz_target!(init: opensergo::yaml::quiet_contained_parser_panics(), |data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let name = if first & 1 == 0 {
        envelope::SUBSCRIBE_RESPONSE
    } else {
        envelope::DATA_WITH_VERSION
    };
    let desc = descriptors::pool().get_message_by_name(name).unwrap();
    let Ok(messages) =
        convert::read_messages(bytes, Encoding::Binpb, &desc, first & 2 != 0, depth::DEFAULT_MAX_DEPTH)
    else {
        return;
    };
    for message in &messages {
        let Ok(objects) = envelope::unwrap(message, Some("ns"), Some("app")) else {
            continue;
        };
        for object in &objects {
            let (doc, _) = convert::object_to_crd(object);
            if let Some(doc) = doc {
                let text = yaml_out::to_yaml(&doc);
                let (_, error) = opensergo::yaml::load_stream(&text);
                assert!(error.is_none(), "{error:?}\n{text}");
            }
        }
        // And back into envelopes.
        let _ = envelope::wrap(&objects, 1);
    }
});
