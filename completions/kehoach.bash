# bash completion for kehoach: commands, each command's options, .kh files;
# rule ids for --disable/--enable (from `kehoach help rules`) and body ids
# for --for (from `kehoach json` of the plan on the line).
# Installed as share/bash-completion/completions/kehoach (make install).
# Part of kehoach; see README.md for the licence.

# The commands, as `kehoach help` lists them (a new command is offered
# without a change here).
_kehoach_commands()
{
	"$1" help 2>/dev/null | sed -n 's/^  kehoach \([a-z][a-z-]*\).*/\1/p'
}

_kehoach_rules()
{
	"$1" help rules 2>/dev/null |
		sed -n 's/^  \([a-z0-9-]*\) (\(error\|warning\|note\)).*/\1/p'
}

# The body ids of the first plan file among the words.
_kehoach_bodies()
{
	local w
	for w in "${COMP_WORDS[@]:2}"; do
		if [[ $w == *.kh && -f $w ]]; then
			"$1" json "$w" 2>/dev/null |
				sed -n '/^  "bodies": \[/,/^  \]/s/^      "id": "\(.*\)",$/\1/p'
			return
		fi
	done
}

_kehoach_files()
{
	local IFS=$'\n'
	COMPREPLY=($(compgen -d -S / -- "$1") $(compgen -f -X '!*.kh' -- "$1"))
	compopt -o nospace 2>/dev/null
	[[ ${#COMPREPLY[@]} == 1 && ${COMPREPLY[0]} != */ ]] && compopt +o nospace 2>/dev/null
}

_kehoach()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local prog=${COMP_WORDS[0]}
	command -v "$prog" >/dev/null 2>&1 || prog=kehoach
	local commands
	commands="$(_kehoach_commands "$prog")"
	[[ $commands ]] || commands="check json schedule checklist outline render awards fmt init lsp"
	local common="-o --stdlib --root --color --no-color --lang --help"
	if ((COMP_CWORD == 1)); then
		COMPREPLY=($(compgen -W "$commands help --version --help" -- "$cur"))
		return
	fi
	local cmd=${COMP_WORDS[1]}
	case $prev in
	-o | --output)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--stdlib | --root)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	--format)
		if [[ $cmd == awards ]]; then
			COMPREPLY=($(compgen -W "text json csv" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "text json sarif" -- "$cur"))
		fi
		return ;;
	--candidates)
		COMPREPLY=($(compgen -f -X '!*.[cC][sS][vV]' -- "$cur") $(compgen -d -- "$cur"))
		return ;;
	--form)
		return ;;
	--fail-on)
		COMPREPLY=($(compgen -W "error warning" -- "$cur"))
		return ;;
	--disable | --enable)
		COMPREPLY=($(compgen -W "$(_kehoach_rules "$prog")" -- "$cur"))
		return ;;
	--for)
		COMPREPLY=($(compgen -W "$(_kehoach_bodies "$prog")" -- "$cur"))
		return ;;
	--lang)
		COMPREPLY=($(compgen -W "vi en" -- "$cur"))
		return ;;
	--kind)
		COMPREPLY=($(compgen -W "plan guidance letter" -- "$cur"))
		return ;;
	--family)
		COMPREPLY=($(compgen -W "state party" -- "$cur"))
		return ;;
	--level)
		COMPREPLY=($(compgen -W "tỉnh huyện xã" -- "$cur"))
		return ;;
	--min-working-days | --date)
		return ;;
	esac
	local opts
	case $cmd in
	check) opts="--format --disable --enable --fail-on --min-working-days --explain" ;;
	json) opts="" ;;
	schedule) opts="--ics --csv --svg --mirror-events --for" ;;
	checklist) opts="--csv --html --for" ;;
	outline) opts="--html --docx" ;;
	render) opts="--html --docx --pdf" ;;
	awards) opts="--candidates --form --format --csv" ;;
	fmt) opts="-w --write --force --check --stdlib --root --help"
		common="" ;;
	lsp) opts="--stdlib --root --lang --help"
		common="" ;;
	init) opts="--kind --family --level --date -o --force --stdlib --lang --help"
		common="" ;;
	help)
		if ((COMP_CWORD == 2)); then
			COMPREPLY=($(compgen -W "$commands rules" -- "$cur"))
		elif [[ ${COMP_WORDS[2]} == rules ]]; then
			COMPREPLY=($(compgen -W "--markdown" -- "$cur"))
		fi
		return ;;
	*) opts="" ;;   # a command this file does not know yet: files
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts $common" -- "$cur"))
	elif [[ $cmd != lsp && $cmd != init ]]; then
		_kehoach_files "$cur"
	fi
}

complete -F _kehoach kehoach
