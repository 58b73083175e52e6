//! Generation between the kind registry's JSON Schemas and protobuf:
//! [`to_proto`] writes a `.proto` file for a kind's `spec` (`opensergo
//! proto from-schema`), [`from_proto`] a JSON Schema or a CRD for any
//! proto message, following the proto3 JSON mapping (`opensergo schema
//! from-proto`). Both work on data the command hands them (a schema, a
//! descriptor pool), so they read no file of their own.

pub mod from_proto;
pub mod previous;
pub mod to_proto;

/// One in-memory `.proto` file compiled by protox with imports and
/// source info, as an encoded FileDescriptorSet.
#[cfg(test)]
fn compile_for_test(name: &str, text: &str) -> Vec<u8> {
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
    compiler.include_imports(true).include_source_info(true);
    compiler
        .open_file(name)
        .unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    compiler.encode_file_descriptor_set()
}
