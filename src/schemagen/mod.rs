//! Generation between the kind registry's JSON Schemas and protobuf:
//! [`to_proto`] writes a `.proto` file for a kind's `spec` (`opensergo
//! proto from-schema`), [`from_proto`] a JSON Schema or a CRD for any
//! proto message, following the proto3 JSON mapping (`opensergo schema
//! from-proto`). Both work on data the command hands them (a schema, a
//! descriptor pool), so they read no file of their own.

pub mod from_proto;
pub mod previous;
pub mod to_proto;
