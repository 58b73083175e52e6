//! Generation between the kind registry's JSON Schemas and protobuf:
//! [`to_proto`] writes a `.proto` file for a kind's `spec` (`opensergo
//! proto from-schema`), [`from_proto`] a JSON Schema or a CRD for any
//! proto message, following the proto3 JSON mapping (`opensergo schema
//! from-proto`). Both work on data the command hands them (a schema, a
//! descriptor pool), so they read no file of their own.

pub mod from_proto;
pub mod previous;
pub mod to_proto;

/// `v1`, `v1alpha1`, `v2beta3`: the versions Kubernetes orders, all of
/// which buf's PACKAGE_VERSION_SUFFIX accepts.
pub(crate) fn is_kubernetes_version(version: &str) -> bool {
    let Some(rest) = version.strip_prefix('v') else {
        return false;
    };
    let major_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    if major_end == 0 || rest.starts_with('0') {
        return false;
    }
    let stage = &rest[major_end..];
    stage.is_empty()
        || ["alpha", "beta"].iter().any(|s| {
            stage.strip_prefix(s).is_some_and(|n| {
                !n.is_empty() && !n.starts_with('0') && n.chars().all(|c| c.is_ascii_digit())
            })
        })
}

/// Compiles one `.proto` file given as text, alone but for the
/// well-known types, with protox: the encoded FileDescriptorSet of it and
/// its imports (with source info when `source_info`). What `proto
/// from-schema` generates must compile so; the unit tests, the
/// integration tests and the fuzz target check it through here.
pub fn compile_alone(name: &str, text: &str, source_info: bool) -> Result<Vec<u8>, protox::Error> {
    struct One(String, String);
    impl protox::file::FileResolver for One {
        fn open_file(&self, name: &str) -> Result<protox::file::File, protox::Error> {
            if name == self.0 {
                protox::file::File::from_source(name, &self.1)
            } else {
                protox::file::GoogleFileResolver::new().open_file(name)
            }
        }
    }
    let mut compiler = protox::Compiler::with_file_resolver(One(name.into(), text.into()));
    compiler
        .include_imports(true)
        .include_source_info(source_info);
    compiler.open_file(name)?;
    Ok(compiler.encode_file_descriptor_set())
}

/// [`compile_alone`] with source info, for unit tests: a file that does
/// not compile fails the test.
#[cfg(test)]
fn compile_for_test(name: &str, text: &str) -> Vec<u8> {
    compile_alone(name, text, true).unwrap_or_else(|e| panic!("{e:?}\n{text}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn versions_are_kubernetes_versions() {
        for ok in ["v1", "v1alpha1", "v2beta3", "v10"] {
            assert!(super::is_kubernetes_version(ok), "{ok}");
        }
        for bad in ["1", "v", "v0", "v1alpha", "v1gamma1", "v1alpha01", "V1"] {
            assert!(!super::is_kubernetes_version(bad), "{bad}");
        }
    }
}
