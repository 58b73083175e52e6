
use builtin;
use str;

set edit:completion:arg-completer[opensergo] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'opensergo'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'opensergo'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand validate 'Validate OpenSergo YAML against the embedded schemas'
            cand lint 'Find conflicts and broken references across a rule set'
            cand diff 'Compare two rule sets by meaning: objects by identity, not by file or line'
            cand convert 'Convert between OpenSergo CRD YAML and protobuf messages'
            cand proto 'Work with .proto files: export the OpenSergo ones, build a workspace'
            cand gen 'Generate SDK stubs with protoc plugins from a buf.gen.yaml v2 template'
            cand schema 'Work with the JSON Schemas: list kinds, export them, convert CRDs'
            cand config 'Create or show the project configuration (opensergo.yaml)'
            cand explain 'Explain a diagnostic code of any command (`opensergo explain OS1004`)'
            cand completions 'Print shell completions'
            cand man 'Print the man page (roff) to stdout, or write it and one page per subcommand (`opensergo-validate.1`, ...) to a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opensergo;validate'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --exclude 'Skip paths matching this glob (repeatable; gitignore syntax, as ripgrep''s `-g ''!GLOB''`), e.g. `--exclude vendor`'
            cand --stdin-filename 'The name stdin (`-`) has in reports and excludes'
            cand --max-file-size 'Refuse files larger than this many bytes'
            cand -f 'Output format (repeatable; pair each with an --output)'
            cand --format 'Output format (repeatable; pair each with an --output)'
            cand -o 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)'
            cand --output 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)'
            cand --fail-on 'Lowest severity that makes the exit code 1 [default: error, or `failOn` in opensergo.yaml]'
            cand --schema-dir 'Also validate against JSON Schemas in this directory (repeatable), named `<group>/<version>/<Kind>.json`, `<group>/<kind>_<version>.json` or `<kind>_<version>.json`'
            cand --crd 'Also validate against the schemas of these CustomResourceDefinition files (repeatable)'
            cand --skip 'Skip documents of these kinds unchecked (comma-separated, repeatable): `Deployment`, or `apps/v1/Deployment` for one apiVersion'
            cand --reject 'Report every document of these kinds as an error (comma-separated, repeatable)'
            cand --select 'Report only these codes instead of the default set: codes (OS1005, OS2001), names (unknown-field, strategy-not-found), code prefixes (OS10, OS2), categories (validate: type, schema, metadata, suppression; lint: reference, conflict, suspicious, runtime-compat, style) or ALL. Repeatable; comma lists work'
            cand --extend-select 'Report these codes on top of the selected set (same forms as --select)'
            cand --ignore 'Do not report these codes (same forms as --select; the more specific of a select and an ignore wins)'
            cand --severity 'Set a code''s level: CODE=off|info|warning|error (repeatable; the code may also be a name, prefix or category). The lowest level that fails the run is --fail-on'
            cand --no-config 'Ignore any opensergo.yaml'
            cand --no-ignore 'Do not honour .gitignore/.ignore files, and read hidden files'
            cand --force-exclude 'Apply excludes to files named on the command line too (as the pre-commit hooks do), not only to directory walks'
            cand --follow-symlinks 'Follow symbolic links whose target lies outside the walked directory (by default they are skipped, with a note). Files named on the command line are always read as given'
            cand -q 'Print findings only: no summary line'
            cand --quiet 'Print findings only: no summary line'
            cand --summary 'Add a count of findings per code after the summary line'
            cand --strict 'Treat fields the schema does not declare as errors, not warnings'
            cand --require-known 'Documents that no schema checks (other kinds, YAML that is no object) are errors instead of being skipped'
            cand --list-rules 'Print the table of validate''s codes (for --select, --ignore, --severity and suppressions) and exit'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'opensergo;lint'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --exclude 'Skip paths matching this glob (repeatable; gitignore syntax, as ripgrep''s `-g ''!GLOB''`), e.g. `--exclude vendor`'
            cand --stdin-filename 'The name stdin (`-`) has in reports and excludes'
            cand --max-file-size 'Refuse files larger than this many bytes'
            cand -f 'Output format (repeatable; pair each with an --output)'
            cand --format 'Output format (repeatable; pair each with an --output)'
            cand -o 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)'
            cand --output 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)'
            cand --fail-on 'Lowest severity that makes the exit code 1 [default: error, or `failOn` in opensergo.yaml]'
            cand --schema-dir 'Also validate against JSON Schemas in this directory (repeatable), named `<group>/<version>/<Kind>.json`, `<group>/<kind>_<version>.json` or `<kind>_<version>.json`'
            cand --crd 'Also validate against the schemas of these CustomResourceDefinition files (repeatable)'
            cand --skip 'Skip documents of these kinds unchecked (comma-separated, repeatable): `Deployment`, or `apps/v1/Deployment` for one apiVersion'
            cand --reject 'Report every document of these kinds as an error (comma-separated, repeatable)'
            cand --select 'Report only these codes instead of the default set: codes (OS1005, OS2001), names (unknown-field, strategy-not-found), code prefixes (OS10, OS2), categories (validate: type, schema, metadata, suppression; lint: reference, conflict, suspicious, runtime-compat, style) or ALL. Repeatable; comma lists work'
            cand --extend-select 'Report these codes on top of the selected set (same forms as --select)'
            cand --ignore 'Do not report these codes (same forms as --select; the more specific of a select and an ignore wins)'
            cand --severity 'Set a code''s level: CODE=off|info|warning|error (repeatable; the code may also be a name, prefix or category). The lowest level that fails the run is --fail-on'
            cand -n 'The namespace of objects that set no `metadata.namespace` (as `kubectl apply -n` gives them; kustomize-style repositories leave it out) [default: `namespace` in opensergo.yaml, else `default`]'
            cand --namespace 'The namespace of objects that set no `metadata.namespace` (as `kubectl apply -n` gives them; kustomize-style repositories leave it out) [default: `namespace` in opensergo.yaml, else `default`]'
            cand --explain 'Print the documentation of a rule (code or name) and exit'
            cand --no-config 'Ignore any opensergo.yaml'
            cand --no-ignore 'Do not honour .gitignore/.ignore files, and read hidden files'
            cand --force-exclude 'Apply excludes to files named on the command line too (as the pre-commit hooks do), not only to directory walks'
            cand --follow-symlinks 'Follow symbolic links whose target lies outside the walked directory (by default they are skipped, with a note). Files named on the command line are always read as given'
            cand -q 'Print findings only: no summary line'
            cand --quiet 'Print findings only: no summary line'
            cand --summary 'Add a count of findings per code after the summary line'
            cand --strict 'Treat fields the schema does not declare as errors, not warnings'
            cand --require-known 'Documents that no schema checks (other kinds, YAML that is no object) are errors instead of being skipped'
            cand --list-rules 'Print the table of lint rules and exit'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'opensergo;diff'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand -f 'Output format'
            cand --format 'Output format'
            cand --key 'Pair items of the list at PATH by FIELD (repeatable; `a,b` for several fields), e.g. `--key spec.rules=name`'
            cand --exclude 'Skip paths matching this glob (repeatable), on both sides'
            cand --max-file-size 'Refuse files larger than this many bytes'
            cand --no-config 'Ignore any opensergo.yaml'
            cand --exit-code 'Exit 1 when the sides differ (0 when equal, 2 on errors)'
            cand --raw 'Compare spellings, not meanings: `1m` vs `60s`, `"10"` vs `10`'
            cand --ignore-order 'Do not report moved list items, except where order is meaning (TrafficRouter http routes: the first match wins)'
            cand --lint 'Also lint both sides and show the findings the change introduces and removes (with the project''s lint configuration)'
            cand --no-summary 'Leave out the closing summary of protection and routing changes'
            cand --no-ignore 'Do not honour .gitignore/.ignore files, and read hidden files'
            cand --follow-symlinks 'Follow symbolic links whose target lies outside a compared directory (by default they are skipped, with a note). Links in a git revision''s tree are never followed'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'opensergo;convert'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --to 'Output format (yaml: CRD YAML when reading messages of a kind)'
            cand --from 'Input format. Without it the inputs are CRD YAML'
            cand -o 'Write to this file instead of stdout'
            cand --output 'Write to this file instead of stdout'
            cand --out-dir 'Write one file per message (per object with --to yaml) into this directory'
            cand --data-version 'DataWithVersion.version of the envelopes written'
            cand --kind 'With --from: the OpenSergo kind of the messages (RateLimitStrategy, or fault-tolerance.opensergo.io/v1alpha1/RateLimitStrategy), or SubscribeResponse / DataWithVersion for envelopes'
            cand --name 'With --from: metadata.name for messages that carry no name (FaultToleranceRule, TrafficRouter, policy kinds); several get -1, -2, ... appended'
            cand --namespace 'With --from: metadata.namespace (an envelope''s own namespace wins)'
            cand --app 'With --from: metadata.labels.app (an envelope''s own app wins)'
            cand --type 'Convert any message, by full name (pkg.Msg), between binpb, json, txtpb and yaml, like `buf convert`. Needs --from'
            cand --proto-path 'With --type: also compile the .proto files under this directory (repeatable; each is an import path too, like `protoc -I`)'
            cand --descriptor-set 'With --type: also load the messages of this FileDescriptorSet (made with `protoc --include_imports --descriptor_set_out=FILE` or `buf build -o FILE`)'
            cand --max-depth 'How deep messages may nest (the top-level message is 1; each nested message, map entry and Any payload adds one). Deeper input is an error before it is decoded; binary protobuf decoders stop at 101'
            cand --max-file-size 'Refuse input files (and --descriptor-set, .proto files) larger than this many bytes'
            cand --no-config 'Ignore any opensergo.yaml'
            cand --envelope 'CRD -> proto: wrap objects in the control plane''s SubscribeResponse, one per (namespace, app, kind). Proto -> CRD: the input is SubscribeResponse messages'
            cand --envoy 'TrafficRouter as the envoy RouteConfiguration SDKs receive (what --envelope packs) instead of its spec message; with --from, the input is RouteConfiguration messages'
            cand --as-control-plane 'CRD -> proto: write what today''s control plane sends, its bugs included (`30s` as 300 ms, enums left UNKNOWN, AND-ed matches), with a warning (OS7007) wherever that differs from the correct mapping'
            cand --delimited 'binpb: write a length-delimited stream even for one message; with --from, read one'
            cand --follow-symlinks 'When walking a directory of CRD YAML: follow symbolic links whose target lies outside it (by default they are skipped, with a note)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'opensergo;proto'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -h 'Print help'
            cand --help 'Print help'
            cand export 'Write the OpenSergo .proto files (the ones `convert` uses) to a directory, for generating SDK stubs'
            cand build 'Compile a proto workspace into an image (a FileDescriptorSet with imports and source info), as `buf build` does'
            cand lint 'Lint .proto files with buf''s rules (IDs, categories and buf.yaml configuration as buf has them)'
            cand breaking 'Check a proto workspace for changes that break its previous version (a directory, a descriptor-set image or a git revision), with buf''s rules and buf.yaml `breaking` configuration'
            cand from-schema 'A .proto file for a kind''s spec, from its JSON Schema: one message per object, stable field numbers (--previous), buf STANDARD style'
            cand format 'Format .proto files in the style `buf format` writes'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opensergo;proto;export'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'opensergo;proto;build'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand -o 'Write the image here: `.json` for proto3 JSON, anything else binary (`.binpb`); `-` writes binary to stdout'
            cand --output 'Write the image here: `.json` for proto3 JSON, anything else binary (`.binpb`); `-` writes binary to stdout'
            cand --path 'Build only these files or directories (repeatable): a path under DIR or an import path'
            cand --exclude-path 'Leave out these files or directories (repeatable)'
            cand --compiler 'The compiler'
            cand --max-file-size 'Refuse files (.proto, buf.yaml, those of an --against revision or image) larger than this many bytes'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'opensergo;proto;lint'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --path 'Build only these files or directories (repeatable): a path under DIR or an import path'
            cand --exclude-path 'Leave out these files or directories (repeatable)'
            cand --compiler 'The compiler'
            cand --max-file-size 'Refuse files (.proto, buf.yaml, those of an --against revision or image) larger than this many bytes'
            cand -f 'Output format (repeatable; pair each with an --output)'
            cand --format 'Output format (repeatable; pair each with an --output)'
            cand -o 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)'
            cand --output 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)'
            cand --fail-on 'Lowest severity that makes the exit code 1 [default: error, or `failOn` in opensergo.yaml]'
            cand --error-format 'Print findings as buf''s `--error-format` does (instead of --format)'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -q 'Print findings only: no summary line'
            cand --quiet 'Print findings only: no summary line'
            cand --summary 'Add a count of findings per code after the summary line'
            cand --buf-exit-codes 'Exit 100 on findings, as buf does'
            cand --list-rules 'Print the table of rules and exit'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'opensergo;proto;breaking'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --against 'The previous version: a directory, a descriptor-set image (`.binpb`), or a git revision (`main`, `v1.2.0`, `origin/main`, a commit, `.git#branch=main`) read from the local object store'
            cand --path 'Build only these files or directories (repeatable): a path under DIR or an import path'
            cand --exclude-path 'Leave out these files or directories (repeatable)'
            cand --compiler 'The compiler'
            cand --max-file-size 'Refuse files (.proto, buf.yaml, those of an --against revision or image) larger than this many bytes'
            cand -f 'Output format (repeatable; pair each with an --output)'
            cand --format 'Output format (repeatable; pair each with an --output)'
            cand -o 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)'
            cand --output 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)'
            cand --fail-on 'Lowest severity that makes the exit code 1 [default: error, or `failOn` in opensergo.yaml]'
            cand --error-format 'Print findings as buf''s `--error-format` does (instead of --format)'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -q 'Print findings only: no summary line'
            cand --quiet 'Print findings only: no summary line'
            cand --summary 'Add a count of findings per code after the summary line'
            cand --buf-exit-codes 'Exit 100 on findings, as buf does'
            cand --list-rules 'Print the table of rules and exit'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'opensergo;proto;from-schema'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --kind 'A kind of the registry (`opensergo schema list`)'
            cand --previous 'The file generated last time: its field and enum value numbers are kept and removed ones reserved. May be the same file as --output'
            cand -o 'Write here (atomically) instead of stdout'
            cand --output 'Write here (atomically) instead of stdout'
            cand --max-file-size 'Refuse an input or --previous file larger than this many bytes'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'opensergo;proto;format'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --max-file-size 'Refuse files larger than this many bytes'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -d 'Print a unified diff of the changes instead of the formatted files'
            cand --diff 'Print a unified diff of the changes instead of the formatted files'
            cand -w 'Rewrite the files in place (each one atomically)'
            cand --write 'Rewrite the files in place (each one atomically)'
            cand --exit-code 'Exit 1 when a file is not formatted (for CI)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'opensergo;proto;help'= {
            cand export 'Write the OpenSergo .proto files (the ones `convert` uses) to a directory, for generating SDK stubs'
            cand build 'Compile a proto workspace into an image (a FileDescriptorSet with imports and source info), as `buf build` does'
            cand lint 'Lint .proto files with buf''s rules (IDs, categories and buf.yaml configuration as buf has them)'
            cand breaking 'Check a proto workspace for changes that break its previous version (a directory, a descriptor-set image or a git revision), with buf''s rules and buf.yaml `breaking` configuration'
            cand from-schema 'A .proto file for a kind''s spec, from its JSON Schema: one message per object, stable field numbers (--previous), buf STANDARD style'
            cand format 'Format .proto files in the style `buf format` writes'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opensergo;proto;help;export'= {
        }
        &'opensergo;proto;help;build'= {
        }
        &'opensergo;proto;help;lint'= {
        }
        &'opensergo;proto;help;breaking'= {
        }
        &'opensergo;proto;help;from-schema'= {
        }
        &'opensergo;proto;help;format'= {
        }
        &'opensergo;proto;help;help'= {
        }
        &'opensergo;gen'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --template 'The template: a file, or inline YAML/JSON'
            cand --plugin 'Run only this plugin of the template (repeatable): its `local` name (`protoc-gen-go` or `go`) or its `protoc_builtin` name'
            cand --timeout 'Kill a plugin that runs longer than this (`30s`, `2m`)'
            cand -f 'Format of the --check findings'
            cand --format 'Format of the --check findings'
            cand --path 'Build only these files or directories (repeatable): a path under DIR or an import path'
            cand --exclude-path 'Leave out these files or directories (repeatable)'
            cand --compiler 'The compiler'
            cand --max-file-size 'Refuse files (.proto, buf.yaml, those of an --against revision or image) larger than this many bytes'
            cand --no-config 'Ignore any opensergo.yaml'
            cand --check 'Generate in memory and compare with the output directories; write nothing. Exit 1 listing stale, missing and extra files'
            cand --no-cache 'Compile and run every plugin, ignoring the cache of earlier runs (under ~/.cache/opensergo/gen; keyed by the inputs'' bytes, the template and the plugin binaries, checked in full, so it never changes the output)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'opensergo;schema'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List every kind the tool knows, with its schema origin'
            cand export 'Write the kinds'' schemas to a directory: the embedded JSON Schemas, installable CustomResourceDefinitions, or one OpenAPI 3 document'
            cand from-crd 'Convert CustomResourceDefinition files to JSON Schema files (`<group>/<version>/<Kind>.json` under --output)'
            cand from-proto 'A JSON Schema or a CRD for a proto message, following the proto3 JSON mapping'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opensergo;schema;list'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'opensergo;schema;export'= {
            cand --kind 'Only these kinds (repeatable or comma-separated; any case); default: every kind `opensergo schema list` prints'
            cand --format 'What to write'
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'opensergo;schema;from-crd'= {
            cand -o 'Directory to write the schemas into (created if missing)'
            cand --output 'Directory to write the schemas into (created if missing)'
            cand --out-dir 'Directory to write the schemas into (created if missing)'
            cand --max-file-size 'Refuse CRD files larger than this many bytes'
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'opensergo;schema;from-proto'= {
            cand --type 'The message, by full name (`io.opensergo.proto.fault_tolerance.v1.RateLimitStrategy`)'
            cand --proto-path 'Compile every .proto file under DIR (repeatable; each is an include root, like `protoc -I`). Without it, the embedded OpenSergo protos'
            cand --format 'What to write'
            cand --kind 'The CRD''s kind (with --format crd)'
            cand --group 'The CRD''s API group (with --format crd)'
            cand -o 'Write here (atomically) instead of stdout'
            cand --output 'Write here (atomically) instead of stdout'
            cand --max-file-size 'Refuse .proto files larger than this many bytes'
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'opensergo;schema;help'= {
            cand list 'List every kind the tool knows, with its schema origin'
            cand export 'Write the kinds'' schemas to a directory: the embedded JSON Schemas, installable CustomResourceDefinitions, or one OpenAPI 3 document'
            cand from-crd 'Convert CustomResourceDefinition files to JSON Schema files (`<group>/<version>/<Kind>.json` under --output)'
            cand from-proto 'A JSON Schema or a CRD for a proto message, following the proto3 JSON mapping'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opensergo;schema;help;list'= {
        }
        &'opensergo;schema;help;export'= {
        }
        &'opensergo;schema;help;from-crd'= {
        }
        &'opensergo;schema;help;from-proto'= {
        }
        &'opensergo;schema;help;help'= {
        }
        &'opensergo;config'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -h 'Print help'
            cand --help 'Print help'
            cand init 'Write a commented default opensergo.yaml'
            cand show 'Print the effective configuration'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opensergo;config;init'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --force 'Replace an existing file'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'opensergo;config;show'= {
            cand --max-file-size 'Refuse a configuration file larger than this many bytes'
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'opensergo;config;help'= {
            cand init 'Write a commented default opensergo.yaml'
            cand show 'Print the effective configuration'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opensergo;config;help;init'= {
        }
        &'opensergo;config;help;show'= {
        }
        &'opensergo;config;help;help'= {
        }
        &'opensergo;explain'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --list 'List every code of every command with its summary'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'opensergo;completions'= {
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'opensergo;man'= {
            cand -o 'Write `opensergo.1` and the subcommand pages here'
            cand --output 'Write `opensergo.1` and the subcommand pages here'
            cand --out-dir 'Write `opensergo.1` and the subcommand pages here'
            cand --color 'When to use colors: auto follows the terminal and NO_COLOR'
            cand --config 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)'
            cand --no-config 'Ignore any opensergo.yaml'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'opensergo;help'= {
            cand validate 'Validate OpenSergo YAML against the embedded schemas'
            cand lint 'Find conflicts and broken references across a rule set'
            cand diff 'Compare two rule sets by meaning: objects by identity, not by file or line'
            cand convert 'Convert between OpenSergo CRD YAML and protobuf messages'
            cand proto 'Work with .proto files: export the OpenSergo ones, build a workspace'
            cand gen 'Generate SDK stubs with protoc plugins from a buf.gen.yaml v2 template'
            cand schema 'Work with the JSON Schemas: list kinds, export them, convert CRDs'
            cand config 'Create or show the project configuration (opensergo.yaml)'
            cand explain 'Explain a diagnostic code of any command (`opensergo explain OS1004`)'
            cand completions 'Print shell completions'
            cand man 'Print the man page (roff) to stdout, or write it and one page per subcommand (`opensergo-validate.1`, ...) to a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opensergo;help;validate'= {
        }
        &'opensergo;help;lint'= {
        }
        &'opensergo;help;diff'= {
        }
        &'opensergo;help;convert'= {
        }
        &'opensergo;help;proto'= {
            cand export 'Write the OpenSergo .proto files (the ones `convert` uses) to a directory, for generating SDK stubs'
            cand build 'Compile a proto workspace into an image (a FileDescriptorSet with imports and source info), as `buf build` does'
            cand lint 'Lint .proto files with buf''s rules (IDs, categories and buf.yaml configuration as buf has them)'
            cand breaking 'Check a proto workspace for changes that break its previous version (a directory, a descriptor-set image or a git revision), with buf''s rules and buf.yaml `breaking` configuration'
            cand from-schema 'A .proto file for a kind''s spec, from its JSON Schema: one message per object, stable field numbers (--previous), buf STANDARD style'
            cand format 'Format .proto files in the style `buf format` writes'
        }
        &'opensergo;help;proto;export'= {
        }
        &'opensergo;help;proto;build'= {
        }
        &'opensergo;help;proto;lint'= {
        }
        &'opensergo;help;proto;breaking'= {
        }
        &'opensergo;help;proto;from-schema'= {
        }
        &'opensergo;help;proto;format'= {
        }
        &'opensergo;help;gen'= {
        }
        &'opensergo;help;schema'= {
            cand list 'List every kind the tool knows, with its schema origin'
            cand export 'Write the kinds'' schemas to a directory: the embedded JSON Schemas, installable CustomResourceDefinitions, or one OpenAPI 3 document'
            cand from-crd 'Convert CustomResourceDefinition files to JSON Schema files (`<group>/<version>/<Kind>.json` under --output)'
            cand from-proto 'A JSON Schema or a CRD for a proto message, following the proto3 JSON mapping'
        }
        &'opensergo;help;schema;list'= {
        }
        &'opensergo;help;schema;export'= {
        }
        &'opensergo;help;schema;from-crd'= {
        }
        &'opensergo;help;schema;from-proto'= {
        }
        &'opensergo;help;config'= {
            cand init 'Write a commented default opensergo.yaml'
            cand show 'Print the effective configuration'
        }
        &'opensergo;help;config;init'= {
        }
        &'opensergo;help;config;show'= {
        }
        &'opensergo;help;explain'= {
        }
        &'opensergo;help;completions'= {
        }
        &'opensergo;help;man'= {
        }
        &'opensergo;help;help'= {
        }
    ]
    $completions[$command]
}
