mkdir -p x/y
cd x/y
/bin/sh -c 'basename "$PWD"'
/bin/pwd | sed 's|.*/||'
