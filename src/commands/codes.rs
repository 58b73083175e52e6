//! The one registry of every diagnostic code of every command: each check
//! declares its codes beside the code that reports them, and they are
//! assembled here, once, for `explain`, `explain --list` and the docs
//! check. A new command adds its table to [`groups`].

use crate::codes::{self, Code};

/// The codes one command reports.
pub struct Group {
    /// Who reports them: `validate`, `lint`, `convert`, ...
    pub command: &'static str,
    pub codes: Vec<&'static Code>,
}

/// Every code, by command.
pub fn groups() -> Vec<Group> {
    vec![
        Group {
            command: "validate",
            codes: codes::DOCUMENT_CODES.iter().collect(),
        },
        Group {
            command: "lint",
            codes: crate::lint::registry::FAMILY.codes().collect(),
        },
        Group {
            command: "convert",
            codes: crate::convert::codes::CONVERT_CODES.iter().collect(),
        },
        Group {
            command: "diff",
            codes: crate::diff::codes::DIFF_CODES.iter().collect(),
        },
        Group {
            command: "proto build, lint, breaking, gen",
            codes: crate::protobuild::WORKSPACE_CODES.iter().collect(),
        },
        Group {
            command: "gen",
            codes: crate::proto::PROTO_CODES.iter().collect(),
        },
        Group {
            command: "proto from-schema",
            codes: crate::schemagen::to_proto::SCHEMAGEN_CODES.iter().collect(),
        },
        Group {
            command: "proto lint",
            codes: crate::protolint::FAMILY.codes().collect(),
        },
        Group {
            command: "proto breaking",
            codes: crate::protobreaking::FAMILY.codes().collect(),
        },
        Group {
            command: "proto format",
            codes: crate::protofmt::PROTO_FORMAT_CODES.iter().collect(),
        },
    ]
}

/// Every code of every command, in id order.
pub fn all() -> Vec<&'static Code> {
    let mut all: Vec<&'static Code> = groups().into_iter().flat_map(|g| g.codes).collect();
    all.sort_by_key(|c| c.id);
    all
}

/// The codes whose levels `rules:` and `overrides:` in opensergo.yaml
/// set: validate's and lint's rule families.
pub fn configurable() -> impl Iterator<Item = &'static Code> {
    crate::validate::FAMILY
        .codes()
        .chain(crate::lint::registry::FAMILY.codes())
}

/// A code by id (any case) or name, with the command that reports it.
pub fn find(id_or_name: &str) -> Option<(&'static str, &'static Code)> {
    groups().into_iter().find_map(|g| {
        let command = g.command;
        codes::find(g.codes, id_or_name).map(|c| (command, c))
    })
}

/// Accepts any text, and offers diagnostic codes and names to shell
/// completions (clap's static completions read a parser's possible
/// values). The commands check the value and suggest a close one.
///
/// The list is built when completions ask for it: clap builds every
/// parser of the command tree on each run, and collecting every code
/// there cost a one-file validate about 2% of its time.
#[derive(Clone)]
pub struct CodeCompletion {
    values: fn() -> Vec<&'static str>,
}

impl CodeCompletion {
    /// Every code and name of every command (`explain`).
    pub fn every_code() -> Self {
        CodeCompletion {
            values: || all().iter().flat_map(|c| [c.id, c.name]).collect(),
        }
    }

    /// The codes, names and categories of lint's and validate's rule
    /// families, and `ALL` (`--select`, `--ignore`).
    pub fn selectors() -> Self {
        CodeCompletion {
            values: || {
                let lint = crate::lint::registry::RULES
                    .iter()
                    .flat_map(|r| [r.code.id, r.code.name, r.category()]);
                let validate = crate::validate::RULES
                    .iter()
                    .flat_map(|r| [r.code.id, r.code.name, r.category()]);
                validate.chain(lint).chain(["ALL"]).collect()
            },
        }
    }
}

impl clap::builder::TypedValueParser for CodeCompletion {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let mut seen = std::collections::HashSet::new();
        Some(Box::new(
            (self.values)()
                .into_iter()
                .filter(move |v| seen.insert(*v))
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Codes are stable forever and shared by every output format: no id
    /// or name may appear twice across commands, and every code has full
    /// docs.
    #[test]
    fn every_code_of_every_command_is_unique_and_documented() {
        codes::check_table(all()).unwrap();
    }

    #[test]
    fn codes_are_found_by_id_and_name() {
        assert_eq!(find("os1004").unwrap().1.name, "schema-violation");
        assert_eq!(find("dropped-field").unwrap().0, "convert");
        assert_eq!(find("OS2001").unwrap().0, "lint");
        assert!(find("OS9999").is_none());
    }
}
