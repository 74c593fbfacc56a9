# girc.bash - bash completion for girc (installed by make install as
# share/bash-completion/completions/girc). The commands and each
# command's options are read from girc's own help (girc --help, girc help
# CMD), so this file names none of them; operands complete as files.
_girc_words() {
    if [ -n "$1" ]; then
        girc --lang=en help "$1" 2>/dev/null
    else
        girc --lang=en --help 2>/dev/null
    fi
}

_girc() {
    local cur=${COMP_WORDS[COMP_CWORD]} cmd= i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            --) break ;;
            -I) ((i++)) ;;
            -*) ;;
            *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_girc_words "$cmd" | grep -o -- '--[a-z][a-z-]*' | sort -u)" -- "$cur"))
        return
    fi
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$(_girc_words '' | sed -n 's/^  \([a-z][a-z]*\)\( .*\)\{0,1\}$/\1/p')" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _girc girc
