//! Generation between the kind registry's JSON Schemas and protobuf:
//! [`to_proto`] writes a `.proto` file for a kind's `spec` (`opensergo
//! proto from-schema`), [`from_proto`] a JSON Schema or a CRD for any
//! proto message, following the proto3 JSON mapping (`opensergo schema
//! from-proto`). Both work on data the command hands them (a schema, a
//! descriptor pool), so they read no file of their own.

pub mod from_proto;
pub mod previous;
pub mod to_proto;

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
