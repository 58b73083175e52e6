
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'opensergo' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'opensergo'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'opensergo' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Validate OpenSergo YAML against the embedded schemas')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Find conflicts and broken references across a rule set')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two rule sets by meaning: objects by identity, not by file or line')
            [CompletionResult]::new('convert', 'convert', [CompletionResultType]::ParameterValue, 'Convert between OpenSergo CRD YAML and protobuf messages')
            [CompletionResult]::new('proto', 'proto', [CompletionResultType]::ParameterValue, 'Work with .proto files: export the OpenSergo ones, build a workspace')
            [CompletionResult]::new('gen', 'gen', [CompletionResultType]::ParameterValue, 'Generate SDK stubs with protoc plugins from a buf.gen.yaml v2 template')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Work with the JSON Schemas: list kinds, export them, convert CRDs')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Create or show the project configuration (opensergo.yaml)')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a diagnostic code of any command (`opensergo explain OS1004`)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff) to stdout, or write it and one page per subcommand (`opensergo-validate.1`, ...) to a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opensergo;validate' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip paths matching this glob (repeatable; gitignore syntax, as ripgrep''s `-g ''!GLOB''`), e.g. `--exclude vendor`')
            [CompletionResult]::new('--stdin-filename', '--stdin-filename', [CompletionResultType]::ParameterName, 'The name stdin (`-`) has in reports and excludes')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Refuse files larger than this many bytes')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format (repeatable; pair each with an --output)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (repeatable; pair each with an --output)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit code 1 [default: error, or `failOn` in opensergo.yaml]')
            [CompletionResult]::new('--schema-dir', '--schema-dir', [CompletionResultType]::ParameterName, 'Also validate against JSON Schemas in this directory (repeatable), named `<group>/<version>/<Kind>.json`, `<group>/<kind>_<version>.json` or `<kind>_<version>.json`')
            [CompletionResult]::new('--crd', '--crd', [CompletionResultType]::ParameterName, 'Also validate against the schemas of these CustomResourceDefinition files (repeatable)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Skip documents of these kinds unchecked (comma-separated, repeatable): `Deployment`, or `apps/v1/Deployment` for one apiVersion')
            [CompletionResult]::new('--reject', '--reject', [CompletionResultType]::ParameterName, 'Report every document of these kinds as an error (comma-separated, repeatable)')
            [CompletionResult]::new('--select', '--select', [CompletionResultType]::ParameterName, 'Report only these codes instead of the default set: codes (OS1005, OS2001), names (unknown-field, strategy-not-found), code prefixes (OS10, OS2), categories (validate: type, schema, metadata, suppression; lint: reference, conflict, suspicious, runtime-compat, style) or ALL. Repeatable; comma lists work')
            [CompletionResult]::new('--extend-select', '--extend-select', [CompletionResultType]::ParameterName, 'Report these codes on top of the selected set (same forms as --select)')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Do not report these codes (same forms as --select; the more specific of a select and an ignore wins)')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'Set a code''s level: CODE=off|info|warning|error (repeatable; the code may also be a name, prefix or category). The lowest level that fails the run is --fail-on')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Do not honour .gitignore/.ignore files, and read hidden files')
            [CompletionResult]::new('--force-exclude', '--force-exclude', [CompletionResultType]::ParameterName, 'Apply excludes to files named on the command line too (as the pre-commit hooks do), not only to directory walks')
            [CompletionResult]::new('--follow-symlinks', '--follow-symlinks', [CompletionResultType]::ParameterName, 'Follow symbolic links whose target lies outside the walked directory (by default they are skipped, with a note). Files named on the command line are always read as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print findings only: no summary line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print findings only: no summary line')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Add a count of findings per code after the summary line')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat fields the schema does not declare as errors, not warnings')
            [CompletionResult]::new('--require-known', '--require-known', [CompletionResultType]::ParameterName, 'Documents that no schema checks (other kinds, YAML that is no object) are errors instead of being skipped')
            [CompletionResult]::new('--list-rules', '--list-rules', [CompletionResultType]::ParameterName, 'Print the table of validate''s codes (for --select, --ignore, --severity and suppressions) and exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opensergo;lint' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip paths matching this glob (repeatable; gitignore syntax, as ripgrep''s `-g ''!GLOB''`), e.g. `--exclude vendor`')
            [CompletionResult]::new('--stdin-filename', '--stdin-filename', [CompletionResultType]::ParameterName, 'The name stdin (`-`) has in reports and excludes')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Refuse files larger than this many bytes')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format (repeatable; pair each with an --output)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (repeatable; pair each with an --output)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit code 1 [default: error, or `failOn` in opensergo.yaml]')
            [CompletionResult]::new('--schema-dir', '--schema-dir', [CompletionResultType]::ParameterName, 'Also validate against JSON Schemas in this directory (repeatable), named `<group>/<version>/<Kind>.json`, `<group>/<kind>_<version>.json` or `<kind>_<version>.json`')
            [CompletionResult]::new('--crd', '--crd', [CompletionResultType]::ParameterName, 'Also validate against the schemas of these CustomResourceDefinition files (repeatable)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Skip documents of these kinds unchecked (comma-separated, repeatable): `Deployment`, or `apps/v1/Deployment` for one apiVersion')
            [CompletionResult]::new('--reject', '--reject', [CompletionResultType]::ParameterName, 'Report every document of these kinds as an error (comma-separated, repeatable)')
            [CompletionResult]::new('--select', '--select', [CompletionResultType]::ParameterName, 'Report only these codes instead of the default set: codes (OS1005, OS2001), names (unknown-field, strategy-not-found), code prefixes (OS10, OS2), categories (validate: type, schema, metadata, suppression; lint: reference, conflict, suspicious, runtime-compat, style) or ALL. Repeatable; comma lists work')
            [CompletionResult]::new('--extend-select', '--extend-select', [CompletionResultType]::ParameterName, 'Report these codes on top of the selected set (same forms as --select)')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Do not report these codes (same forms as --select; the more specific of a select and an ignore wins)')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'Set a code''s level: CODE=off|info|warning|error (repeatable; the code may also be a name, prefix or category). The lowest level that fails the run is --fail-on')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace of objects that set no `metadata.namespace` (as `kubectl apply -n` gives them; kustomize-style repositories leave it out) [default: `namespace` in opensergo.yaml, else `default`]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace of objects that set no `metadata.namespace` (as `kubectl apply -n` gives them; kustomize-style repositories leave it out) [default: `namespace` in opensergo.yaml, else `default`]')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the documentation of a rule (code or name) and exit')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Do not honour .gitignore/.ignore files, and read hidden files')
            [CompletionResult]::new('--force-exclude', '--force-exclude', [CompletionResultType]::ParameterName, 'Apply excludes to files named on the command line too (as the pre-commit hooks do), not only to directory walks')
            [CompletionResult]::new('--follow-symlinks', '--follow-symlinks', [CompletionResultType]::ParameterName, 'Follow symbolic links whose target lies outside the walked directory (by default they are skipped, with a note). Files named on the command line are always read as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print findings only: no summary line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print findings only: no summary line')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Add a count of findings per code after the summary line')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat fields the schema does not declare as errors, not warnings')
            [CompletionResult]::new('--require-known', '--require-known', [CompletionResultType]::ParameterName, 'Documents that no schema checks (other kinds, YAML that is no object) are errors instead of being skipped')
            [CompletionResult]::new('--list-rules', '--list-rules', [CompletionResultType]::ParameterName, 'Print the table of lint rules and exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opensergo;diff' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Pair items of the list at PATH by FIELD (repeatable; `a,b` for several fields), e.g. `--key spec.rules=name`')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip paths matching this glob (repeatable), on both sides')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Refuse files larger than this many bytes')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 1 when the sides differ (0 when equal, 2 on errors)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Compare spellings, not meanings: `1m` vs `60s`, `"10"` vs `10`')
            [CompletionResult]::new('--ignore-order', '--ignore-order', [CompletionResultType]::ParameterName, 'Do not report moved list items, except where order is meaning (TrafficRouter http routes: the first match wins)')
            [CompletionResult]::new('--lint', '--lint', [CompletionResultType]::ParameterName, 'Also lint both sides and show the findings the change introduces and removes (with the project''s lint configuration)')
            [CompletionResult]::new('--no-summary', '--no-summary', [CompletionResultType]::ParameterName, 'Leave out the closing summary of protection and routing changes')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Do not honour .gitignore/.ignore files, and read hidden files')
            [CompletionResult]::new('--follow-symlinks', '--follow-symlinks', [CompletionResultType]::ParameterName, 'Follow symbolic links whose target lies outside a compared directory (by default they are skipped, with a note). Links in a git revision''s tree are never followed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opensergo;convert' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Output format (yaml: CRD YAML when reading messages of a kind)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Input format. Without it the inputs are CRD YAML')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file instead of stdout')
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write one file per message (per object with --to yaml) into this directory')
            [CompletionResult]::new('--data-version', '--data-version', [CompletionResultType]::ParameterName, 'DataWithVersion.version of the envelopes written')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'With --from: the OpenSergo kind of the messages (RateLimitStrategy, or fault-tolerance.opensergo.io/v1alpha1/RateLimitStrategy), or SubscribeResponse / DataWithVersion for envelopes')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'With --from: metadata.name for messages that carry no name (FaultToleranceRule, TrafficRouter, policy kinds); several get -1, -2, ... appended')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'With --from: metadata.namespace (an envelope''s own namespace wins)')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'With --from: metadata.labels.app (an envelope''s own app wins)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Convert any message, by full name (pkg.Msg), between binpb, json, txtpb and yaml, like `buf convert`. Needs --from')
            [CompletionResult]::new('--proto-path', '--proto-path', [CompletionResultType]::ParameterName, 'With --type: also compile the .proto files under this directory (repeatable; each is an import path too, like `protoc -I`)')
            [CompletionResult]::new('--descriptor-set', '--descriptor-set', [CompletionResultType]::ParameterName, 'With --type: also load the messages of this FileDescriptorSet (made with `protoc --include_imports --descriptor_set_out=FILE` or `buf build -o FILE`)')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'How deep messages may nest (the top-level message is 1; each nested message, map entry and Any payload adds one). Deeper input is an error before it is decoded; binary protobuf decoders stop at 101')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Refuse input files (and --descriptor-set, .proto files) larger than this many bytes')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('--envelope', '--envelope', [CompletionResultType]::ParameterName, 'CRD -> proto: wrap objects in the control plane''s SubscribeResponse, one per (namespace, app, kind). Proto -> CRD: the input is SubscribeResponse messages')
            [CompletionResult]::new('--envoy', '--envoy', [CompletionResultType]::ParameterName, 'TrafficRouter as the envoy RouteConfiguration SDKs receive (what --envelope packs) instead of its spec message; with --from, the input is RouteConfiguration messages')
            [CompletionResult]::new('--as-control-plane', '--as-control-plane', [CompletionResultType]::ParameterName, 'CRD -> proto: write what today''s control plane sends, its bugs included (`30s` as 300 ms, enums left UNKNOWN, AND-ed matches), with a warning (OS7007) wherever that differs from the correct mapping')
            [CompletionResult]::new('--delimited', '--delimited', [CompletionResultType]::ParameterName, 'binpb: write a length-delimited stream even for one message; with --from, read one')
            [CompletionResult]::new('--follow-symlinks', '--follow-symlinks', [CompletionResultType]::ParameterName, 'When walking a directory of CRD YAML: follow symbolic links whose target lies outside it (by default they are skipped, with a note)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opensergo;proto' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the OpenSergo .proto files (the ones `convert` uses) to a directory, for generating SDK stubs')
            [CompletionResult]::new('build', 'build', [CompletionResultType]::ParameterValue, 'Compile a proto workspace into an image (a FileDescriptorSet with imports and source info), as `buf build` does')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Lint .proto files with buf''s rules (IDs, categories and buf.yaml configuration as buf has them)')
            [CompletionResult]::new('breaking', 'breaking', [CompletionResultType]::ParameterValue, 'Check a proto workspace for changes that break its previous version (a directory, a descriptor-set image or a git revision), with buf''s rules and buf.yaml `breaking` configuration')
            [CompletionResult]::new('from-schema', 'from-schema', [CompletionResultType]::ParameterValue, 'A .proto file for a kind''s spec, from its JSON Schema: one message per object, stable field numbers (--previous), buf STANDARD style')
            [CompletionResult]::new('format', 'format', [CompletionResultType]::ParameterValue, 'Format .proto files in the style `buf format` writes')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opensergo;proto;export' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'opensergo;proto;build' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the image here: `.json` for proto3 JSON, anything else binary (`.binpb`); `-` writes binary to stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the image here: `.json` for proto3 JSON, anything else binary (`.binpb`); `-` writes binary to stdout')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Build only these files or directories (repeatable): a path under DIR or an import path')
            [CompletionResult]::new('--exclude-path', '--exclude-path', [CompletionResultType]::ParameterName, 'Leave out these files or directories (repeatable)')
            [CompletionResult]::new('--compiler', '--compiler', [CompletionResultType]::ParameterName, 'The compiler')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Refuse files (.proto, buf.yaml, those of an --against revision or image) larger than this many bytes')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opensergo;proto;lint' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Build only these files or directories (repeatable): a path under DIR or an import path')
            [CompletionResult]::new('--exclude-path', '--exclude-path', [CompletionResultType]::ParameterName, 'Leave out these files or directories (repeatable)')
            [CompletionResult]::new('--compiler', '--compiler', [CompletionResultType]::ParameterName, 'The compiler')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Refuse files (.proto, buf.yaml, those of an --against revision or image) larger than this many bytes')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format (repeatable; pair each with an --output)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (repeatable; pair each with an --output)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit code 1 [default: error, or `failOn` in opensergo.yaml]')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Print findings as buf''s `--error-format` does (instead of --format)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print findings only: no summary line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print findings only: no summary line')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Add a count of findings per code after the summary line')
            [CompletionResult]::new('--buf-exit-codes', '--buf-exit-codes', [CompletionResultType]::ParameterName, 'Exit 100 on findings, as buf does')
            [CompletionResult]::new('--list-rules', '--list-rules', [CompletionResultType]::ParameterName, 'Print the table of rules and exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opensergo;proto;breaking' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--against', '--against', [CompletionResultType]::ParameterName, 'The previous version: a directory, a descriptor-set image (`.binpb`), or a git revision (`main`, `v1.2.0`, `origin/main`, a commit, `.git#branch=main`) read from the local object store')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Build only these files or directories (repeatable): a path under DIR or an import path')
            [CompletionResult]::new('--exclude-path', '--exclude-path', [CompletionResultType]::ParameterName, 'Leave out these files or directories (repeatable)')
            [CompletionResult]::new('--compiler', '--compiler', [CompletionResultType]::ParameterName, 'The compiler')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Refuse files (.proto, buf.yaml, those of an --against revision or image) larger than this many bytes')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format (repeatable; pair each with an --output)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (repeatable; pair each with an --output)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the matching --format to this file instead of stdout (repeatable, in the same order as --format; `-` is stdout)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Lowest severity that makes the exit code 1 [default: error, or `failOn` in opensergo.yaml]')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'Print findings as buf''s `--error-format` does (instead of --format)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print findings only: no summary line')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print findings only: no summary line')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Add a count of findings per code after the summary line')
            [CompletionResult]::new('--buf-exit-codes', '--buf-exit-codes', [CompletionResultType]::ParameterName, 'Exit 100 on findings, as buf does')
            [CompletionResult]::new('--list-rules', '--list-rules', [CompletionResultType]::ParameterName, 'Print the table of rules and exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opensergo;proto;from-schema' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'A kind of the registry (`opensergo schema list`)')
            [CompletionResult]::new('--previous', '--previous', [CompletionResultType]::ParameterName, 'The file generated last time: its field and enum value numbers are kept and removed ones reserved. May be the same file as --output')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write here (atomically) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write here (atomically) instead of stdout')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Refuse an input or --previous file larger than this many bytes')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'opensergo;proto;format' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Refuse files larger than this many bytes')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Print a unified diff of the changes instead of the formatted files')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print a unified diff of the changes instead of the formatted files')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Rewrite the files in place (each one atomically)')
            [CompletionResult]::new('--write', '--write', [CompletionResultType]::ParameterName, 'Rewrite the files in place (each one atomically)')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 1 when a file is not formatted (for CI)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'opensergo;proto;help' {
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the OpenSergo .proto files (the ones `convert` uses) to a directory, for generating SDK stubs')
            [CompletionResult]::new('build', 'build', [CompletionResultType]::ParameterValue, 'Compile a proto workspace into an image (a FileDescriptorSet with imports and source info), as `buf build` does')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Lint .proto files with buf''s rules (IDs, categories and buf.yaml configuration as buf has them)')
            [CompletionResult]::new('breaking', 'breaking', [CompletionResultType]::ParameterValue, 'Check a proto workspace for changes that break its previous version (a directory, a descriptor-set image or a git revision), with buf''s rules and buf.yaml `breaking` configuration')
            [CompletionResult]::new('from-schema', 'from-schema', [CompletionResultType]::ParameterValue, 'A .proto file for a kind''s spec, from its JSON Schema: one message per object, stable field numbers (--previous), buf STANDARD style')
            [CompletionResult]::new('format', 'format', [CompletionResultType]::ParameterValue, 'Format .proto files in the style `buf format` writes')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opensergo;proto;help;export' {
            break
        }
        'opensergo;proto;help;build' {
            break
        }
        'opensergo;proto;help;lint' {
            break
        }
        'opensergo;proto;help;breaking' {
            break
        }
        'opensergo;proto;help;from-schema' {
            break
        }
        'opensergo;proto;help;format' {
            break
        }
        'opensergo;proto;help;help' {
            break
        }
        'opensergo;gen' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'The template: a file, or inline YAML/JSON')
            [CompletionResult]::new('--plugin', '--plugin', [CompletionResultType]::ParameterName, 'Run only this plugin of the template (repeatable): its `local` name (`protoc-gen-go` or `go`) or its `protoc_builtin` name')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Kill a plugin that runs longer than this (`30s`, `2m`)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Format of the --check findings')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Format of the --check findings')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Build only these files or directories (repeatable): a path under DIR or an import path')
            [CompletionResult]::new('--exclude-path', '--exclude-path', [CompletionResultType]::ParameterName, 'Leave out these files or directories (repeatable)')
            [CompletionResult]::new('--compiler', '--compiler', [CompletionResultType]::ParameterName, 'The compiler')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Refuse files (.proto, buf.yaml, those of an --against revision or image) larger than this many bytes')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Generate in memory and compare with the output directories; write nothing. Exit 1 listing stale, missing and extra files')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Compile and run every plugin, ignoring the cache of earlier runs (under ~/.cache/opensergo/gen; keyed by the inputs'' bytes, the template and the plugin binaries, checked in full, so it never changes the output)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opensergo;schema' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every kind the tool knows, with its schema origin')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the kinds'' schemas to a directory: the embedded JSON Schemas, installable CustomResourceDefinitions, or one OpenAPI 3 document')
            [CompletionResult]::new('from-crd', 'from-crd', [CompletionResultType]::ParameterValue, 'Convert CustomResourceDefinition files to JSON Schema files (`<group>/<version>/<Kind>.json` under --output)')
            [CompletionResult]::new('from-proto', 'from-proto', [CompletionResultType]::ParameterValue, 'A JSON Schema or a CRD for a proto message, following the proto3 JSON mapping')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opensergo;schema;list' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'opensergo;schema;export' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only these kinds (repeatable or comma-separated; any case); default: every kind `opensergo schema list` prints')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'What to write')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opensergo;schema;from-crd' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Directory to write the schemas into (created if missing)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Directory to write the schemas into (created if missing)')
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Directory to write the schemas into (created if missing)')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Refuse CRD files larger than this many bytes')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'opensergo;schema;from-proto' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'The message, by full name (`io.opensergo.proto.fault_tolerance.v1.RateLimitStrategy`)')
            [CompletionResult]::new('--proto-path', '--proto-path', [CompletionResultType]::ParameterName, 'Compile every .proto file under DIR (repeatable; each is an include root, like `protoc -I`). Without it, the embedded OpenSergo protos')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'What to write')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'The CRD''s kind (with --format crd)')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The CRD''s API group (with --format crd)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write here (atomically) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write here (atomically) instead of stdout')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Refuse .proto files larger than this many bytes')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opensergo;schema;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every kind the tool knows, with its schema origin')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the kinds'' schemas to a directory: the embedded JSON Schemas, installable CustomResourceDefinitions, or one OpenAPI 3 document')
            [CompletionResult]::new('from-crd', 'from-crd', [CompletionResultType]::ParameterValue, 'Convert CustomResourceDefinition files to JSON Schema files (`<group>/<version>/<Kind>.json` under --output)')
            [CompletionResult]::new('from-proto', 'from-proto', [CompletionResultType]::ParameterValue, 'A JSON Schema or a CRD for a proto message, following the proto3 JSON mapping')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opensergo;schema;help;list' {
            break
        }
        'opensergo;schema;help;export' {
            break
        }
        'opensergo;schema;help;from-crd' {
            break
        }
        'opensergo;schema;help;from-proto' {
            break
        }
        'opensergo;schema;help;help' {
            break
        }
        'opensergo;config' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented default opensergo.yaml')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective configuration')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opensergo;config;init' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing file')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'opensergo;config;show' {
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Refuse a configuration file larger than this many bytes')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'opensergo;config;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented default opensergo.yaml')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective configuration')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opensergo;config;help;init' {
            break
        }
        'opensergo;config;help;show' {
            break
        }
        'opensergo;config;help;help' {
            break
        }
        'opensergo;explain' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List every code of every command with its summary')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'opensergo;completions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'opensergo;man' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write `opensergo.1` and the subcommand pages here')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write `opensergo.1` and the subcommand pages here')
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write `opensergo.1` and the subcommand pages here')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto follows the terminal and NO_COLOR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project configuration file (default: the nearest opensergo.yaml found walking up from the current directory)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Ignore any opensergo.yaml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'opensergo;help' {
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Validate OpenSergo YAML against the embedded schemas')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Find conflicts and broken references across a rule set')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two rule sets by meaning: objects by identity, not by file or line')
            [CompletionResult]::new('convert', 'convert', [CompletionResultType]::ParameterValue, 'Convert between OpenSergo CRD YAML and protobuf messages')
            [CompletionResult]::new('proto', 'proto', [CompletionResultType]::ParameterValue, 'Work with .proto files: export the OpenSergo ones, build a workspace')
            [CompletionResult]::new('gen', 'gen', [CompletionResultType]::ParameterValue, 'Generate SDK stubs with protoc plugins from a buf.gen.yaml v2 template')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Work with the JSON Schemas: list kinds, export them, convert CRDs')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Create or show the project configuration (opensergo.yaml)')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a diagnostic code of any command (`opensergo explain OS1004`)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff) to stdout, or write it and one page per subcommand (`opensergo-validate.1`, ...) to a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opensergo;help;validate' {
            break
        }
        'opensergo;help;lint' {
            break
        }
        'opensergo;help;diff' {
            break
        }
        'opensergo;help;convert' {
            break
        }
        'opensergo;help;proto' {
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the OpenSergo .proto files (the ones `convert` uses) to a directory, for generating SDK stubs')
            [CompletionResult]::new('build', 'build', [CompletionResultType]::ParameterValue, 'Compile a proto workspace into an image (a FileDescriptorSet with imports and source info), as `buf build` does')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Lint .proto files with buf''s rules (IDs, categories and buf.yaml configuration as buf has them)')
            [CompletionResult]::new('breaking', 'breaking', [CompletionResultType]::ParameterValue, 'Check a proto workspace for changes that break its previous version (a directory, a descriptor-set image or a git revision), with buf''s rules and buf.yaml `breaking` configuration')
            [CompletionResult]::new('from-schema', 'from-schema', [CompletionResultType]::ParameterValue, 'A .proto file for a kind''s spec, from its JSON Schema: one message per object, stable field numbers (--previous), buf STANDARD style')
            [CompletionResult]::new('format', 'format', [CompletionResultType]::ParameterValue, 'Format .proto files in the style `buf format` writes')
            break
        }
        'opensergo;help;proto;export' {
            break
        }
        'opensergo;help;proto;build' {
            break
        }
        'opensergo;help;proto;lint' {
            break
        }
        'opensergo;help;proto;breaking' {
            break
        }
        'opensergo;help;proto;from-schema' {
            break
        }
        'opensergo;help;proto;format' {
            break
        }
        'opensergo;help;gen' {
            break
        }
        'opensergo;help;schema' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every kind the tool knows, with its schema origin')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the kinds'' schemas to a directory: the embedded JSON Schemas, installable CustomResourceDefinitions, or one OpenAPI 3 document')
            [CompletionResult]::new('from-crd', 'from-crd', [CompletionResultType]::ParameterValue, 'Convert CustomResourceDefinition files to JSON Schema files (`<group>/<version>/<Kind>.json` under --output)')
            [CompletionResult]::new('from-proto', 'from-proto', [CompletionResultType]::ParameterValue, 'A JSON Schema or a CRD for a proto message, following the proto3 JSON mapping')
            break
        }
        'opensergo;help;schema;list' {
            break
        }
        'opensergo;help;schema;export' {
            break
        }
        'opensergo;help;schema;from-crd' {
            break
        }
        'opensergo;help;schema;from-proto' {
            break
        }
        'opensergo;help;config' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented default opensergo.yaml')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective configuration')
            break
        }
        'opensergo;help;config;init' {
            break
        }
        'opensergo;help;config;show' {
            break
        }
        'opensergo;help;explain' {
            break
        }
        'opensergo;help;completions' {
            break
        }
        'opensergo;help;man' {
            break
        }
        'opensergo;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
