# expect: dash's read needs a variable name (no REPLY default): 'arg count', status 2
echo x | { read; echo "st=$? [${REPLY-unset}]"; }
