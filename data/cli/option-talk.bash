# bash completion for option-talk
# SPDX-License-Identifier: GPL-3.0-or-later

_option_talk()
{
  local cur prev words cword split
  _init_completion -s || return

  case $prev in
    --export-pdf | --review-sheet)
      _filedir pdf
      return
      ;;
    --content | --validate-content)
      _filedir xml
      return
      ;;
    --paper)
      COMPREPLY=($(compgen -W 'a4 letter' -- "$cur"))
      return
      ;;
  esac
  $split && return

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W '--help --content --export-pdf --full --large-print --review-sheet --paper
      --validate-content --version' -- "$cur"))
    return
  fi

  _filedir optiontalk
} &&
  complete -F _option_talk option-talk
