mkdir a b
printf '#!/bin/sh\necho from-a\n' > a/t
printf '#!/bin/sh\necho from-b\n' > b/t
chmod +x a/t b/t
PATH=$PWD/a:$PWD/b:$PATH
t
PATH=$PWD/b:$PWD/a:/usr/bin:/bin
t
