[ "$HOME" = "$PWD" ] && echo home-is-cwd
