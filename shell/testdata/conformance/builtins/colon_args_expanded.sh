: $(echo side-effect >&2) ${x=assigned}
echo $x $?
