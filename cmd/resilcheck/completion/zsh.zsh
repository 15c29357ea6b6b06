#compdef resilcheck
# zsh completion for resilcheck. Load it in the current shell with
#   source <(resilcheck completion zsh)
# or save it as _resilcheck in a directory of $fpath.
_resilcheck() {
  local -a opts
  local cur=${words[CURRENT]}
  local -a args=(${words[2,CURRENT-1]})
  # "--" alone would end the flags before --generate-bash-completion; "-" asks for all.
  if [[ "$cur" == -- ]]; then
    args+=(-)
  elif [[ "$cur" == -* ]]; then
    args+=("$cur")
  fi
  opts=("${(@f)$(${words[1]} ${args[@]} --generate-bash-completion 2>/dev/null)}")
  if [[ "${opts[1]}" != "" ]]; then
    _describe 'values' opts
  else
    _files
  fi
}
if [[ "$funcstack[1]" == "_resilcheck" ]]; then
  _resilcheck "$@"
else
  compdef _resilcheck resilcheck
fi
