//! `opensergo convert` and `opensergo proto`.

use crate::cli::{ConvertArgs, ProtoCommand};

pub fn run(_args: &ConvertArgs) -> Result<u8, String> {
    Err("convert: being implemented in this change".into())
}

pub fn proto(_command: &ProtoCommand) -> Result<u8, String> {
    Err("proto: being implemented in this change".into())
}
