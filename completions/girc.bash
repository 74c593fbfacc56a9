# girc.bash - bash completion for girc (installed by make install as
# share/bash-completion/completions/girc). The commands and each
# command's options are read from girc's own help (girc --help, girc help
# CMD), so this file names none of them; so are the values of an option
# whose help shows them as --OPT=a|b|c (--column-unit=display|byte|char);
# operands complete as files.
_girc_words() {
    if [ -n "$1" ]; then
        girc --lang=en help "$1" 2>/dev/null
    else
        girc --lang=en --help 2>/dev/null
    fi
}

# The values of option $1 (of command $2, or global) as help shows them.
_girc_values() {
    { [ -n "$2" ] && _girc_words "$2"; _girc_words ''; } | grep -o -- "$1=[a-z][a-z|]*" | head -n 1 | cut -d= -f2 | tr '|' ' '
}

_girc() {
    local cur=${COMP_WORDS[COMP_CWORD]} cmd= i opt=
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            --) break ;;
            -I|=) ((i++)) ;;   # -I DIR; --opt=value, split by bash
            -*) ;;
            *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    if [[ $cur == = ]]; then   # bash splits --opt=value at the =
        opt=${COMP_WORDS[COMP_CWORD-1]}
        cur=
    elif ((COMP_CWORD > 1)) && [[ ${COMP_WORDS[COMP_CWORD-1]} == = ]]; then
        opt=${COMP_WORDS[COMP_CWORD-2]}
    fi
    if [[ $opt == --* ]]; then
        COMPREPLY=($(compgen -W "$(_girc_values "$opt" "$cmd")" -- "$cur"))
        return
    fi
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
