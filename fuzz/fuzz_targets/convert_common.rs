//! Shared by the convert fuzz targets: which message to decode as, and
//! the properties every decoded message must have.
#![allow(dead_code)]

use opensergo::convert::{self, Encoding, depth, descriptors};
use prost_reflect::{DynamicMessage, MessageDescriptor, ReflectMessage};


const MESSAGES: &[&str] = &[
    "io.opensergo.proto.transport.v1.SubscribeResponse",
    "io.opensergo.proto.transport.v1.DataWithVersion",
    "io.opensergo.proto.fault_tolerance.v1.RateLimitStrategy",
    "io.opensergo.proto.fault_tolerance.v1.CircuitBreakerStrategy",
    "io.opensergo.proto.fault_tolerance.v1.FaultToleranceRule",
    "opensergo.traffic.v1alpha1.HTTPRoute",
    "io.opensergo.policy.v1alpha1.RateLimit",
    "google.protobuf.Any",
    "google.protobuf.Struct",
    "google.protobuf.Value",
];

/// The message type selected by the first input byte, and the rest.
pub fn pick(data: &[u8]) -> Option<(MessageDescriptor, bool, &[u8])> {
    let (&first, rest) = data.split_first()?;
    let name = MESSAGES[usize::from(first) % MESSAGES.len()];
    let desc = descriptors::pool().get_message_by_name(name)?;
    Some((desc, first & 0x80 != 0, rest))
}

/// Every decoded message is within the depth limit, encodes in every
/// format without panicking, and what binpb and txtpb write reads back.
pub fn check_messages(messages: &[DynamicMessage]) {
    let limit = depth::DEFAULT_MAX_DEPTH;
    for m in messages {
        assert!(depth::message_depth(m, limit) <= limit);
    }
    for format in [Encoding::Binpb, Encoding::Json, Encoding::Txtpb, Encoding::Yaml] {
        let (bytes, _lost) = convert::write_messages(messages, format, true);
        let Some(desc) = messages.first().map(|m| m.descriptor()) else {
            continue;
        };
        match format {
            Encoding::Binpb => {
                let back = convert::read_messages(&bytes, format, &desc, true, limit)
                    .unwrap_or_else(|e| panic!("binpb written cannot be read back: {e}"));
                assert_eq!(back.len(), messages.len());
            }
            Encoding::Txtpb => {
                let back = convert::read_messages(&bytes, format, &desc, true, limit)
                    .unwrap_or_else(|e| {
                        panic!(
                            "txtpb written cannot be read back: {e}\n{}",
                            String::from_utf8_lossy(&bytes)
                        )
                    });
                assert_eq!(back.len(), messages.len());
            }
            Encoding::Yaml => {
                let text = std::str::from_utf8(&bytes).expect("YAML output is UTF-8");
                let (_, error) = opensergo::yaml::load_stream(text);
                assert!(error.is_none(), "YAML written cannot be loaded: {error:?}\n{text}");
            }
            _ => {}
        }
    }
}
