//! One nesting limit for every protobuf decoder and encoder of `convert`.
//!
//! Messages nest (a recursive user message, `google.protobuf.Any` holding
//! an `Any`, a map of messages); every reader and writer here walks them
//! recursively, and the protobuf libraries refuse binary input nested more
//! than 100 levels (prost's recursion limit, the same as Go's and C++'s).
//! So one limit, [`DEFAULT_MAX_DEPTH`] (changeable down with
//! `--max-depth`), applies everywhere:
//!
//! * text-format and JSON input is measured before it is parsed
//!   ([`text_depth`]), so a 7,000-level file is a diagnostic, not a stack
//!   overflow;
//! * every decoded message (binpb, JSON, text format, YAML, envelopes) is
//!   measured with the `Any`s inside it unpacked ([`message_depth`])
//!   before anything encodes it, so whatever `convert` writes, it can
//!   read back.
//!
//! Depth counts message levels: a message without message fields is 1,
//! each nested message, map entry and `Any` payload adds one, the way the
//! binary decoder counts them.

use prost_reflect::{DynamicMessage, Value};

/// The deepest nesting `convert` reads or writes: the top-level message
/// plus 99 levels below it. Binary protobuf decoders stop at 101.
pub const DEFAULT_MAX_DEPTH: usize = 100;

/// The nesting depth of a message, counting the payloads of `Any`s whose
/// type is known. Counting stops past `limit` (the result is then
/// `limit + 1`), so the walk itself stays within the limit.
pub fn message_depth(message: &DynamicMessage, limit: usize) -> usize {
    depth_at(message, 1, limit)
}

fn depth_at(message: &DynamicMessage, level: usize, limit: usize) -> usize {
    if level > limit {
        return level;
    }
    let mut deepest = level;
    if let Some(inner) = any_payload(message) {
        deepest = deepest.max(depth_at(&inner, level + 1, limit));
        return deepest;
    }
    for (field, value) in message.fields() {
        let d = value_depth(field.is_map(), value, level, limit);
        deepest = deepest.max(d);
        if deepest > limit {
            return deepest;
        }
    }
    for (extension, value) in message.extensions() {
        let d = value_depth(extension.is_map(), value, level, limit);
        deepest = deepest.max(d);
        if deepest > limit {
            return deepest;
        }
    }
    deepest
}

/// The depth reached by one field's value, in a message at `level`.
fn value_depth(is_map: bool, value: &Value, level: usize, limit: usize) -> usize {
    match value {
        Value::Message(m) => depth_at(m, level + 1, limit),
        Value::List(items) => {
            let mut deepest = level;
            for item in items {
                deepest = deepest.max(value_depth(false, item, level, limit));
                if deepest > limit {
                    break;
                }
            }
            deepest
        }
        Value::Map(map) if is_map => {
            // The map entry is a level of its own.
            let entry = level + 1;
            map.values()
                .map(|v| match v {
                    Value::Message(m) => depth_at(m, entry + 1, limit),
                    _ => entry,
                })
                .max()
                .unwrap_or(level)
        }
        _ => level,
    }
}

/// The message inside an `Any`, when its type is known and it decodes.
fn any_payload(message: &DynamicMessage) -> Option<DynamicMessage> {
    super::protojson::unpack_any(message).map(|(_, inner)| inner)
}

/// The message depth a text asks for, from its bracket nesting outside
/// strings and comments: the text format's `{`/`<` plus one for the
/// top-level message, or JSON's `{` (the top-level object is the message;
/// `[` holds lists, not levels). Stops at `limit + 1`.
pub fn text_depth(text: &str, json: bool, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut depth: usize = usize::from(!json);
    let mut deepest = depth;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' if !json || bytes[i] == b'"' => {
                let quote = bytes[i];
                i += 1;
                while i < bytes.len() && bytes[i] != quote && bytes[i] != b'\n' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'#' if !json => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'{' => depth += 1,
            b'<' if !json => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            b'>' if !json => depth = depth.saturating_sub(1),
            _ => {}
        }
        deepest = deepest.max(depth);
        if deepest > limit {
            return deepest;
        }
        i += 1;
    }
    deepest
}

/// The diagnostic text for a message deeper than the limit.
pub fn too_deep(what: &str, limit: usize) -> String {
    format!(
        "{what} nests messages more than {limit} levels deep (the --max-depth limit; binary protobuf decoders stop at 101)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_depth_counts_brackets_outside_strings_and_comments() {
        assert_eq!(text_depth("a: 1", false, 100), 1);
        assert_eq!(text_depth("a { b < c: \"{{{\" > } # {{{\n", false, 100), 3);
        assert_eq!(text_depth("{\"a\": [{\"b\": \"{{{\"}]}", true, 100), 2);
        assert_eq!(text_depth(&"a { ".repeat(10_000), false, 100), 101);
    }
}
