# bash completion for resilcheck. Load it in the current shell with
#   source <(resilcheck completion bash)
# or save it where bash-completion looks, e.g. /etc/bash_completion.d/resilcheck.
_resilcheck_complete() {
  local cur="${COMP_WORDS[COMP_CWORD]}"
  local -a args=("${COMP_WORDS[@]:1:COMP_CWORD-1}")
  # "--" alone would end the flags before --generate-bash-completion; "-" asks for all.
  if [[ "$cur" == -- ]]; then
    args+=(-)
  elif [[ "$cur" == -* ]]; then
    args+=("$cur")
  fi
  local IFS=$'\n'
  COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "${args[@]}" --generate-bash-completion 2>/dev/null)" -- "$cur"))
}
complete -o bashdefault -o default -F _resilcheck_complete resilcheck
