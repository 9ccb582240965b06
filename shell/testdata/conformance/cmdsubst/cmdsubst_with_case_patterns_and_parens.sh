x=$(case a in (a) echo "(paren)";; esac)
echo "$x"
