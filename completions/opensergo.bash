_opensergo() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="opensergo"
                ;;
            opensergo,completions)
                cmd="opensergo__subcmd__completions"
                ;;
            opensergo,config)
                cmd="opensergo__subcmd__config"
                ;;
            opensergo,convert)
                cmd="opensergo__subcmd__convert"
                ;;
            opensergo,diff)
                cmd="opensergo__subcmd__diff"
                ;;
            opensergo,explain)
                cmd="opensergo__subcmd__explain"
                ;;
            opensergo,gen)
                cmd="opensergo__subcmd__gen"
                ;;
            opensergo,help)
                cmd="opensergo__subcmd__help"
                ;;
            opensergo,lint)
                cmd="opensergo__subcmd__lint"
                ;;
            opensergo,man)
                cmd="opensergo__subcmd__man"
                ;;
            opensergo,proto)
                cmd="opensergo__subcmd__proto"
                ;;
            opensergo,schema)
                cmd="opensergo__subcmd__schema"
                ;;
            opensergo,validate)
                cmd="opensergo__subcmd__validate"
                ;;
            opensergo__subcmd__config,help)
                cmd="opensergo__subcmd__config__subcmd__help"
                ;;
            opensergo__subcmd__config,init)
                cmd="opensergo__subcmd__config__subcmd__init"
                ;;
            opensergo__subcmd__config,show)
                cmd="opensergo__subcmd__config__subcmd__show"
                ;;
            opensergo__subcmd__config__subcmd__help,help)
                cmd="opensergo__subcmd__config__subcmd__help__subcmd__help"
                ;;
            opensergo__subcmd__config__subcmd__help,init)
                cmd="opensergo__subcmd__config__subcmd__help__subcmd__init"
                ;;
            opensergo__subcmd__config__subcmd__help,show)
                cmd="opensergo__subcmd__config__subcmd__help__subcmd__show"
                ;;
            opensergo__subcmd__help,completions)
                cmd="opensergo__subcmd__help__subcmd__completions"
                ;;
            opensergo__subcmd__help,config)
                cmd="opensergo__subcmd__help__subcmd__config"
                ;;
            opensergo__subcmd__help,convert)
                cmd="opensergo__subcmd__help__subcmd__convert"
                ;;
            opensergo__subcmd__help,diff)
                cmd="opensergo__subcmd__help__subcmd__diff"
                ;;
            opensergo__subcmd__help,explain)
                cmd="opensergo__subcmd__help__subcmd__explain"
                ;;
            opensergo__subcmd__help,gen)
                cmd="opensergo__subcmd__help__subcmd__gen"
                ;;
            opensergo__subcmd__help,help)
                cmd="opensergo__subcmd__help__subcmd__help"
                ;;
            opensergo__subcmd__help,lint)
                cmd="opensergo__subcmd__help__subcmd__lint"
                ;;
            opensergo__subcmd__help,man)
                cmd="opensergo__subcmd__help__subcmd__man"
                ;;
            opensergo__subcmd__help,proto)
                cmd="opensergo__subcmd__help__subcmd__proto"
                ;;
            opensergo__subcmd__help,schema)
                cmd="opensergo__subcmd__help__subcmd__schema"
                ;;
            opensergo__subcmd__help,validate)
                cmd="opensergo__subcmd__help__subcmd__validate"
                ;;
            opensergo__subcmd__help__subcmd__config,init)
                cmd="opensergo__subcmd__help__subcmd__config__subcmd__init"
                ;;
            opensergo__subcmd__help__subcmd__config,show)
                cmd="opensergo__subcmd__help__subcmd__config__subcmd__show"
                ;;
            opensergo__subcmd__help__subcmd__proto,breaking)
                cmd="opensergo__subcmd__help__subcmd__proto__subcmd__breaking"
                ;;
            opensergo__subcmd__help__subcmd__proto,build)
                cmd="opensergo__subcmd__help__subcmd__proto__subcmd__build"
                ;;
            opensergo__subcmd__help__subcmd__proto,export)
                cmd="opensergo__subcmd__help__subcmd__proto__subcmd__export"
                ;;
            opensergo__subcmd__help__subcmd__proto,format)
                cmd="opensergo__subcmd__help__subcmd__proto__subcmd__format"
                ;;
            opensergo__subcmd__help__subcmd__proto,from-schema)
                cmd="opensergo__subcmd__help__subcmd__proto__subcmd__from__subcmd__schema"
                ;;
            opensergo__subcmd__help__subcmd__proto,lint)
                cmd="opensergo__subcmd__help__subcmd__proto__subcmd__lint"
                ;;
            opensergo__subcmd__help__subcmd__schema,export)
                cmd="opensergo__subcmd__help__subcmd__schema__subcmd__export"
                ;;
            opensergo__subcmd__help__subcmd__schema,from-crd)
                cmd="opensergo__subcmd__help__subcmd__schema__subcmd__from__subcmd__crd"
                ;;
            opensergo__subcmd__help__subcmd__schema,from-proto)
                cmd="opensergo__subcmd__help__subcmd__schema__subcmd__from__subcmd__proto"
                ;;
            opensergo__subcmd__help__subcmd__schema,list)
                cmd="opensergo__subcmd__help__subcmd__schema__subcmd__list"
                ;;
            opensergo__subcmd__proto,breaking)
                cmd="opensergo__subcmd__proto__subcmd__breaking"
                ;;
            opensergo__subcmd__proto,build)
                cmd="opensergo__subcmd__proto__subcmd__build"
                ;;
            opensergo__subcmd__proto,export)
                cmd="opensergo__subcmd__proto__subcmd__export"
                ;;
            opensergo__subcmd__proto,format)
                cmd="opensergo__subcmd__proto__subcmd__format"
                ;;
            opensergo__subcmd__proto,from-schema)
                cmd="opensergo__subcmd__proto__subcmd__from__subcmd__schema"
                ;;
            opensergo__subcmd__proto,help)
                cmd="opensergo__subcmd__proto__subcmd__help"
                ;;
            opensergo__subcmd__proto,lint)
                cmd="opensergo__subcmd__proto__subcmd__lint"
                ;;
            opensergo__subcmd__proto__subcmd__help,breaking)
                cmd="opensergo__subcmd__proto__subcmd__help__subcmd__breaking"
                ;;
            opensergo__subcmd__proto__subcmd__help,build)
                cmd="opensergo__subcmd__proto__subcmd__help__subcmd__build"
                ;;
            opensergo__subcmd__proto__subcmd__help,export)
                cmd="opensergo__subcmd__proto__subcmd__help__subcmd__export"
                ;;
            opensergo__subcmd__proto__subcmd__help,format)
                cmd="opensergo__subcmd__proto__subcmd__help__subcmd__format"
                ;;
            opensergo__subcmd__proto__subcmd__help,from-schema)
                cmd="opensergo__subcmd__proto__subcmd__help__subcmd__from__subcmd__schema"
                ;;
            opensergo__subcmd__proto__subcmd__help,help)
                cmd="opensergo__subcmd__proto__subcmd__help__subcmd__help"
                ;;
            opensergo__subcmd__proto__subcmd__help,lint)
                cmd="opensergo__subcmd__proto__subcmd__help__subcmd__lint"
                ;;
            opensergo__subcmd__schema,export)
                cmd="opensergo__subcmd__schema__subcmd__export"
                ;;
            opensergo__subcmd__schema,from-crd)
                cmd="opensergo__subcmd__schema__subcmd__from__subcmd__crd"
                ;;
            opensergo__subcmd__schema,from-proto)
                cmd="opensergo__subcmd__schema__subcmd__from__subcmd__proto"
                ;;
            opensergo__subcmd__schema,help)
                cmd="opensergo__subcmd__schema__subcmd__help"
                ;;
            opensergo__subcmd__schema,list)
                cmd="opensergo__subcmd__schema__subcmd__list"
                ;;
            opensergo__subcmd__schema__subcmd__help,export)
                cmd="opensergo__subcmd__schema__subcmd__help__subcmd__export"
                ;;
            opensergo__subcmd__schema__subcmd__help,from-crd)
                cmd="opensergo__subcmd__schema__subcmd__help__subcmd__from__subcmd__crd"
                ;;
            opensergo__subcmd__schema__subcmd__help,from-proto)
                cmd="opensergo__subcmd__schema__subcmd__help__subcmd__from__subcmd__proto"
                ;;
            opensergo__subcmd__schema__subcmd__help,help)
                cmd="opensergo__subcmd__schema__subcmd__help__subcmd__help"
                ;;
            opensergo__subcmd__schema__subcmd__help,list)
                cmd="opensergo__subcmd__schema__subcmd__help__subcmd__list"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        opensergo)
            opts="-h -V --color --config --no-config --help --version validate lint diff convert proto gen schema config explain completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__completions)
            opts="-h --color --config --no-config --help bash zsh fish powershell elvish nushell"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__config)
            opts="-h --color --config --no-config --help init show help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__config__subcmd__help)
            opts="init show help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__config__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__config__subcmd__help__subcmd__init)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__config__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__config__subcmd__init)
            opts="-h --force --color --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__config__subcmd__show)
            opts="-h --max-file-size --color --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --max-file-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__convert)
            opts="-o -h --color --config --no-config --to --from --output --out-dir --envelope --envoy --as-control-plane --data-version --delimited --kind --name --namespace --app --type --proto-path --descriptor-set --max-depth --follow-symlinks --max-file-size --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -W "binpb json txtpb yaml" -- "${cur}"))
                    return 0
                    ;;
                --from)
                    COMPREPLY=($(compgen -W "binpb json txtpb yaml" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --out-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --kind)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --namespace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --app)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --proto-path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --descriptor-set)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-depth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-file-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__diff)
            opts="-f -h --color --config --no-config --format --exit-code --raw --ignore-order --key --lint --no-summary --exclude --no-ignore --follow-symlinks --max-file-size --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json brief github" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "human json brief github" -- "${cur}"))
                    return 0
                    ;;
                --key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --exclude)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-file-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__explain)
            opts="-h --list --color --config --no-config --help OS0001 io-error OS0002 not-text OS0003 yaml-syntax OS0004 duplicate-key OS0005 yaml-limit OS0006 template OS0007 invalid-config OS1001 missing-type-meta OS1002 unknown-kind OS1003 superseded-kind OS1004 schema-violation OS1005 unknown-field OS1006 invalid-metadata OS1007 missing-app-label OS1008 wrong-api-version OS1009 not-an-object OS1010 no-schema OS1011 rejected-kind OS1012 unknown-suppressed-code OS2001 strategy-not-found OS2002 strategy-kind-mismatch OS2003 ambiguous-strategy-ref OS2004 strategy-in-other-group OS2005 orphan-strategy OS2006 fallback-action-not-found OS2007 target-ref-not-found OS2008 database-ref-not-found OS2009 data-source-not-found OS2010 local-ref-not-found OS2011 subset-not-defined OS3001 duplicate-object OS3002 duplicate-host OS3003 conflicting-limits OS3004 conflicting-circuit-breakers OS3005 rate-limit-with-throttling OS3006 sharding-table-twice OS3007 conflicting-route-limits OS4001 unreachable-route OS4002 shadowed-route OS4003 possibly-shadowed-route OS4004 duplicate-route-match OS4005 invalid-route-weights OS4006 ambiguous-string-match OS4007 invalid-regex OS4008 fallback-same-as-destination OS4009 fallback-other-host OS4010 empty-hosts OS5001 zero-limit OS5002 zero-trigger-ratio OS5003 slow-ratio-without-max-rt OS5004 max-rt-not-below-stat-duration OS5005 short-recovery-timeout OS5006 zero-request-interval OS5007 queue-timeout-below-interval OS5008 yaml11-boolean OS5009 ignored-slow-conditions OS5010 shadow-source-is-shadow OS5011 inert-circuit-breaker OS5012 yaml11-number OS6001 limit-mode-ignored OS6002 stat-duration-ignored OS6003 fqdn-host OS6004 anded-match-entries OS6005 control-plane-ignored-field OS7001 unrepresentable-value OS7002 dropped-field OS7003 missing-field OS7004 not-convertible OS7005 bad-message OS7006 generated-name OS7007 control-plane-difference OS7008 mixed-kinds OS8001 unknown-suppression-code OS8002 unused-suppression OS9001 duplicate-identity OS9002 unreadable-revision OS9003 unidentified-document OS9401 incompatible-regeneration OS9402 no-proto-shape OS9403 invalid-proto-name OS9501 proto-compile-error OS9502 proto-import-not-found OS9503 invalid-proto-workspace OS9504 invalid-gen-template OS9505 out-of-date-stub OS9601 directory-same-package OS9602 package-defined OS9603 package-directory-match OS9604 package-no-import-cycle OS9605 package-same-directory OS9606 enum-first-value-zero OS9607 enum-no-allow-alias OS9608 enum-pascal-case OS9609 enum-value-upper-snake-case OS9610 field-lower-snake-case OS9611 field-not-required OS9612 import-no-public OS9613 import-used OS9614 message-pascal-case OS9615 oneof-lower-snake-case OS9616 package-lower-snake-case OS9617 package-same-csharp-namespace OS9618 package-same-go-package OS9619 package-same-java-multiple-files OS9620 package-same-java-package OS9621 package-same-php-namespace OS9622 package-same-ruby-package OS9623 package-same-swift-prefix OS9624 rpc-pascal-case OS9625 service-pascal-case OS9626 syntax-specified OS9627 enum-value-prefix OS9628 enum-zero-value-suffix OS9629 file-lower-snake-case OS9630 package-version-suffix OS9631 rpc-request-response-unique OS9632 rpc-request-standard-name OS9633 rpc-response-standard-name OS9634 service-suffix OS9635 comment-enum OS9636 comment-enum-value OS9637 comment-field OS9638 comment-message OS9639 comment-oneof OS9640 comment-rpc OS9641 comment-service OS9642 rpc-no-client-streaming OS9643 rpc-no-server-streaming OS9644 stable-package-no-import-unstable OS9645 import-no-weak OS9701 extension-no-delete OS9702 service-no-delete OS9703 enum-no-delete OS9704 file-no-delete OS9705 message-no-delete OS9706 enum-same-type OS9707 field-same-cardinality OS9708 field-same-cpp-string-type OS9709 field-same-java-utf8-validation OS9710 field-same-jstype OS9711 field-same-utf8-validation OS9712 file-same-cc-enable-arenas OS9713 file-same-cc-generic-services OS9714 file-same-csharp-namespace OS9715 file-same-go-package OS9716 file-same-java-generic-services OS9717 file-same-java-multiple-files OS9718 file-same-java-outer-classname OS9719 file-same-java-package OS9720 file-same-objc-class-prefix OS9721 file-same-optimize-for OS9722 file-same-php-class-prefix OS9723 file-same-php-metadata-namespace OS9724 file-same-php-namespace OS9725 file-same-py-generic-services OS9726 file-same-ruby-package OS9727 file-same-swift-prefix OS9728 rpc-no-delete OS9729 enum-value-no-delete OS9730 extension-message-no-delete OS9731 field-no-delete OS9732 field-same-type OS9733 file-same-syntax OS9734 message-no-remove-standard-descriptor-accessor OS9735 oneof-no-delete OS9736 enum-same-json-format OS9737 enum-value-same-name OS9738 field-same-json-name OS9739 field-same-name OS9740 message-same-json-format OS9741 field-same-default OS9742 field-same-oneof OS9743 file-same-package OS9744 message-same-required-fields OS9745 reserved-enum-no-delete OS9746 reserved-message-no-delete OS9747 rpc-same-client-streaming OS9748 rpc-same-server-streaming OS9749 rpc-same-idempotency-level OS9750 rpc-same-request-type OS9751 rpc-same-response-type OS9752 package-enum-no-delete OS9753 package-extension-no-delete OS9754 package-message-no-delete OS9755 package-service-no-delete OS9756 package-no-delete OS9757 enum-value-no-delete-unless-name-reserved OS9758 field-no-delete-unless-name-reserved OS9759 field-wire-json-compatible-cardinality OS9760 field-wire-json-compatible-type OS9761 enum-value-no-delete-unless-number-reserved OS9762 field-no-delete-unless-number-reserved OS9763 field-wire-compatible-cardinality OS9764 field-wire-compatible-type OS9801 proto-format-syntax-error OS9802 proto-format-too-deep"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__gen)
            opts="-f -h --color --config --no-config --template --check --plugin --timeout --no-cache --format --path --exclude-path --compiler --max-file-size --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --template)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --plugin)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human short json sarif github junit" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "human short json sarif github junit" -- "${cur}"))
                    return 0
                    ;;
                --path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --exclude-path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --compiler)
                    COMPREPLY=($(compgen -W "auto protox protoc" -- "${cur}"))
                    return 0
                    ;;
                --max-file-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help)
            opts="validate lint diff convert proto gen schema config explain completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__config)
            opts="init show"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__config__subcmd__init)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__config__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__convert)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__diff)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__explain)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__gen)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__lint)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__man)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__proto)
            opts="export build lint breaking from-schema format"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__proto__subcmd__breaking)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__proto__subcmd__build)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__proto__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__proto__subcmd__format)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__proto__subcmd__from__subcmd__schema)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__proto__subcmd__lint)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__schema)
            opts="list export from-crd from-proto"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__schema__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__schema__subcmd__from__subcmd__crd)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__schema__subcmd__from__subcmd__proto)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__schema__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__help__subcmd__validate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__lint)
            opts="-f -o -q -n -h --color --config --no-config --exclude --no-ignore --force-exclude --stdin-filename --follow-symlinks --max-file-size --format --output --fail-on --quiet --summary --strict --schema-dir --crd --skip --reject --require-known --select --extend-select --ignore --severity --namespace --list-rules --explain --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --exclude)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --stdin-filename)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-file-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human short json sarif github junit" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "human short json sarif github junit" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fail-on)
                    COMPREPLY=($(compgen -W "info warning error" -- "${cur}"))
                    return 0
                    ;;
                --schema-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --crd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --skip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --reject)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --select)
                    COMPREPLY=($(compgen -W "OS1001 missing-type-meta type OS1002 unknown-kind OS1003 superseded-kind OS1004 schema-violation schema OS1005 unknown-field OS1006 invalid-metadata metadata OS1007 missing-app-label OS1008 wrong-api-version OS1009 not-an-object OS1010 no-schema OS1011 rejected-kind OS1012 unknown-suppressed-code suppression OS2001 strategy-not-found reference OS2002 strategy-kind-mismatch OS2003 ambiguous-strategy-ref OS2004 strategy-in-other-group OS2005 orphan-strategy OS2006 fallback-action-not-found OS2007 target-ref-not-found OS2008 database-ref-not-found OS2009 data-source-not-found OS2010 local-ref-not-found OS2011 subset-not-defined OS3001 duplicate-object conflict OS3002 duplicate-host OS3003 conflicting-limits OS3004 conflicting-circuit-breakers OS3005 rate-limit-with-throttling OS3006 sharding-table-twice OS3007 conflicting-route-limits OS4001 unreachable-route OS4002 shadowed-route OS4003 possibly-shadowed-route OS4004 duplicate-route-match OS4005 invalid-route-weights suspicious OS4006 ambiguous-string-match OS4007 invalid-regex OS4008 fallback-same-as-destination OS4009 fallback-other-host OS4010 empty-hosts OS5001 zero-limit OS5002 zero-trigger-ratio OS5003 slow-ratio-without-max-rt OS5004 max-rt-not-below-stat-duration OS5005 short-recovery-timeout OS5006 zero-request-interval OS5007 queue-timeout-below-interval OS5008 yaml11-boolean OS5009 ignored-slow-conditions OS5010 shadow-source-is-shadow OS5011 inert-circuit-breaker OS5012 yaml11-number OS6001 limit-mode-ignored runtime-compat OS6002 stat-duration-ignored OS6003 fqdn-host OS6004 anded-match-entries OS6005 control-plane-ignored-field OS8001 unknown-suppression-code style OS8002 unused-suppression ALL" -- "${cur}"))
                    return 0
                    ;;
                --extend-select)
                    COMPREPLY=($(compgen -W "OS1001 missing-type-meta type OS1002 unknown-kind OS1003 superseded-kind OS1004 schema-violation schema OS1005 unknown-field OS1006 invalid-metadata metadata OS1007 missing-app-label OS1008 wrong-api-version OS1009 not-an-object OS1010 no-schema OS1011 rejected-kind OS1012 unknown-suppressed-code suppression OS2001 strategy-not-found reference OS2002 strategy-kind-mismatch OS2003 ambiguous-strategy-ref OS2004 strategy-in-other-group OS2005 orphan-strategy OS2006 fallback-action-not-found OS2007 target-ref-not-found OS2008 database-ref-not-found OS2009 data-source-not-found OS2010 local-ref-not-found OS2011 subset-not-defined OS3001 duplicate-object conflict OS3002 duplicate-host OS3003 conflicting-limits OS3004 conflicting-circuit-breakers OS3005 rate-limit-with-throttling OS3006 sharding-table-twice OS3007 conflicting-route-limits OS4001 unreachable-route OS4002 shadowed-route OS4003 possibly-shadowed-route OS4004 duplicate-route-match OS4005 invalid-route-weights suspicious OS4006 ambiguous-string-match OS4007 invalid-regex OS4008 fallback-same-as-destination OS4009 fallback-other-host OS4010 empty-hosts OS5001 zero-limit OS5002 zero-trigger-ratio OS5003 slow-ratio-without-max-rt OS5004 max-rt-not-below-stat-duration OS5005 short-recovery-timeout OS5006 zero-request-interval OS5007 queue-timeout-below-interval OS5008 yaml11-boolean OS5009 ignored-slow-conditions OS5010 shadow-source-is-shadow OS5011 inert-circuit-breaker OS5012 yaml11-number OS6001 limit-mode-ignored runtime-compat OS6002 stat-duration-ignored OS6003 fqdn-host OS6004 anded-match-entries OS6005 control-plane-ignored-field OS8001 unknown-suppression-code style OS8002 unused-suppression ALL" -- "${cur}"))
                    return 0
                    ;;
                --ignore)
                    COMPREPLY=($(compgen -W "OS1001 missing-type-meta type OS1002 unknown-kind OS1003 superseded-kind OS1004 schema-violation schema OS1005 unknown-field OS1006 invalid-metadata metadata OS1007 missing-app-label OS1008 wrong-api-version OS1009 not-an-object OS1010 no-schema OS1011 rejected-kind OS1012 unknown-suppressed-code suppression OS2001 strategy-not-found reference OS2002 strategy-kind-mismatch OS2003 ambiguous-strategy-ref OS2004 strategy-in-other-group OS2005 orphan-strategy OS2006 fallback-action-not-found OS2007 target-ref-not-found OS2008 database-ref-not-found OS2009 data-source-not-found OS2010 local-ref-not-found OS2011 subset-not-defined OS3001 duplicate-object conflict OS3002 duplicate-host OS3003 conflicting-limits OS3004 conflicting-circuit-breakers OS3005 rate-limit-with-throttling OS3006 sharding-table-twice OS3007 conflicting-route-limits OS4001 unreachable-route OS4002 shadowed-route OS4003 possibly-shadowed-route OS4004 duplicate-route-match OS4005 invalid-route-weights suspicious OS4006 ambiguous-string-match OS4007 invalid-regex OS4008 fallback-same-as-destination OS4009 fallback-other-host OS4010 empty-hosts OS5001 zero-limit OS5002 zero-trigger-ratio OS5003 slow-ratio-without-max-rt OS5004 max-rt-not-below-stat-duration OS5005 short-recovery-timeout OS5006 zero-request-interval OS5007 queue-timeout-below-interval OS5008 yaml11-boolean OS5009 ignored-slow-conditions OS5010 shadow-source-is-shadow OS5011 inert-circuit-breaker OS5012 yaml11-number OS6001 limit-mode-ignored runtime-compat OS6002 stat-duration-ignored OS6003 fqdn-host OS6004 anded-match-entries OS6005 control-plane-ignored-field OS8001 unknown-suppression-code style OS8002 unused-suppression ALL" -- "${cur}"))
                    return 0
                    ;;
                --severity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --namespace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -n)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --explain)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__man)
            opts="-o -h --out-dir --output --color --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --out-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__proto)
            opts="-h --color --config --no-config --help export build lint breaking from-schema format help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__proto__subcmd__breaking)
            opts="-f -o -q -h --color --config --no-config --against --path --exclude-path --compiler --max-file-size --format --output --fail-on --quiet --summary --error-format --buf-exit-codes --list-rules --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --against)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --exclude-path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --compiler)
                    COMPREPLY=($(compgen -W "auto protox protoc" -- "${cur}"))
                    return 0
                    ;;
                --max-file-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human short json sarif github junit" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "human short json sarif github junit" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fail-on)
                    COMPREPLY=($(compgen -W "info warning error" -- "${cur}"))
                    return 0
                    ;;
                --error-format)
                    COMPREPLY=($(compgen -W "text json github-actions msvc" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__proto__subcmd__build)
            opts="-o -h --color --config --no-config --output --path --exclude-path --compiler --max-file-size --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --exclude-path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --compiler)
                    COMPREPLY=($(compgen -W "auto protox protoc" -- "${cur}"))
                    return 0
                    ;;
                --max-file-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__proto__subcmd__export)
            opts="-h --color --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__proto__subcmd__format)
            opts="-d -w -h --color --config --no-config --diff --write --exit-code --max-file-size --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-file-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__proto__subcmd__from__subcmd__schema)
            opts="-o -h --color --config --no-config --kind --previous --output --max-file-size --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --kind)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --previous)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-file-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__proto__subcmd__help)
            opts="export build lint breaking from-schema format help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__proto__subcmd__help__subcmd__breaking)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__proto__subcmd__help__subcmd__build)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__proto__subcmd__help__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__proto__subcmd__help__subcmd__format)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__proto__subcmd__help__subcmd__from__subcmd__schema)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__proto__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__proto__subcmd__help__subcmd__lint)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__proto__subcmd__lint)
            opts="-f -o -q -h --color --config --no-config --path --exclude-path --compiler --max-file-size --format --output --fail-on --quiet --summary --error-format --buf-exit-codes --list-rules --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --exclude-path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --compiler)
                    COMPREPLY=($(compgen -W "auto protox protoc" -- "${cur}"))
                    return 0
                    ;;
                --max-file-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human short json sarif github junit" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "human short json sarif github junit" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fail-on)
                    COMPREPLY=($(compgen -W "info warning error" -- "${cur}"))
                    return 0
                    ;;
                --error-format)
                    COMPREPLY=($(compgen -W "text json github-actions msvc" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__schema)
            opts="-h --color --config --no-config --help list export from-crd from-proto help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__schema__subcmd__export)
            opts="-h --kind --format --color --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kind)
                    COMPREPLY=($(compgen -W "FaultToleranceRule RateLimitStrategy ThrottlingStrategy ConcurrencyLimitStrategy CircuitBreakerStrategy HttpRequestFallbackAction AdaptiveOverloadProtectionStrategy TrafficRouter VirtualWorkload TrafficLane DatabaseAccessTarget VirtualDatabase DatabaseEndpoint ReadWriteSplitting Sharding Encryption Shadow DatabaseDiscovery DistributedTransaction RateLimit ConcurrencyLimit CircuitBreaker" -- "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "json-schema crd openapi" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__schema__subcmd__from__subcmd__crd)
            opts="-o -h --out-dir --output --max-file-size --color --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --out-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-file-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__schema__subcmd__from__subcmd__proto)
            opts="-o -h --type --proto-path --format --kind --group --output --max-file-size --color --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --proto-path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "json-schema crd" -- "${cur}"))
                    return 0
                    ;;
                --kind)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --group)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-file-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__schema__subcmd__help)
            opts="list export from-crd from-proto help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__schema__subcmd__help__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__schema__subcmd__help__subcmd__from__subcmd__crd)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__schema__subcmd__help__subcmd__from__subcmd__proto)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__schema__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__schema__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__schema__subcmd__list)
            opts="-h --color --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        opensergo__subcmd__validate)
            opts="-f -o -q -h --color --config --no-config --exclude --no-ignore --force-exclude --stdin-filename --follow-symlinks --max-file-size --format --output --fail-on --quiet --summary --strict --schema-dir --crd --skip --reject --require-known --select --extend-select --ignore --severity --list-rules --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --exclude)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --stdin-filename)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-file-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human short json sarif github junit" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "human short json sarif github junit" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fail-on)
                    COMPREPLY=($(compgen -W "info warning error" -- "${cur}"))
                    return 0
                    ;;
                --schema-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --crd)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --skip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --reject)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --select)
                    COMPREPLY=($(compgen -W "OS1001 missing-type-meta type OS1002 unknown-kind OS1003 superseded-kind OS1004 schema-violation schema OS1005 unknown-field OS1006 invalid-metadata metadata OS1007 missing-app-label OS1008 wrong-api-version OS1009 not-an-object OS1010 no-schema OS1011 rejected-kind OS1012 unknown-suppressed-code suppression OS2001 strategy-not-found reference OS2002 strategy-kind-mismatch OS2003 ambiguous-strategy-ref OS2004 strategy-in-other-group OS2005 orphan-strategy OS2006 fallback-action-not-found OS2007 target-ref-not-found OS2008 database-ref-not-found OS2009 data-source-not-found OS2010 local-ref-not-found OS2011 subset-not-defined OS3001 duplicate-object conflict OS3002 duplicate-host OS3003 conflicting-limits OS3004 conflicting-circuit-breakers OS3005 rate-limit-with-throttling OS3006 sharding-table-twice OS3007 conflicting-route-limits OS4001 unreachable-route OS4002 shadowed-route OS4003 possibly-shadowed-route OS4004 duplicate-route-match OS4005 invalid-route-weights suspicious OS4006 ambiguous-string-match OS4007 invalid-regex OS4008 fallback-same-as-destination OS4009 fallback-other-host OS4010 empty-hosts OS5001 zero-limit OS5002 zero-trigger-ratio OS5003 slow-ratio-without-max-rt OS5004 max-rt-not-below-stat-duration OS5005 short-recovery-timeout OS5006 zero-request-interval OS5007 queue-timeout-below-interval OS5008 yaml11-boolean OS5009 ignored-slow-conditions OS5010 shadow-source-is-shadow OS5011 inert-circuit-breaker OS5012 yaml11-number OS6001 limit-mode-ignored runtime-compat OS6002 stat-duration-ignored OS6003 fqdn-host OS6004 anded-match-entries OS6005 control-plane-ignored-field OS8001 unknown-suppression-code style OS8002 unused-suppression ALL" -- "${cur}"))
                    return 0
                    ;;
                --extend-select)
                    COMPREPLY=($(compgen -W "OS1001 missing-type-meta type OS1002 unknown-kind OS1003 superseded-kind OS1004 schema-violation schema OS1005 unknown-field OS1006 invalid-metadata metadata OS1007 missing-app-label OS1008 wrong-api-version OS1009 not-an-object OS1010 no-schema OS1011 rejected-kind OS1012 unknown-suppressed-code suppression OS2001 strategy-not-found reference OS2002 strategy-kind-mismatch OS2003 ambiguous-strategy-ref OS2004 strategy-in-other-group OS2005 orphan-strategy OS2006 fallback-action-not-found OS2007 target-ref-not-found OS2008 database-ref-not-found OS2009 data-source-not-found OS2010 local-ref-not-found OS2011 subset-not-defined OS3001 duplicate-object conflict OS3002 duplicate-host OS3003 conflicting-limits OS3004 conflicting-circuit-breakers OS3005 rate-limit-with-throttling OS3006 sharding-table-twice OS3007 conflicting-route-limits OS4001 unreachable-route OS4002 shadowed-route OS4003 possibly-shadowed-route OS4004 duplicate-route-match OS4005 invalid-route-weights suspicious OS4006 ambiguous-string-match OS4007 invalid-regex OS4008 fallback-same-as-destination OS4009 fallback-other-host OS4010 empty-hosts OS5001 zero-limit OS5002 zero-trigger-ratio OS5003 slow-ratio-without-max-rt OS5004 max-rt-not-below-stat-duration OS5005 short-recovery-timeout OS5006 zero-request-interval OS5007 queue-timeout-below-interval OS5008 yaml11-boolean OS5009 ignored-slow-conditions OS5010 shadow-source-is-shadow OS5011 inert-circuit-breaker OS5012 yaml11-number OS6001 limit-mode-ignored runtime-compat OS6002 stat-duration-ignored OS6003 fqdn-host OS6004 anded-match-entries OS6005 control-plane-ignored-field OS8001 unknown-suppression-code style OS8002 unused-suppression ALL" -- "${cur}"))
                    return 0
                    ;;
                --ignore)
                    COMPREPLY=($(compgen -W "OS1001 missing-type-meta type OS1002 unknown-kind OS1003 superseded-kind OS1004 schema-violation schema OS1005 unknown-field OS1006 invalid-metadata metadata OS1007 missing-app-label OS1008 wrong-api-version OS1009 not-an-object OS1010 no-schema OS1011 rejected-kind OS1012 unknown-suppressed-code suppression OS2001 strategy-not-found reference OS2002 strategy-kind-mismatch OS2003 ambiguous-strategy-ref OS2004 strategy-in-other-group OS2005 orphan-strategy OS2006 fallback-action-not-found OS2007 target-ref-not-found OS2008 database-ref-not-found OS2009 data-source-not-found OS2010 local-ref-not-found OS2011 subset-not-defined OS3001 duplicate-object conflict OS3002 duplicate-host OS3003 conflicting-limits OS3004 conflicting-circuit-breakers OS3005 rate-limit-with-throttling OS3006 sharding-table-twice OS3007 conflicting-route-limits OS4001 unreachable-route OS4002 shadowed-route OS4003 possibly-shadowed-route OS4004 duplicate-route-match OS4005 invalid-route-weights suspicious OS4006 ambiguous-string-match OS4007 invalid-regex OS4008 fallback-same-as-destination OS4009 fallback-other-host OS4010 empty-hosts OS5001 zero-limit OS5002 zero-trigger-ratio OS5003 slow-ratio-without-max-rt OS5004 max-rt-not-below-stat-duration OS5005 short-recovery-timeout OS5006 zero-request-interval OS5007 queue-timeout-below-interval OS5008 yaml11-boolean OS5009 ignored-slow-conditions OS5010 shadow-source-is-shadow OS5011 inert-circuit-breaker OS5012 yaml11-number OS6001 limit-mode-ignored runtime-compat OS6002 stat-duration-ignored OS6003 fqdn-host OS6004 anded-match-entries OS6005 control-plane-ignored-field OS8001 unknown-suppression-code style OS8002 unused-suppression ALL" -- "${cur}"))
                    return 0
                    ;;
                --severity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _opensergo -o nosort -o bashdefault -o default opensergo
else
    complete -F _opensergo -o bashdefault -o default opensergo
fi
