//! Documentation of convert's codes (OS7xxx), printed by `opensergo
//! explain`. Same sections as the other codes' docs.

/// The docs for an OS7xxx code id.
pub fn docs(id: &str) -> Option<&'static str> {
    Some(match id {
        "OS7001" => {
            "## What it does\nReports a value the other side cannot hold: an enum value with no counterpart (`limitMode: GlobalToLocal`), a fractional percent (`12.5%`), a number out of range for the proto field (`-5` in a uint64), a duration without a unit (`interval: 1`).\n\n## Why is this bad\nWriting anything would change the rule's meaning; nothing is written (exit 2).\n\n## Example\n```yaml\nkind: RateLimit\nspec:\n  config:\n    interval: 1     # a protobuf Duration needs a unit\n```\n\n## How to fix\nWrite a value the message allows (`interval: 1s`). `opensergo validate` reports the same values, so CI catches them before conversion."
        }
        "OS7002" => {
            "## What it does\nWarns about a field with no counterpart on the other side (a CRD field the proto lacks, such as `errorConditions.representation`, or `metadata.namespace` without `--envelope`); it is left out of the output.\n\n## Why is this bad\nThe output carries less than the input: converting back will not restore the field.\n\n## How to fix\nNothing, if the field is not needed downstream; for namespaces and app labels use `--envelope`, whose `SubscribeResponse` carries them."
        }
        "OS7003" => {
            "## What it does\nWarns that a field the CRD requires is absent, so the proto field keeps its default (0, empty, the first enum value).\n\n## Why is this bad\nSDKs read the default as a setting: a missing `threshold` becomes a limit of 0.\n\n## How to fix\nAdd the field (`opensergo validate` names it too)."
        }
        "OS7004" => {
            "## What it does\nWarns about a document that has no protobuf message: an object of another API, YAML that is no object, or an OpenSergo kind only the spec documents define. It is skipped.\n\n## Why is this bad\nNothing is converted for it; in a mixed file that is usually fine.\n\n## How to fix\nConvert only OpenSergo rule files, or ignore the warning for mixed files."
        }
        "OS7005" => {
            "## What it does\nReports input bytes or text that do not decode as the expected message: truncated or garbled binpb, JSON or text format of another message, a wrong `--kind` or `--type`.\n\n## Why is this bad\nNothing can be converted from it (exit 2).\n\n## How to fix\nCheck `--from` and `--kind`/`--type`; for several length-delimited messages pass `--delimited`."
        }
        "OS7006" => {
            "## What it does\nWarns that a message carries no object name (the proto has no `metadata`), so the CRD gets a made-up `metadata.name`.\n\n## Why is this bad\nApplying the YAML creates an object under a name nobody chose.\n\n## How to fix\nPass `--name` (and `--namespace`, `--app`), or decode an `--envelope`, which carries names."
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_convert_code_is_documented() {
        for c in super::super::codes::ALL {
            let d = docs(c.id).unwrap_or_else(|| panic!("{} has no docs", c.id));
            assert!(
                d.contains("## What it does") && d.contains("## How to fix"),
                "{}",
                c.id
            );
        }
    }
}
